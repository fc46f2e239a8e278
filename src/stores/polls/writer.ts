import { batch } from 'nanostores';
import type { AdapterWith, Ballot, Poll, PollVote } from '../../adapters/contract.js';
import { AdapterError, isAbortError, type FieldErrors } from '../../adapters/errors.js';
import { toAdapterError } from '../../core/errors.js';
import { validateBallot } from '../../domain/ballot.js';
import type { Overlay, PollCore } from './store.js';
import type { PollAction, PollPending, VoterList } from './types.js';

const VOTERS_PAGE = 50;

export type PollWriter = ReturnType<typeof createWriter>;

/**
 * The half of a poll store that changes things — the ballot rule, votes (optimistic, rolled back
 * on failure), removals, closing, the voter list — loaded on demand (`loadPollWriting()`).
 */
export function createWriter(s: PollCore) {
  const { id, $pending, $fieldErrors, $lastError, $blockedUntil, $voters } = s;
  let lastBallot: Ballot | null = null;

  /** Problems with `ballot` by the domain rule, with the definition's rules where the backend withholds them (a quiz's right answers before voting). */
  function check(ballot: Ballot): FieldErrors {
    const poll = s.confirmed;
    const correct = s.definition?.correct;
    return poll ? validateBallot(poll.correct === undefined && correct ? { ...poll, correct } : poll, ballot) : {};
  }

  /** Reads the poll again without changing the status, after a write was refused for a state it did not know. */
  function refresh(): void {
    const started = s.generation;
    s.api()
      .getPoll(id, { signal: s.reads.signal })
      .then(
        (poll) => {
          if (started === s.generation && poll) s.accept(poll);
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
        $blockedUntil.set(s.now() + error.retryAfter * 1000);
      }
    });
    if (error.code === 'conflict' || error.code === 'not-found') refresh();
    return error;
  }

  async function write(action: Exclude<PollPending, null>, show: Overlay, call: (polls: AdapterWith<'polls'>) => Promise<Poll>): Promise<Poll> {
    if ($pending.get() !== null) {
      throw fail(action, new AdapterError('conflict', 'Another change to this poll is still on its way.'));
    }
    let polls: AdapterWith<'polls'>;
    try {
      polls = s.api();
    } catch (caught) {
      throw fail(action, caught);
    }
    batch(() => {
      $pending.set(action);
      $lastError.set(null);
      s.overlay = show;
      s.publish();
    });
    try {
      const poll = await call(polls);
      batch(() => {
        s.overlay = null;
        $blockedUntil.set(null);
        if (!s.disposed) s.accept(poll);
      });
      return poll;
    } catch (caught) {
      // The rollback: back to what the backend last said, with the reason next to it.
      batch(() => {
        s.overlay = null;
        s.publish();
      });
      throw fail(action, caught);
    } finally {
      $pending.set(null);
    }
  }

  let votersLoading: Promise<void> | undefined;
  /** Bumped when the ballots change: a page on its way belongs to the list before, and is dropped. */
  let votersRound = 0;

  /** The next page of voters; concurrent calls share one request. */
  function loadVoters(): Promise<void> {
    if (votersLoading) return votersLoading;
    const current = $voters.get();
    if (current && current.cursor === null) return Promise.resolve();
    const started = s.generation;
    const round = votersRound;
    const run = async (): Promise<void> => {
      const shown: VoterList = { items: current?.items ?? [], cursor: current?.cursor ?? null, loading: true };
      $voters.set(shown);
      // A reload or a change of ballots came first: the list goes back to what it was, unless
      // that change replaced it already.
      const superseded = (): boolean => {
        if (started === s.generation && round === votersRound) return false;
        if ($voters.get() === shown) $voters.set(current ?? null);
        return true;
      };
      try {
        const page = await s.api().listPollVotes(id, { cursor: current?.cursor ?? null, limit: VOTERS_PAGE }, { signal: s.reads.signal });
        if (superseded()) return;
        $voters.set({ items: [...(current?.items ?? []), ...page.items], cursor: page.cursor, loading: false });
      } catch (caught) {
        if (superseded()) return;
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

  /**
   * Every voter: the pages not loaded yet, one after another (the list in `$voters` fills up as
   * they come). When voters come or go meanwhile the list starts over, so each voter is in it
   * once. Rejects with the first page that fails, and with an abort once the store is disposed: a
   * partial list is never the answer.
   */
  async function allVoters(): Promise<readonly PollVote[]> {
    for (;;) {
      await loadVoters();
      if (s.disposed) throw new DOMException('The poll store was disposed.', 'AbortError');
      const list = $voters.get();
      if (list && list.cursor === null && !list.loading) return list.items;
    }
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

  return {
    check,
    /** The ballots changed: a voter list on screen is read again. */
    votersChanged(): void {
      if ($voters.get() === null) return;
      votersRound += 1;
      votersLoading = undefined;
      $voters.set(null);
      loadVoters().catch(() => {
        // The list shows its loading state; asking again retries.
      });
    },
    vote,
    loadVoters,
    allVoters,
    retry(): Promise<Poll> {
      if (!lastBallot) return Promise.reject(fail('vote', new AdapterError('conflict', 'There is no vote to send again.')));
      return vote(lastBallot);
    },
    removeVote(): Promise<Poll> {
      $fieldErrors.set({});
      const show: Overlay = (poll) => ({
        ...poll,
        voted: false,
        myBallot: null,
        ballotCount: poll.voted ? Math.max(0, poll.ballotCount - 1) : poll.ballotCount,
      });
      return write('remove-vote', show, (polls) => polls.removeVote(id));
    },
    setClosed(closed: boolean): Promise<Poll> {
      const show: Overlay = (poll) => ({ ...poll, status: closed ? 'closed' : 'open' });
      return write(closed ? 'close' : 'reopen', show, (polls) => polls.closePoll(id, closed));
    },
  };
}
