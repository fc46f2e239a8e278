/**
 * Keyset pagination: a cursor holds the sort key of the last item served, not an offset, so it
 * keeps pointing at the same place while items are added before it (new comments on page one do
 * not shift page two) and even after the item it names is deleted.
 *
 * Cursors are opaque to clients (base64url of a small JSON document) and carry a scope, so a
 * cursor of one list or sort order is refused by another instead of silently paging wrong.
 */
import { clampPageSize } from './limits.js';

export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
  /**
   * Whether the cursor is a real one made for another list or sort order; otherwise nothing that
   * encodes cursors made it (a typo, a truncated or made-up value). Errors tell the two apart.
   */
  readonly foreign: boolean;
  constructor(foreign = false) {
    super(foreign ? 'The cursor belongs to another list or sort.' : 'The cursor is not one this backend made.');
    this.foreign = foreign;
  }
}

interface CursorDocument {
  v: 1;
  s: string;
  k: unknown;
}

function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(encoded: string): string {
  const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

export function encodeCursor(scope: string, key: unknown): string {
  const document: CursorDocument = { v: 1, s: scope, k: key };
  return toBase64Url(JSON.stringify(document));
}

/** The key stored in `cursor`; throws `InvalidCursorError` if it is malformed or from another scope. */
export function decodeCursor(cursor: string, scope: string): unknown {
  let document: Partial<CursorDocument>;
  try {
    document = JSON.parse(fromBase64Url(cursor)) as Partial<CursorDocument>;
  } catch {
    throw new InvalidCursorError();
  }
  if (document === null || typeof document !== 'object' || document.v !== 1 || typeof document.s !== 'string') {
    throw new InvalidCursorError();
  }
  if (document.k === null || typeof document.k !== 'object') throw new InvalidCursorError();
  if (document.s !== scope) throw new InvalidCursorError(true);
  return document.k;
}

export interface PaginateOptions<T extends K, K> {
  /** Total order over items; must also accept a key decoded from a cursor. */
  compare: (a: K, b: K) => number;
  /** The fields `compare` reads, kept in the cursor. */
  keyOf: (item: T) => K;
  /** Names the list and its order, e.g. `comments:post-42:root:newest`. */
  scope: string;
  cursor?: string | null;
  limit?: number;
}

/** One page of `items` in `compare` order, after the cursor's position. */
export function paginate<T extends K, K>(
  items: readonly T[],
  options: PaginateOptions<T, K>,
): { items: T[]; cursor: string | null } {
  const sorted = [...items].sort(options.compare);
  const limit = clampPageSize(options.limit);
  let start = 0;
  if (options.cursor) {
    const after = decodeCursor(options.cursor, options.scope) as K;
    start = sorted.findIndex((item) => options.compare(item, after) > 0);
    if (start === -1) start = sorted.length;
  }
  const page = sorted.slice(start, start + limit);
  const last = page.at(-1);
  const more = start + limit < sorted.length;
  return { items: page, cursor: more && last !== undefined ? encodeCursor(options.scope, options.keyOf(last)) : null };
}
