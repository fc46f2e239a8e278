import { batch } from 'nanostores';
import { isAbortError } from '../../adapters/errors.js';
import { toAdapterError } from '../../core/errors.js';
import { PAGE_SIZE } from '../../domain/page-size.js';
import { yieldToMain } from './schedule.js';
import type { CommentsState } from './state.js';
import { CommentTree } from './tree.js';
import type { CommentsAction } from './types.js';

export interface Reading {
  load(): Promise<void>;
  nextPage(limit: number, action: CommentsAction, signal?: AbortSignal): Promise<void>;
  loadAll(options?: { signal?: AbortSignal }): Promise<boolean>;
}

/** Loading the thread: the first page, further pages, all of it in the background. */
export function createReading(s: CommentsState, startLive: () => void): Reading {
  function load(): Promise<void> {
    s.generation += 1;
    const generation = s.generation;
    s.reads.abort();
    s.reads = new AbortController();
    const { signal } = s.reads;
    s.more = undefined;
    batch(() => {
      s.setStatus('loading');
      s.$error.set(null);
      s.$loadingMore.set(false);
    });
    const sort = s.$sort.get();
    const viewerAtStart = s.viewerVersion;
    const run = async (): Promise<void> => {
      try {
        const api = s.need('comments');
        const reads = Promise.all([
          api.getThread(s.thread, { signal }),
          api.getViewer({ signal }),
          api.listComments({ thread: s.thread, sort, limit: s.pageSize, withReplies: true }, { signal }),
        ]);
        // Subscribed as the read goes out: whatever changes after it reaches the store (see
        // `startLive`), and realtime can start where the read stands.
        startLive();
        const [info, viewer, page] = await reads;
        if (generation !== s.generation) return;
        batch(() => {
          s.$thread.set(info);
          if (s.viewerVersion === viewerAtStart) s.$viewer.set(viewer);
          // Posts still on their way or refused stay: nothing the viewer wrote disappears.
          const unsent = s.tree.entries().filter((entry) => entry.local !== undefined);
          s.tree = new CommentTree(sort);
          s.placePage(page.items);
          for (const entry of unsent) if (!s.tree.entry(entry.key)) s.tree.insert(entry, false);
          s.cursor = page.cursor;
          s.$hasMore.set(s.cursor !== null);
          s.commit();
          s.setStatus('ready');
        });
      } catch (caught) {
        if (generation !== s.generation || isAbortError(caught)) return;
        batch(() => {
          s.$error.set(toAdapterError(caught));
          s.setStatus('error');
        });
      }
    };
    const promise = run().finally(() => {
      if (s.loading === promise) s.loading = undefined;
    });
    s.loading = promise;
    return promise;
  }

  /** The next page, shared by concurrent callers; `signal` stops this one request as well. */
  function nextPage(limit: number, action: CommentsAction, signal?: AbortSignal): Promise<void> {
    if (s.more) return s.more;
    const generation = s.generation;
    const run = async (): Promise<void> => {
      if (s.loading) await s.loading;
      if (generation !== s.generation || s.cursor === null || s.status !== 'ready') return;
      s.$loadingMore.set(true);
      try {
        const page = await s.need('comments').listComments(
          { thread: s.thread, sort: s.$sort.get(), cursor: s.cursor, limit, withReplies: true },
          { signal: signal ? AbortSignal.any([s.reads.signal, signal]) : s.reads.signal },
        );
        if (generation !== s.generation) return;
        batch(() => {
          s.placePage(page.items);
          s.cursor = page.cursor;
          s.$hasMore.set(s.cursor !== null);
          s.commit();
        });
      } catch (caught) {
        if (generation !== s.generation || isAbortError(caught)) return;
        throw s.fail(action, caught);
      } finally {
        if (generation === s.generation) s.$loadingMore.set(false);
      }
    };
    const promise = run().finally(() => {
      if (s.more === promise) s.more = undefined;
    });
    s.more = promise;
    return promise;
  }

  async function loadAll({ signal }: { signal?: AbortSignal } = {}): Promise<boolean> {
    while (!s.disposed && !signal?.aborted) {
      if (s.loading) await s.loading;
      else if (s.status === 'idle') await load();
      else if (s.status === 'error') return false;
      else if (s.cursor === null) return true;
      else {
        await nextPage(PAGE_SIZE.max, 'load-all', signal);
        // Between pages the page answers input and paints what came in.
        await yieldToMain();
      }
    }
    return false;
  }

  return { load, nextPage, loadAll };
}
