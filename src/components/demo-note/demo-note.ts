import { PleinDemoNote } from './demo-note.component.js';

export { PleinDemoNote } from './demo-note.component.js';

PleinDemoNote.define('plein-demo-note');

declare global {
  interface HTMLElementTagNameMap {
    'plein-demo-note': PleinDemoNote;
  }
}
