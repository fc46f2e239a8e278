import { batch } from 'nanostores';
import type { Comment } from '../../adapters/contract.js';
import { isAbortError } from '../../adapters/errors.js';
import { PAGE_SIZE } from '../../domain/page-size.js';
import type { Reading } from './reading.js';
import type { CommentsState } from './state.js';
import type { CommentEntry } from './types.js';

/** Comment `id` and each ancestor up to one in view, from what is here or fetched; `null`: one is missing. */
async function ancestry(s: CommentsState, id: string, signal: AbortSignal): Promise<{ chain: Comment[]; missing: string | null }> {
  const api = s.need('comments');
  const chain: Comment[] = [];
  let next: string | null = id;
  while (next !== null && !s.rendered(next)) {
    // Waiting for its parent, or among the live arrivals: no need to fetch it.
    const parked: Comment | undefined = s.tree.byId(next)?.comment;
    const comment: Comment | null = parked ?? s.incoming.get(next) ?? (await api.getComment(next, { signal }));
    if (!comment || comment.thread !== s.thread) return { chain, missing: next };
    if (!parked) chain.push(comment);
    next = comment.parentId;
  }
  return { chain, missing: null };
}

/**
 * See `CommentsStore.reveal`. A chunk of its own: most visits come without a permalink; the store
 * loads it when one is asked for, and the element starts that early when the address has one.
 */
export async function reveal(s: CommentsState, reading: Pick<Reading, 'load' | 'nextPage'>, id: string): Promise<CommentEntry | null> {
  const { load, nextPage } = reading;
  if (s.disposed) return null;
  if (s.status === 'idle') await load();
  else if (s.loading) await s.loading;
  if (s.status !== 'ready') return null;
  const present = s.rendered(id);
  if (present) return present;
  const generation = s.generation;
  try {
    // Fast path: the comment and its ancestors, placed where they belong.
    const { chain, missing } = await ancestry(s, id, s.reads.signal);
    if (generation !== s.generation) return reveal(s, reading, id);
    if (missing === id) return null;
    if (missing === null) {
      // Parents count the replies that existed when they were fetched: a fetched comment is in
      // its parent's count, a live arrival only in that of a parent fetched just now.
      const fresh = new Set(chain.map((comment) => comment.id));
      batch(() => {
        for (const comment of chain.reverse()) {
          if (s.tree.has(comment.id)) continue;
          const arrival = s.incoming.has(comment.id);
          s.upsert(comment, !arrival || (comment.parentId !== null && fresh.has(comment.parentId)));
        }
        s.commit();
      });
      const placed = s.rendered(id);
      if (placed) return placed;
    }
    // An ancestor the viewer may not fetch alone: page through the thread instead.
    while (!s.rendered(id) && s.cursor !== null && generation === s.generation) {
      await nextPage(PAGE_SIZE.max, 'reveal');
    }
    return s.rendered(id);
  } catch (caught) {
    if (isAbortError(caught)) return null;
    throw s.fail('reveal', caught, id);
  }
}

