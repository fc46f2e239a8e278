import { PleinAvatar } from './avatar.component.js';

export { PleinAvatar } from './avatar.component.js';

PleinAvatar.define('plein-avatar');

declare global {
  interface HTMLElementTagNameMap {
    'plein-avatar': PleinAvatar;
  }
}
