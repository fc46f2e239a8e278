import { PleinEvent } from '../../core/events.js';

/** `escape`: the reader pressed Escape; `closed`: `open` was set to false. */
export type PopupHideReason = 'escape' | 'closed';

export interface PleinPopupHideDetail {
  reason: PopupHideReason;
}

/**
 * A `<plein-popup>` closed. The component that owns the trigger listens for `reason: 'escape'` to
 * update its own state (`aria-expanded`), since the popup closed itself.
 */
export class PleinPopupHideEvent extends PleinEvent<PleinPopupHideDetail> {
  static readonly eventName = 'plein-popup-hide';
  constructor(detail: PleinPopupHideDetail) {
    super(PleinPopupHideEvent.eventName, detail);
  }
}

declare global {
  interface HTMLElementEventMap {
    'plein-popup-hide': PleinPopupHideEvent;
  }
}
