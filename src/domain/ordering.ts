/**
 * Thread ordering. Pinned comments come first in every order; ties are broken by date and then by
 * id, so the order is total and stable: the same comments always come out in the same order, which
 * keyset cursors (see `cursor.ts`) rely on.
 */
export type ThreadSort = 'newest' | 'oldest' | 'top';

export const THREAD_SORTS: readonly ThreadSort[] = ['newest', 'oldest', 'top'];

/** What ordering reads from a comment; also the key a cursor keeps. */
export interface ThreadSortKey {
  id: string;
  /** ISO 8601. */
  createdAt: string;
  score?: number;
  pinned?: boolean;
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
// `toISOString()` output (24 characters, UTC, "T" and "Z" in place) sorts as text in date order,
// which is far cheaper than parsing when a 10,000-comment thread is sorted; anything else is parsed.
const isIsoUtc = (text: string) => text.length === 24 && text.charCodeAt(10) === 84 && text.charCodeAt(23) === 90;
const byDate = (a: string, b: string) =>
  isIsoUtc(a) && isIsoUtc(b) ? (a < b ? -1 : a > b ? 1 : 0) : Date.parse(a) - Date.parse(b);

/** `a` before `b` is negative. */
export function compareThread(sort: ThreadSort): (a: ThreadSortKey, b: ThreadSortKey) => number {
  return (a, b) => {
    const pinned = Number(b.pinned === true) - Number(a.pinned === true);
    if (pinned !== 0) return pinned;
    switch (sort) {
      case 'newest':
        return byDate(b.createdAt, a.createdAt) || byId(b.id, a.id);
      case 'oldest':
        return byDate(a.createdAt, b.createdAt) || byId(a.id, b.id);
      case 'top':
        // Equal scores: the earlier comment said it first.
        return (b.score ?? 0) - (a.score ?? 0) || byDate(a.createdAt, b.createdAt) || byId(a.id, b.id);
    }
  };
}

export function threadSortKey(comment: ThreadSortKey): ThreadSortKey {
  return { id: comment.id, createdAt: comment.createdAt, score: comment.score ?? 0, pinned: comment.pinned === true };
}

export function sortThread<T extends ThreadSortKey>(items: readonly T[], sort: ThreadSort): T[] {
  return [...items].sort(compareThread(sort));
}
