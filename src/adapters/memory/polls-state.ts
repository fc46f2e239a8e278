import type { PollRecord, StoredBallot } from '../../domain/poll-steps.js';
import type { Author } from '../contract.js';
import { dictionary, own } from './comments-state.js';
import type { Slice } from './database.js';

/** A ballot of a `public` or `secret` poll, kept with who cast it (the list and `myBallot` need it). */
export interface StoredVote {
  ballot: StoredBallot;
  votedAt: string;
  /** The member, for `public` voter lists; `null` for a visitor voting as a device. */
  voter: Author | null;
}

/**
 * One poll and its ballots. Which half holds the ballots follows the poll's `voters`, which
 * cannot change once there are ballots:
 * - `public` and `secret`: `votes`, each ballot by voter key (`member:<id>` or `device:<id>`);
 * - `anonymous`: `voters`, the keys of who voted, and `counts`, how many ballots had each
 *   content (by canonical JSON). Both are kept sorted by key, so neither the order of voters
 *   nor the order of ballots tells who cast which; nothing links a voter to a ballot.
 */
export interface StoredPoll {
  record: PollRecord;
  votes: Record<string, StoredVote>;
  voters: string[];
  counts: Record<string, number>;
}

export interface PollsState {
  polls: Record<string, StoredPoll>;
  /** The latest `votedAt` handed out (ms), so ballots cast in one millisecond keep their order. */
  clock: number;
}

/** The next `votedAt`: now, or just after the latest one if the clock has not moved on. */
export function nextVoteTime(state: PollsState): string {
  state.clock = Math.max(Date.now(), state.clock + 1);
  return new Date(state.clock).toISOString();
}

export const isAnonymous = (poll: StoredPoll): boolean => poll.record.voters === 'anonymous';

export function ballotCount(poll: StoredPoll): number {
  return isAnonymous(poll) ? poll.voters.length : Object.keys(poll.votes).length;
}

export function hasVoted(poll: StoredPoll, key: string | null): boolean {
  if (key === null) return false;
  return isAnonymous(poll) ? poll.voters.includes(key) : own(poll.votes, key) !== undefined;
}

/** Every stored ballot, for counting. */
export function ballotsOf(poll: StoredPoll): StoredBallot[] {
  if (!isAnonymous(poll)) return Object.values(poll.votes).map((vote) => vote.ballot);
  return Object.entries(poll.counts).flatMap(([content, count]) => {
    const ballot = JSON.parse(content) as StoredBallot;
    return Array.from({ length: count }, () => ballot);
  });
}

/**
 * A ballot with only the fields of its kind, so nothing else a caller sent is stored. Choices
 * of a `ranked` poll keep their order; in every other type they are a set, sorted, so the same
 * choice is one content in an anonymous poll's counts.
 */
export function cleanBallot(poll: PollRecord, ballot: StoredBallot): StoredBallot {
  if (poll.type === 'rating') return { rating: (ballot as { rating: number }).rating };
  const { choices } = ballot as { choices: string[] };
  return { choices: poll.type === 'ranked' ? [...choices] : [...choices].sort() };
}

const sortedKeys = <T>(record: Record<string, T>): Record<string, T> =>
  dictionary(Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));

export function addBallot(poll: StoredPoll, key: string, vote: StoredVote): void {
  if (!isAnonymous(poll)) {
    poll.votes[key] = vote;
    return;
  }
  poll.voters = [...poll.voters, key].sort();
  const content = JSON.stringify(vote.ballot);
  poll.counts = sortedKeys({ ...poll.counts, [content]: (own(poll.counts, content) ?? 0) + 1 });
}

/** Takes a voter's ballot out; anonymous polls never get here, since they refuse changes. */
export function removeBallot(poll: StoredPoll, key: string): void {
  delete poll.votes[key];
}

export function newStoredPoll(record: PollRecord): StoredPoll {
  return { record, votes: dictionary(), voters: [], counts: dictionary() };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function isBallot(value: unknown): value is StoredBallot {
  if (!isObject(value)) return false;
  if ('rating' in value) return typeof value.rating === 'number';
  return Array.isArray(value.choices) && value.choices.every((choice) => typeof choice === 'string');
}

function isRecord(value: unknown, id: string): value is PollRecord {
  if (!isObject(value)) return false;
  return (
    value.id === id &&
    typeof value.type === 'string' &&
    typeof value.question === 'string' &&
    Array.isArray(value.options) &&
    typeof value.results === 'string' &&
    typeof value.voters === 'string' &&
    typeof value.integrity === 'string' &&
    typeof value.closed === 'boolean' &&
    typeof value.createdAt === 'string'
  );
}

function revivePoll(id: string, stored: unknown): StoredPoll | undefined {
  if (!isObject(stored) || !isRecord(stored.record, id)) return undefined;
  const poll = newStoredPoll(stored.record);
  if (isObject(stored.votes)) {
    for (const [key, vote] of Object.entries(stored.votes)) {
      if (isObject(vote) && isBallot(vote.ballot) && typeof vote.votedAt === 'string') poll.votes[key] = vote as unknown as StoredVote;
    }
  }
  if (Array.isArray(stored.voters)) poll.voters = stored.voters.filter((key): key is string => typeof key === 'string').sort();
  if (isObject(stored.counts)) {
    const counts = Object.entries(stored.counts).filter(([, count]) => typeof count === 'number' && Number.isInteger(count) && count > 0);
    poll.counts = sortedKeys(Object.fromEntries(counts) as Record<string, number>);
  }
  return poll;
}

function revive(stored: unknown): PollsState | undefined {
  if (!isObject(stored) || !isObject(stored.polls)) return undefined;
  const polls = dictionary<StoredPoll>();
  for (const [id, poll] of Object.entries(stored.polls)) {
    const revived = revivePoll(id, poll);
    if (revived) polls[id] = revived;
  }
  return { polls, clock: typeof stored.clock === 'number' ? stored.clock : 0 };
}

/** The polls of a namespace; none to start with (pages register theirs with `ensurePoll`). */
export const pollsSlice: Slice<PollsState> = { key: 'polls', initial: () => ({ polls: dictionary(), clock: 0 }), revive };
