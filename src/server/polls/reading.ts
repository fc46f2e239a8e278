/**
 * Reading polls: the stored record, its count, what one viewer has to do with it, and the
 * viewer-shaped `Poll` of the contract, built by the domain's `pollView` (which withholds what
 * the viewer may not see yet).
 */
import type { Ballot, Poll } from '../../adapters/contract.js';
import { ballotContents, type BallotContents } from '../../domain/poll-redefine.js';
import { pollView, type PollRecord, type StoredBallot } from '../../domain/poll-steps.js';
import { tallyPoll, type TallyBallot, type TallyResult } from '../../domain/poll-tally.js';
import type { Actor } from '../../domain/roles.js';
import type { PleinStore } from '../store/types.js';
import { ballotFromKey, recordOf } from './records.js';

export interface Counted {
  tally: TallyResult;
  count: number;
  /** What the ballots name, which an admin's redefinition must keep. */
  held: BallotContents;
}

export interface Participation {
  voted: boolean;
  myBallot: StoredBallot | null;
}

export const NOT_VOTED: Participation = Object.freeze({ voted: false, myBallot: null });

export async function loadPoll(store: PleinStore, siteId: string, id: string): Promise<PollRecord | null> {
  const row = await store.getPoll(siteId, id);
  return row ? recordOf(row) : null;
}

/** Every ballot counted once: per-voter ballots, and an anonymous poll's counts by content. */
export async function countPoll(store: PleinStore, siteId: string, poll: PollRecord): Promise<Counted> {
  const ballots: TallyBallot[] = (await store.listPollBallots(siteId, poll.id)).map((row) => row.ballot as TallyBallot);
  for (const { ballotKey, count } of await store.listPollCounts(siteId, poll.id)) {
    const ballot = ballotFromKey(ballotKey);
    for (let i = 0; i < count; i++) ballots.push(ballot);
  }
  return { tally: tallyPoll(poll, ballots), count: ballots.length, held: ballotContents(ballots) };
}

/** Whether `voterKey` voted, and their ballot where the poll keeps it (never for `anonymous`). */
export async function participation(store: PleinStore, siteId: string, poll: PollRecord, voterKey: string | null): Promise<Participation> {
  if (voterKey === null) return NOT_VOTED;
  if (poll.voters === 'anonymous') return { voted: (await store.pollVotedAmong(siteId, poll.id, [voterKey])).length > 0, myBallot: null };
  const ballot = await store.getPollBallot(siteId, poll.id, voterKey);
  return ballot ? { voted: true, myBallot: ballot.ballot as StoredBallot } : NOT_VOTED;
}

export function present(poll: PollRecord, counted: Counted, actor: Actor, mine: Participation, now: number): Poll {
  const view = pollView(poll, counted, { actor, voted: mine.voted, myBallot: mine.myBallot, now });
  return { ...view, myBallot: view.myBallot as Ballot | null } as Poll;
}
