import { onMount } from 'nanostores';
import { supports, topics, type PleinAdapter, type RealtimeEvent } from '../../adapters/contract.js';
import type { Live } from './live.js';
import { hasUnsent } from './drafts.js';
import { decide } from './permissions.js';
import { createReading } from './reading.js';
import { CommentsState } from './state.js';
import type { CommentsAction, CommentsStore, CommentsStoreOptions } from './types.js';
import { viewerChange } from './viewer-change.js';
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

let liveChunk: Promise<typeof import('./live.js')> | undefined;

/**
 * Realtime is a chunk of its own: a read asks for it as it starts, so it subscribes while the first
 * page loads and the first page never waits for it. A failed load is tried again at the next read.
 */
function loadLive(): Promise<typeof import('./live.js')> {
  return (liveChunk ??= import('./live.js').catch((error: unknown) => {
    liveChunk = undefined;
    throw error;
  }));
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
  // `reading` is defined below; live events and a new viewer reload only after the first load.
  const reload = (): void => void load();
  const viewerChanged = viewerChange(s, reload);
  let live: Live | undefined;
  /** What realtime brought before its chunk was here, in order; `undefined` once it took over. */
  let early: [string, RealtimeEvent][] | undefined;
  let stopEarly: (() => void)[] = [];
  const leaveEarly = (): void => {
    for (const stop of stopEarly.splice(0)) stop();
  };
  /**
   * Subscribes at once, before the first page is read, so nothing that happens after that read
   * is missed; the first page does not wait for the realtime chunk. What comes before it is
   * kept and handed to it in order.
   */
  function startLive(): void {
    if (live) return live.start();
    const { adapter } = s;
    if (early || !supports(adapter, 'realtime')) return;
    early = [];
    stopEarly = [topics.thread(s.thread), topics.session()].map((topic) => adapter.subscribe(topic, (event) => early?.push([topic, event])));
    loadLive().then(
      (module) => {
        if (s.disposed) return;
        // Realtime holds what comes while a read is on its way until that page is in.
        live = module.createLive(s, reload, viewerChanged);
        live.start(early);
        leaveEarly();
        early = undefined;
      },
      (error: unknown) => {
        leaveEarly();
        early = undefined;
        console.warn('plein: could not load live updates; the next load tries again.', error);
      },
    );
  }
  const reading = createReading(s, startLive);
  let writer: Writer | undefined;
  const writerNow = (): Writer | undefined => (writer ??= writerModule?.createWriter(s, viewerChanged));
  /** Runs `act` with the writer: at once when it is loaded, else once it is. */
  function write<T>(action: CommentsAction, act: (writer: Writer) => Promise<T>): Promise<T> {
    const ready = writerNow();
    if (ready) return act(ready);
    return loadCommentsWriting().then(
      () => act(writerNow() as Writer),
      (error: unknown) => Promise.reject(s.fail(action, error)),
    );
  }

  /** Reads the thread, then shows again what this viewer wrote on an earlier page that never got through. */
  function load(): Promise<void> {
    return reading.load().then(() => {
      if (s.status === 'ready' && hasUnsent(s.thread, s.storage)) {
        // Not loadable now: the next load tries again.
        loadCommentsWriting()
          .then(() => writerNow()?.restore())
          .catch(() => undefined);
      }
    });
  }

  const can: CommentsStore['can'] = (action, comment) => decide(action, s.$viewer.get(), s.$thread.get(), comment, s.now());

  // A moderator's widget listens to the reports; what reads them comes with the writer.
  onMount(s.$reports, () => {
    let stop: (() => void) | null | undefined;
    loadCommentsWriting().then(
      () => {
        if (stop === undefined) stop = writerNow()?.watchReports(() => can('moderation.approve').allowed);
      },
      () => undefined,
    );
    return () => {
      stop?.();
      stop = null;
    };
  });

  // Listening is what a component does: the first listener loads the thread.
  for (const atom of [s.$items, s.$status]) {
    onMount(atom, () => {
      if (s.status === 'idle' && !s.disposed) void load();
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
    $reports: s.$reports,
    $resent: s.$resent,
    drafts: { get: s.drafts.get, set: s.drafts.set, clear: s.drafts.clear },
    load,
    loadMore: () => reading.nextPage(s.pageSize, 'load-more'),
    loadAll: reading.loadAll,
    // Only live events bring arrivals, so without realtime loaded there is nothing to show.
    showIncoming: () => live?.showIncoming() ?? [],
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
    signOut: () => write('sign-out', (w) => w.signOut()),
    dismissError: () => s.$lastError.set(null),
    can,
    dispose() {
      s.disposed = true;
      s.generation += 1;
      s.reads.abort();
      live?.stop();
      leaveEarly();
      writer?.stop();
    },
  };
}
