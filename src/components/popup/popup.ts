import { PleinPopup } from './popup.component.js';

export { PleinPopup } from './popup.component.js';
export type { PopupPlacement, PopupStrategy } from './popup.component.js';
export { PleinPopupShowEvent } from './popup-show-event.js';
export { PleinPopupHideEvent, type PleinPopupHideDetail, type PopupHideReason } from './popup-hide-event.js';

PleinPopup.define('plein-popup');

declare global {
  interface HTMLElementTagNameMap {
    'plein-popup': PleinPopup;
  }
}
