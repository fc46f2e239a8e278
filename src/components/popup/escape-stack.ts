/**
 * Open popups in the order they opened. One document listener hands Escape to the most recent
 * one only, so nested popups close from the inside out and one key press closes one layer.
 */
export interface EscapeLayer {
  /** Returns true when it handled the key (the event is then cancelled). */
  handleEscape(event: KeyboardEvent): boolean;
}

const layers: EscapeLayer[] = [];

function onKeyDown(event: KeyboardEvent): void {
  if (event.key !== 'Escape' || event.defaultPrevented || event.isComposing) return;
  const top = layers.at(-1);
  // Cancelling also stops an enclosing <dialog> from closing on the same key press.
  if (top?.handleEscape(event)) event.preventDefault();
}

export function pushEscapeLayer(layer: EscapeLayer): void {
  removeEscapeLayer(layer);
  layers.push(layer);
  if (layers.length === 1) document.addEventListener('keydown', onKeyDown);
}

export function removeEscapeLayer(layer: EscapeLayer): void {
  const index = layers.indexOf(layer);
  if (index === -1) return;
  layers.splice(index, 1);
  if (layers.length === 0) document.removeEventListener('keydown', onKeyDown);
}
