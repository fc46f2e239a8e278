import { PleinEvent } from '../../core/events.js';

/** A `<plein-popup>` opened and has been positioned next to its anchor. */
export class PleinPopupShowEvent extends PleinEvent<Record<string, never>> {
  static readonly eventName = 'plein-popup-show';
  constructor() {
    super(PleinPopupShowEvent.eventName, {});
  }
}

declare global {
  interface HTMLElementEventMap {
    'plein-popup-show': PleinPopupShowEvent;
  }
}
