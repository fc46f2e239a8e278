import { AdapterError } from '../adapters/errors.js';
import type { InvalidCursorError } from '../domain/cursor.js';

/** `invalid` on `cursor`, saying whether it is another list's cursor or not one this server made at all. */
export function cursorRefusal(error: InvalidCursorError): AdapterError {
  const message = error.foreign
    ? 'This cursor belongs to another list or sort.'
    : 'This is not a cursor this server made: pass on the cursor of the previous page as it came.';
  return AdapterError.invalid({ cursor: { reason: 'invalid-cursor', message } });
}
