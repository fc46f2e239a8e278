import { PleinComments } from './comments.component.js';

export { PleinComments } from './comments.component.js';
export * from './events.js';

PleinComments.define('plein-comments');

declare global {
  interface HTMLElementTagNameMap {
    'plein-comments': PleinComments;
  }
}
