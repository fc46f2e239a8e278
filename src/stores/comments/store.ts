import { onMount } from 'nanostores';
import type { PleinAdapter } from '../../adapters/contract.js';
import { createChanges } from './changes.js';
import { createLive } from './live.js';
import { decide } from './permissions.js';
import { createPosting } from './posting.js';
import { createReading } from './reading.js';
import { CommentsState } from './state.js';
import type { CommentsStore, CommentsStoreOptions } from './types.js';

/** See `CommentsStore`. */
export function createCommentsStore(adapter: PleinAdapter, options: CommentsStoreOptions): CommentsStore {
  const s = new CommentsState(adapter, options);
  // `reading.load` is defined below; live events call it only after the first load started them.
  const live = createLive(s, () => void reading.load());
  const reading = createReading(s, live.start);
  const posting = createPosting(s, live.viewerChanged);
  const changes = createChanges(s);

  // Listening is what a component does: the first listener loads the thread.
  for (const atom of [s.$items, s.$status]) {
    onMount(atom, () => {
      if (s.status === 'idle' && !s.disposed) void reading.load();
    });
  }

  return {
    adapter,
    thread: s.thread,
    $thread: s.$thread,
    $items: s.$items,
    $status: s.$status,
    $error: s.$error,
    $sort: s.$sort,
    $hasMore: s.$hasMore,
    $loadingMore: s.$loadingMore,
    $incoming: s.$incoming,
    $viewer: s.$viewer,
    $lastError: s.$lastError,
    $postBlockedUntil: s.$postBlockedUntil,
    drafts: { get: s.drafts.get, set: s.drafts.set, clear: s.drafts.clear },
    load: reading.load,
    loadMore: () => reading.nextPage(s.pageSize, 'load-more'),
    loadAll: reading.loadAll,
    showIncoming: reading.showIncoming,
    reveal: reading.reveal,
    setSort(sort) {
      if (sort === s.$sort.get() && (s.status === 'loading' || s.status === 'ready')) return s.loading ?? Promise.resolve();
      s.$sort.set(sort);
      return reading.load();
    },
    post: posting.post,
    retry: posting.retry,
    retryAll: posting.retryAll,
    discard: posting.discard,
    ...changes,
    dismissError: () => s.$lastError.set(null),
    can: (action, comment) => decide(action, s.$viewer.get(), s.$thread.get(), comment, s.now()),
    dispose() {
      s.disposed = true;
      s.generation += 1;
      s.reads.abort();
      live.stop();
      posting.stop();
    },
  };
}
