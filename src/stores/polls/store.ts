import { atom, batch, onMount, type WritableAtom } from 'nanostores';
import { supports, topics, type AdapterWith, type PleinAdapter, type Poll, type PollDefinition, type Viewer } from '../../adapters/contract.js';
import { AdapterError, isAbortError, type FieldErrors } from '../../adapters/errors.js';
import { toAdapterError } from '../../core/errors.js';
import { canPoll as can } from '../../domain/permissions-polls.js';
import { pollIsClosed } from '../../domain/poll-visibility.js';
import { actorOf } from '../../core/actor.js';
import type { PollAction, PollFailure, PollPending, PollStatus, PollStore, PollStoreOptions, VoterList } from './types.js';
import type { PollWriter } from './writer.js';

type WriterModule = typeof import('./writer.js');
let writerChunk: Promise<void> | undefined;
let writerModule: WriterModule | undefined;

/**
 * Loads the half of every poll store that changes things (checking and casting ballots, removing
 * a vote, closing, listing voters), a chunk of its own that a reader who only looks never needs.
 * `<plein-poll>` asks for it at the first sign that someone may act; an action that comes first
 * waits for it (and, if it cannot be fetched, fails as `network` in `$lastError`). A failed load
 * is tried again next time.
 */
export function loadPollWriting(): Promise<void> {
  return (writerChunk ??= import('./writer.js').then(
    (module) => void (writerModule = module),
    (error: unknown) => {
      writerChunk = undefined;
      throw error;
    },
  ));
}

/** How a write shows itself before the backend answers, applied over the backend's latest poll. */
export type Overlay = (poll: Poll) => Poll;

/** What the two halves of a poll store share: the atoms, and what the writing half changes. */
export interface PollCore {
  readonly id: string;
  /** The page's declarative definition, if any. */
  readonly definition: PollDefinition | null;
  readonly now: () => number;
  readonly $poll: WritableAtom<Poll | null>;
  readonly $pending: WritableAtom<PollPending>;
  readonly $fieldErrors: WritableAtom<FieldErrors>;
  readonly $lastError: WritableAtom<PollFailure | null>;
  readonly $blockedUntil: WritableAtom<number | null>;
  readonly $voters: WritableAtom<VoterList | null>;
  /** The poll as the backend last said it; `$poll` is this with the pending write's overlay. */
  confirmed: Poll | null;
  overlay: Overlay | null;
  /** Bumped by every (re)load and by dispose: answers to an older generation's reads are dropped. */
  generation: number;
  reads: AbortController;
  disposed: boolean;
  api(): AdapterWith<'polls'>;
  publish(): void;
  accept(poll: Poll | null): void;
}

