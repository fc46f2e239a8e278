import { PleinTime } from './time.component.js';

export { PleinTime } from './time.component.js';

PleinTime.define('plein-time');

declare global {
  interface HTMLElementTagNameMap {
    'plein-time': PleinTime;
  }
}
