import { atom, batch, onMount } from 'nanostores';
import { supports, topics, type AdapterWith, type Ballot, type PleinAdapter, type Poll, type Viewer } from '../../adapters/contract.js';
import { AdapterError, isAbortError, type FieldErrors } from '../../adapters/errors.js';
import { toAdapterError } from '../../core/errors.js';
import { canPoll as can, type PollFacts } from '../../domain/permissions-polls.js';
import { pollIsClosed } from '../../domain/poll-visibility.js';
import { actorOf } from '../../core/actor.js';
import type { PollAction, PollFailure, PollPending, PollStatus, PollStore, PollStoreOptions, VoterList } from './types.js';

const VOTERS_PAGE = 50;

type BallotRule = typeof import('../../domain/ballot.js').validateBallot;
let ballotRule: BallotRule | undefined;
let ballotRuleChunk: Promise<BallotRule | undefined> | undefined;

/**
 * The ballot rule is needed only to vote, so it is its own chunk, fetched beside the first read
 * of a poll. If it cannot be fetched, ballots go unchecked here and the backend, which runs the
 * same rule, names what is wrong; the next read tries the fetch again.
 */
function loadBallotRule(): Promise<BallotRule | undefined> {
  ballotRuleChunk ??= import('../../domain/ballot.js').then(
    (module) => (ballotRule = module.validateBallot),
    () => {
      ballotRuleChunk = undefined;
      return undefined;
    },
  );
  return ballotRuleChunk;
}

/** How a write shows itself before the backend answers, applied over the backend's latest poll. */
type Overlay = (poll: Poll) => Poll;