/** See `PollStore`. */
export function createPollStore(adapter: PleinAdapter, options: PollStoreOptions): PollStore {
  const { id } = options;
  const definition = options.definition ?? null;

  const $status = atom<PollStatus>('idle');
  const $error = atom<AdapterError | null>(null);
  const $definitionRefused = atom<AdapterError | null>(null);
  const $viewer = atom<Viewer | null>(null);

  const s: PollCore = {
    id,
    definition,
    now: options.now ?? Date.now,
    $poll: atom<Poll | null>(null),
    $pending: atom<PollPending>(null),
    $fieldErrors: atom<FieldErrors>({}),
    $lastError: atom<PollFailure | null>(null),
    $blockedUntil: atom<number | null>(null),
    $voters: atom<VoterList | null>(null),
    confirmed: null,
    overlay: null,
    generation: 0,
    reads: new AbortController(),
    disposed: false,
    api() {
      if (supports(adapter, 'polls')) return adapter;
      throw new AdapterError('unavailable', `Adapter "${adapter.name}" does not offer polls.`);
    },
    publish() {
      const { confirmed, overlay } = s;
      s.$poll.set(confirmed && overlay ? overlay(confirmed) : confirmed);
    },
    accept(poll) {
      s.confirmed = poll;
      s.publish();
    },
  };
  const { $poll, $voters } = s;

  let viewerVersion = 0;
  let status: PollStatus = 'idle';
  let stops: (() => void)[] = [];
  let writer: PollWriter | undefined;

  const writerNow = (): PollWriter | undefined => (writer ??= writerModule?.createWriter(s));

  /** Runs `act` with the writing half: at once when it is here, else once it is. */
  function write<T>(action: PollAction, act: (writer: PollWriter) => Promise<T>): Promise<T> {
    const ready = writerNow();
    if (ready) return act(ready);
    return loadPollWriting().then(
      () => write(action, act),
      (caught: unknown) => {
        const error = toAdapterError(caught);
        s.$lastError.set({ action, error });
        throw error;
      },
    );
  }

  const setStatus = (next: PollStatus): void => {
    status = next;
    $status.set(next);
  };

  /** What realtime brought while a read was on its way: it follows that read's answer. */
  let held: Poll[] | null = null;

  function applyLive(poll: Poll): void {
    const before = s.confirmed;
    batch(() => {
      s.accept(poll);
      if (status === 'not-found') setStatus('ready');
    });
    // A voter list on screen follows the ballots too (only the writing half reads one): more
    // or fewer of them, or a changed one, which moves the tally (whoever lists voters sees it).
    const ballots = (shown: Poll | null | undefined) => `${shown?.ballotCount}${JSON.stringify(shown?.tally)}`;
    if (ballots(before) !== ballots(poll)) writer?.votersChanged();
  }

  /**
   * Subscribes as the first read goes out, so a page's widgets join one event stream together;
   * the adapter starts the topic where that read stands, so nothing between them is missed.
   */
  function startLive(): void {
    if (stops.length > 0 || s.disposed || !supports(adapter, 'realtime')) return;
    stops = [
      adapter.subscribe(topics.poll(id), (event) => {
        if (event.type !== 'poll-updated' || event.poll.id !== id) return;
        if (held) held.push(event.poll);
        else applyLive(event.poll);
      }),
      adapter.subscribe(topics.session(), (event) => {
        if (event.type !== 'viewer-changed') return;
        viewerVersion += 1;
        const someoneElse = $viewer.get()?.id !== event.viewer?.id;
        batch(() => {
          $viewer.set(event.viewer);
          // The poll is shaped per viewer (results, `voted`, `myBallot`): read it again for them.
          // Until then, the last person's ballot is not shown as this one's.
          if (someoneElse && s.confirmed?.myBallot) s.accept({ ...s.confirmed, myBallot: null });
          $voters.set(null);
        });
        if (status !== 'idle') void load();
      }),
    ];
  }

  async function read(signal: AbortSignal): Promise<{ poll: Poll | null; refused: AdapterError | null }> {
    const polls = s.api();
    if (!definition) return { poll: await polls.getPoll(id, { signal }), refused: null };
    try {
      return { poll: await polls.ensurePoll(definition, { signal }), refused: null };
    } catch (caught) {
      // A frozen definition, or a poll made elsewhere (by its author through the API): the stored
      // poll stands, and is what everyone votes in.
      if (!AdapterError.is(caught) || (caught.code !== 'conflict' && caught.code !== 'forbidden')) throw caught;
      return { poll: await polls.getPoll(id, { signal }), refused: caught };
    }
  }

  async function load(): Promise<void> {
    const started = ++s.generation;
    s.reads.abort();
    s.reads = new AbortController();
    const { signal } = s.reads;
    batch(() => {
      setStatus('loading');
      $error.set(null);
    });
    const viewerAtStart = viewerVersion;
    held ??= [];
    try {
      const answer = Promise.all([adapter.getViewer({ signal }), read(signal)]);
      startLive();
      const [viewer, { poll, refused }] = await answer;
      if (started !== s.generation) return;
      batch(() => {
        if (viewerVersion === viewerAtStart) $viewer.set(viewer);
        $definitionRefused.set(refused);
        s.accept(poll);
        setStatus(poll ? 'ready' : 'not-found');
      });
      const later = held ?? [];
      held = null;
      for (const livePoll of later) applyLive(livePoll);
    } catch (caught) {
      if (started !== s.generation || isAbortError(caught)) return;
      // The next load reads afresh.
      held = null;
      batch(() => {
        $error.set(toAdapterError(caught));
        setStatus('error');
      });
    }
  }

  for (const store of [$poll, $status]) {
    onMount(store, () => {
      if (status === 'idle' && !s.disposed) void load();
    });
  }

  return {
    adapter,
    id,
    $poll,
    $status,
    $error,
    $definitionRefused,
    $viewer,
    $pending: s.$pending,
    $fieldErrors: s.$fieldErrors,
    $lastError: s.$lastError,
    $blockedUntil: s.$blockedUntil,
    $voters,
    load,
    vote: (ballot) => write('vote', (w) => w.vote(ballot)),
    retry: () => write('vote', (w) => w.retry()),
    removeVote: () => write('remove-vote', (w) => w.removeVote()),
    setClosed: (closed) => write(closed ? 'close' : 'reopen', (w) => w.setClosed(closed)),
    loadVoters: () => write('voters', (w) => w.loadVoters()),
    allVoters: () => write('voters', (w) => w.allVoters()),
    check: (ballot) => writerNow()?.check(ballot) ?? {},
    clearFieldErrors: () => s.$fieldErrors.set({}),
    dismissError: () => s.$lastError.set(null),
    can(action) {
      const actor = actorOf($viewer.get());
      const poll = s.confirmed;
      if (action === 'poll.close') return can(actor, action);
      return can(actor, action, poll ? { ...poll, now: s.now() } : undefined);
    },
    isClosed() {
      const poll = $poll.get();
      return poll !== null && pollIsClosed({ status: poll.status, closesAt: poll.closesAt ?? null }, s.now());
    },
    dispose() {
      s.disposed = true;
      s.generation += 1;
      s.reads.abort();
      for (const stop of stops) stop();
      stops = [];
    },
  };
}
