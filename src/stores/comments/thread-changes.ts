import { AdapterError } from '../../adapters/errors.js';
import type { CommentsState } from './state.js';
import type { CommentEntry, CommentsAction } from './types.js';

/*
 * What only a change to the thread needs (an edit, a deletion, moderation, a live event), apart
 * from `CommentsState` so that reading alone never downloads it: it comes with the store's
 * writing half and with realtime.
 */

/** The entry for a comment the backend has (not a post still on its way), or a `not-found` failure. */
export function existing(s: CommentsState, id: string, action: CommentsAction): { key: string; entry: CommentEntry } {
  const key = s.tree.keyOf(id);
  const entry = key === undefined ? undefined : s.tree.entry(key);
  if (key === undefined || !entry || entry.local !== undefined) {
    throw s.fail(action, new AdapterError('not-found', `Comment "${id}" is not in this thread.`), id);
  }
  return { key, entry };
}

/** Drops a deleted comment once nothing hangs under it any more, and then its deleted parents. */
export function prune(s: CommentsState, key: string | undefined): void {
  while (key !== undefined) {
    const entry = s.tree.entry(key);
    if (!entry?.comment.deleted || s.tree.childCount(key) > 0) return;
    const parent = s.tree.parentKey(key);
    s.tree.remove(key);
    key = parent;
  }
}

/** A comment is gone for this viewer (deleted, hidden), and its replies with it. */
export function takeAway(s: CommentsState, id: string): void {
  s.incoming.delete(id);
  const key = s.tree.keyOf(id);
  if (key === undefined) return;
  const parent = s.tree.parentKey(key);
  s.tree.remove(key);
  prune(s, parent);
}

/** Per store, the count request under way; `stale`: changes came in meanwhile. */
const counting = new WeakMap<CommentsState, { stale: boolean; retryIn?: number }>();
/** Per store, how many count requests in a row failed. */
const failures = new WeakMap<CommentsState, number>();

/**
 * Fetches the thread again for its count, which backends do not announce with every comment;
 * one request at a time however many changes come in meanwhile. A failed one is asked again,
 * a while later each time (up to a minute), so the count does not stay wrong beside a list that
 * live events keep right.
 */
export function refreshThread(s: CommentsState): void {
  const running = counting.get(s);
  if (running) {
    running.stale = true;
    return;
  }
  const request: { stale: boolean; retryIn?: number } = { stale: false };
  counting.set(s, request);
  const generation = s.generation;
  Promise.resolve()
    .then(() => s.need('comments').getThread(s.thread, { signal: s.reads.signal }))
    .then((info) => {
      failures.delete(s);
      if (generation === s.generation && info) s.$thread.set(info);
    })
    .catch(() => {
      const failed = (failures.get(s) ?? 0) + 1;
      failures.set(s, failed);
      request.retryIn = Math.min(60_000, 1000 * 2 ** failed);
    })
    .finally(() => {
      counting.delete(s);
      if (s.disposed || generation !== s.generation) return;
      if (request.retryIn === undefined) {
        if (request.stale) refreshThread(s);
        return;
      }
      setTimeout(() => {
        // A reload since reads the thread with its first page.
        if (!s.disposed && generation === s.generation && !counting.has(s)) refreshThread(s);
      }, request.retryIn);
    });
}