/** See `PollStore`. */
export function createPollStore(adapter: PleinAdapter, options: PollStoreOptions): PollStore {
  const { id } = options;
  const definition = options.definition ?? null;
  const now = options.now ?? Date.now;

  const $poll = atom<Poll | null>(null);
  const $status = atom<PollStatus>('idle');
  const $error = atom<AdapterError | null>(null);
  const $definitionRefused = atom<AdapterError | null>(null);
  const $viewer = atom<Viewer | null>(null);
  const $pending = atom<PollPending>(null);
  const $fieldErrors = atom<FieldErrors>({});
  const $lastError = atom<PollFailure | null>(null);
  const $blockedUntil = atom<number | null>(null);
  const $voters = atom<VoterList | null>(null);

  /** The poll as the backend last said it; `$poll` is this with the pending write's overlay. */
  let confirmed: Poll | null = null;
  let overlay: Overlay | null = null;
  // Bumped by every (re)load and by dispose: answers to an older generation's reads are dropped.
  let generation = 0;
  let viewerVersion = 0;
  let reads = new AbortController();
  let status: PollStatus = 'idle';
  let loading: Promise<void> | undefined;
  let stops: (() => void)[] = [];
  let disposed = false;
  let lastBallot: Ballot | null = null;

  const setStatus = (next: PollStatus): void => {
    status = next;
    $status.set(next);
  };

  const publish = (): void => {
    $poll.set(confirmed && overlay ? overlay(confirmed) : confirmed);
  };

  const accept = (poll: Poll | null): void => {
    confirmed = poll;
    publish();
  };

  function api(): AdapterWith<'polls'> {
    if (supports(adapter, 'polls')) return adapter;
    throw new AdapterError('unavailable', `Adapter "${adapter.name}" does not offer polls.`);
  }

  /** The definition's rules where the backend withholds them (a quiz's right answers before voting). */
  function ballotRules(poll: Poll): Poll {
    return poll.correct === undefined && definition?.correct ? { ...poll, correct: definition.correct } : poll;
  }

  function facts(poll: Poll | null): PollFacts | undefined {
    if (!poll) return undefined;
    return {
      authorId: poll.authorId,
      voters: poll.voters,
      status: poll.status,
      closesAt: poll.closesAt ?? null,
      integrity: poll.integrity,
      results: poll.results,
      voted: poll.voted,
      allowChange: poll.allowChange === true,
      now: now(),
    };
  }

  function startLive(): void {
    if (stops.length > 0 || disposed || !supports(adapter, 'realtime')) return;
    stops = [
      adapter.subscribe(topics.poll(id), (event) => {
        if (event.type !== 'poll-updated' || event.poll.id !== id) return;
        const before = confirmed?.ballotCount;
        batch(() => {
          accept(event.poll);
          if (status === 'not-found') setStatus('ready');
        });
        // A voter list on screen follows the ballots too (it is read only by those who asked for it).
        if ($voters.get() !== null && before !== event.poll.ballotCount) {
          $voters.set(null);
          loadVoters().catch(() => {
            // The list shows its loading state; asking again retries.
          });
        }
      }),
      adapter.subscribe(topics.session(), (event) => {
        if (event.type !== 'viewer-changed') return;
        viewerVersion += 1;
        $viewer.set(event.viewer);
        // The poll is shaped per viewer (results, `voted`, `myBallot`): read it again for them.
        $voters.set(null);
        if (status !== 'idle') void load();
      }),
    ];
  }

  async function read(signal: AbortSignal): Promise<{ poll: Poll | null; refused: AdapterError | null }> {
    const polls = api();
    if (!definition) return { poll: await polls.getPoll(id, { signal }), refused: null };
    try {
      return { poll: await polls.ensurePoll(definition, { signal }), refused: null };
    } catch (caught) {
      // A frozen definition: the stored poll stands, and is what everyone votes in.
      if (!AdapterError.is(caught) || caught.code !== 'conflict') throw caught;
      return { poll: await polls.getPoll(id, { signal }), refused: caught };
    }
  }

  function load(): Promise<void> {
    generation += 1;
    const started = generation;
    reads.abort();
    reads = new AbortController();
    const { signal } = reads;
    batch(() => {
      setStatus('loading');
      $error.set(null);
    });
    const viewerAtStart = viewerVersion;
    const run = async (): Promise<void> => {
      try {
        // A poll is ready once its ballots can be checked, so `check` and `vote` stay synchronous.
        const [viewer, { poll, refused }] = await Promise.all([adapter.getViewer({ signal }), read(signal), loadBallotRule()]);
        if (started !== generation) return;
        batch(() => {
          if (viewerVersion === viewerAtStart) $viewer.set(viewer);
          $definitionRefused.set(refused);
          accept(poll);
          setStatus(poll ? 'ready' : 'not-found');
        });
        // Realtime delivery starts from the adapter's latest read, so nothing is missed in between.
        startLive();
      } catch (caught) {
        if (started !== generation || isAbortError(caught)) return;
        batch(() => {
          $error.set(toAdapterError(caught));
          setStatus('error');
        });
      }
    };
    const promise = run().finally(() => {
      if (loading === promise) loading = undefined;
    });
    loading = promise;
    return promise;
  }

  /** Reads the poll again without changing the status, after a write was refused for a state it did not know. */
  function refresh(): void {
    const started = generation;
    api()
      .getPoll(id, { signal: reads.signal })
      .then(
        (poll) => {
          if (started === generation && poll) accept(poll);
        },
        () => {
          // The poll on screen stays; the refusal itself is already shown.
        },
      );
  }

  function fail(action: PollAction, caught: unknown): AdapterError {
    const error = toAdapterError(caught);
    batch(() => {
      if (error.code === 'invalid' && (action === 'vote' || action === 'remove-vote') && Object.keys(error.fields).length > 0) {
        $fieldErrors.set(error.fields);
      } else {
        $lastError.set({ action, error });
      }
      if (error.code === 'rate-limited' && error.retryAfter !== undefined && error.retryAfter > 0) {
        $blockedUntil.set(now() + error.retryAfter * 1000);
      }
    });
    if (error.code === 'conflict' || error.code === 'not-found') refresh();
    return error;
  }

  async function write(action: Exclude<PollPending, null>, show: Overlay, call: (polls: AdapterWith<'polls'>) => Promise<Poll>): Promise<Poll> {
    const failure: PollAction = action;
    if ($pending.get() !== null) {
      throw fail(failure, new AdapterError('conflict', 'Another change to this poll is still on its way.'));
    }
    let polls: AdapterWith<'polls'>;
    try {
      polls = api();
    } catch (caught) {
      throw fail(failure, caught);
    }
    batch(() => {
      $pending.set(action);
      $lastError.set(null);
      overlay = show;
      publish();
    });
    try {
      const poll = await call(polls);
      batch(() => {
        overlay = null;
        $blockedUntil.set(null);
        if (!disposed) accept(poll);
      });
      return poll;
    } catch (caught) {
      // The rollback: back to what the backend last said, with the reason next to it.
      batch(() => {
        overlay = null;
        publish();
      });
      throw fail(failure, caught);
    } finally {
      $pending.set(null);
    }
  }

  let votersLoading: Promise<void> | undefined;

  /** The next page of voters; concurrent calls share one request. */
  function loadVoters(): Promise<void> {
    if (votersLoading) return votersLoading;
    const current = $voters.get();
    if (current && current.cursor === null) return Promise.resolve();
    const started = generation;
    const run = async (): Promise<void> => {
      $voters.set({ items: current?.items ?? [], cursor: current?.cursor ?? null, loading: true });
      try {
        const page = await api().listPollVotes(id, { cursor: current?.cursor ?? null, limit: VOTERS_PAGE }, { signal: reads.signal });
        if (started !== generation) return;
        $voters.set({ items: [...(current?.items ?? []), ...page.items], cursor: page.cursor, loading: false });
      } catch (caught) {
        if (started !== generation) return;
        $voters.set(current ? { ...current, loading: false } : null);
        if (isAbortError(caught)) return;
        throw fail('voters', caught);
      }
    };
    const promise = run().finally(() => {
      if (votersLoading === promise) votersLoading = undefined;
    });
    votersLoading = promise;
    return promise;
  }

  function check(ballot: Ballot): FieldErrors {
    const poll = confirmed;
    return poll && ballotRule ? ballotRule(ballotRules(poll), ballot) : {};
  }

  async function vote(ballot: Ballot): Promise<Poll> {
    const issues = check(ballot);
    if (Object.keys(issues).length > 0) {
      $fieldErrors.set(issues);
      throw AdapterError.invalid(issues);
    }
    lastBallot = ballot;
    $fieldErrors.set({});
    const show: Overlay = (poll) => ({
      ...poll,
      voted: true,
      // An anonymous poll keeps no link to the choice, so the backend will not send it back either.
      myBallot: poll.voters === 'anonymous' ? null : ballot,
      ballotCount: poll.voted ? poll.ballotCount : poll.ballotCount + 1,
    });
    return write('vote', show, (polls) => polls.vote(id, ballot));
  }

  for (const store of [$poll, $status]) {
    onMount(store, () => {
      if (status === 'idle' && !disposed) void load();
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
    $pending,
    $fieldErrors,
    $lastError,
    $blockedUntil,
    $voters,
    load,
    vote,
    retry() {
      if (!lastBallot) return Promise.reject(fail('vote', new AdapterError('conflict', 'There is no vote to send again.')));
      return vote(lastBallot);
    },
    removeVote() {
      $fieldErrors.set({});
      const show: Overlay = (poll) => ({
        ...poll,
        voted: false,
        myBallot: null,
        ballotCount: poll.voted ? Math.max(0, poll.ballotCount - 1) : poll.ballotCount,
      });
      return write('remove-vote', show, (polls) => polls.removeVote(id));
    },
    setClosed(closed) {
      const show: Overlay = (poll) => ({ ...poll, status: closed ? 'closed' : 'open' });
      return write(closed ? 'close' : 'reopen', show, (polls) => polls.closePoll(id, closed));
    },
    loadVoters,
    check,
    clearFieldErrors: () => $fieldErrors.set({}),
    dismissError: () => $lastError.set(null),
    can(action) {
      const actor = actorOf($viewer.get());
      const poll = confirmed;
      if (action === 'poll.close') return can(actor, action);
      return can(actor, action, facts(poll));
    },
    isClosed() {
      const poll = $poll.get();
      return poll !== null && pollIsClosed({ status: poll.status, closesAt: poll.closesAt ?? null }, now());
    },
    dispose() {
      disposed = true;
      generation += 1;
      reads.abort();
      for (const stop of stops) stop();
      stops = [];
    },
  };
}
