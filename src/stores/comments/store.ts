import { onMount } from 'nanostores';
import type { PleinAdapter } from '../../adapters/contract.js';
import { createLive } from './live.js';
import { decide } from './permissions.js';
import { createReading } from './reading.js';
import { CommentsState } from './state.js';
import type { CommentsAction, CommentsStore, CommentsStoreOptions } from './types.js';
import type { Writer } from './writer.js';

type WriterModule = typeof import('./writer.js');

let writerChunk: Promise<WriterModule> | undefined;
let writerModule: WriterModule | undefined;

/**
 * Loads the half of every comments store that changes things (posting, edits, reactions,
 * moderation), a chunk of its own that readers never need. Once it is here, those actions are
 * optimistic at once; before, the first one waits for it. A failed load is tried again next time.
 */
export function loadCommentsWriting(): Promise<void> {
  writerChunk ??= import('./writer.js').then(
    (module) => (writerModule = module),
    (error: unknown) => {
      writerChunk = undefined;
      throw error;
    },
  );
  return writerChunk.then(() => undefined);
}

let revealChunk: Promise<typeof import('./reveal.js')> | undefined;

/** Loads what reveals a permalinked comment; a failed load is tried again next time. */
export function loadCommentsReveal(): Promise<typeof import('./reveal.js')> {
  return (revealChunk ??= import('./reveal.js').catch((error: unknown) => {
    revealChunk = undefined;
    throw error;
  }));
}

/** See `CommentsStore`. */
export function createCommentsStore(adapter: PleinAdapter, options: CommentsStoreOptions): CommentsStore {
  const s = new CommentsState(adapter, options);
  // `reading.load` is defined below; live events call it only after the first load started them.
  const live = createLive(s, () => void reading.load());
  const reading = createReading(s, live.start);
  let writer: Writer | undefined;
  const writerNow = (): Writer | undefined => (writer ??= writerModule?.createWriter(s, live.viewerChanged));
  /** Runs `act` with the writer: at once when it is loaded, else once it is. */
  function write<T>(action: CommentsAction, act: (writer: Writer) => Promise<T>): Promise<T> {
    const ready = writerNow();
    if (ready) return act(ready);
    return loadCommentsWriting().then(
      () => act(writerNow() as Writer),
      (error: unknown) => Promise.reject(s.fail(action, error)),
    );
  }

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
    reveal: (id) =>
      loadCommentsReveal().then(
        (module) => module.reveal(s, reading, id),
        (error: unknown) => Promise.reject(s.fail('reveal', error, id)),
      ),
    setSort(sort) {
      if (sort === s.$sort.get() && (s.status === 'loading' || s.status === 'ready')) return s.loading ?? Promise.resolve();
      s.$sort.set(sort);
      return reading.load();
    },
    post: (input) => write('post', (w) => w.post(input)),
    retry: (localId) => write('post', (w) => w.retry(localId)),
    // Posts wait to be sent again only where the writer is loaded: it is what queued them.
    retryAll: () => writerNow()?.retryAll() ?? Promise.resolve(),
    discard: (localId) => writerNow()?.discard(localId),
    edit: (id, body) => write('edit', (w) => w.edit(id, body)),
    remove: (id) => write('remove', (w) => w.remove(id)),
    react: (id, key, on) => write('react', (w) => w.react(id, key, on)),
    report: (id, input) => write('report', (w) => w.report(id, input)),
    moderate: (id, action) => write('moderate', (w) => w.moderate(id, action)),
    setLocked: (locked) => write('lock', (w) => w.setLocked(locked)),
    dismissError: () => s.$lastError.set(null),
    can: (action, comment) => decide(action, s.$viewer.get(), s.$thread.get(), comment, s.now()),
    dispose() {
      s.disposed = true;
      s.generation += 1;
      s.reads.abort();
      live.stop();
      writer?.stop();
    },
  };
}
