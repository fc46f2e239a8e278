import type { AdapterError } from '../adapters/errors.js';

/**
 * Base of every Plein event: bubbles and is composed, so a listener on `document` or on any
 * ancestor outside the shadow root hears it, in every framework's event binding.
 */
export class PleinEvent<T> extends CustomEvent<T> {
  constructor(type: string, detail: T, init: Omit<CustomEventInit<T>, 'detail'> = {}) {
    super(type, { bubbles: true, composed: true, ...init, detail });
  }
}

export interface PleinErrorDetail {
  error: AdapterError | Error;
  /** What the person tried to do, e.g. `post-comment`, `vote`, `load`. */
  action: string;
}

/** An action failed; the element already shows a message, this lets the page log or react. */
export class PleinErrorEvent extends PleinEvent<PleinErrorDetail> {
  static readonly eventName = 'plein-error';
  constructor(detail: PleinErrorDetail) {
    super(PleinErrorEvent.eventName, detail);
  }
}

export interface PleinLoginRequestDetail {
  /** What the visitor tried to do, e.g. `post-comment`, `vote`. */
  action: string;
}

/**
 * An anonymous visitor tried to act. The page shows its own sign-in and calls `preventDefault()`;
 * when nobody does, the element falls back to its own prompt (a guest name, where allowed).
 */
export class PleinLoginRequestEvent extends PleinEvent<PleinLoginRequestDetail> {
  static readonly eventName = 'plein-login-request';
  constructor(detail: PleinLoginRequestDetail) {
    super(PleinLoginRequestEvent.eventName, detail, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'plein-error': PleinErrorEvent;
    'plein-login-request': PleinLoginRequestEvent;
  }
}
