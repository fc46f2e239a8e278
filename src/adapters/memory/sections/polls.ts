import { commentAuthor } from '../../../domain/comments-steps.js';
import { InvalidCursorError, paginate } from '../../../domain/cursor.js';
import { compareThread } from '../../../domain/ordering.js';
import { closingTime } from '../../../domain/closing-time.js';
import { ballotContents } from '../../../domain/poll-redefine.js';
import {
  planClose,
  planListVotes,
  planRegister,
  planRemoveVote,
  planVote,
  type PollRecord,
  type StoredBallot,
} from '../../../domain/poll-steps.js';
import type { Page, PageRequest, Poll, PollDefinition, PollMethods, PollVote } from '../../contract.js';
import { cursorRefusal, notFound, proceed } from '../../refusals.js';
import { own } from '../comments-state.js';
import type { MemoryInstance } from '../instance.js';
import { publishPollChange, shapePollEvents } from '../polls-events.js';
import {
  addBallot,
  ballotCount,
  ballotsOf,
  cleanBallot,
  hasVoted,
  newStoredPoll,
  nextVoteTime,
  pollsSlice,
  type PollsState,
  removeBallot,
  type StoredPoll,
  type StoredVote,
} from '../polls-state.js';
import { presentPoll, voterKey } from '../polls-view.js';
import type { MemorySection } from './section.js';

const oldestFirst = compareThread('oldest');

function find(instance: MemoryInstance, id: unknown): StoredPoll | undefined {
  return typeof id === 'string' ? own(instance.db.read(pollsSlice).polls, id) : undefined;
}

function existing(instance: MemoryInstance, id: unknown): StoredPoll {
  const poll = find(instance, id);
  if (!poll) throw notFound('The poll');
  return poll;
}

/** Changes the stored poll `id` (looked up again: another tab may have written meanwhile). */
function change(instance: MemoryInstance, id: string, edit: (poll: StoredPoll, state: PollsState) => void): StoredPoll {
  let poll!: StoredPoll;
  instance.db.update(pollsSlice, (state) => {
    poll = own(state.polls, id)!;
    edit(poll, state);
  });
  publishPollChange(instance, poll);
  return poll;
}

/** The stored form of a checked definition: its own fields only, copied, defaults made explicit. */
function recordOf(definition: PollDefinition, before: PollRecord | undefined): PollRecord {
  const { min, max, scale, correct, explanation, closesAt } = definition;
  return {
    id: definition.id,
    type: definition.type,
    question: definition.question,
    options: definition.options.map(({ value, label }) => ({ value, label })),
    results: definition.results,
    voters: definition.voters,
    integrity: definition.integrity,
    ...(min === undefined ? {} : { min }),
    ...(max === undefined ? {} : { max }),
    ...(scale === undefined ? {} : { scale: { min: scale.min, max: scale.max, step: scale.step } }),
    ...(correct === undefined ? {} : { correct: [...correct] }),
    ...(explanation === undefined ? {} : { explanation }),
    closesAt: closingTime(closesAt),
    allowChange: definition.allowChange === true,
    authorId: before?.authorId ?? null,
    closed: before?.closed ?? false,
    createdAt: before?.createdAt ?? new Date().toISOString(),
  };
}

function ensure(instance: MemoryInstance, definition: PollDefinition): Poll {
  const input = (typeof definition === 'object' && definition !== null ? definition : {}) as PollDefinition;
  const before = find(instance, input.id);
  const facts = { actor: instance.actor(), ballots: before ? ballotCount(before) : 0, ...(before ? { held: ballotContents(ballotsOf(before)) } : {}) };
  const plan = proceed(planRegister(before?.record, input, facts));
  if (!plan.store) return presentPoll(instance, before!);
  // The memory adapter keeps no audit log, so an admin's change of a poll with ballots (`plan.audit`) leaves no entry.
  let poll!: StoredPoll;
  instance.db.update(pollsSlice, (state) => {
    const current = own(state.polls, input.id);
    if (current) current.record = recordOf(input, current.record);
    poll = current ?? (state.polls[input.id] = newStoredPoll(recordOf(input, undefined)));
  });
  publishPollChange(instance, poll);
  return presentPoll(instance, poll);
}

function vote(instance: MemoryInstance, id: string, ballot: unknown): Poll {
  const poll = existing(instance, id);
  const actor = instance.actor();
  const plan = proceed(planVote(poll.record, { actor, voted: hasVoted(poll, voterKey(instance, poll.record)) }, ballot));
  // Allowed, so the viewer is a member or votes as the device; the device gets its id now.
  const key = voterKey(instance, poll.record, true)!;
  const viewer = instance.viewer();
  const updated = change(instance, id, (current, state) => {
    const stored: StoredVote = {
      ballot: cleanBallot(current.record, ballot as StoredBallot),
      votedAt: nextVoteTime(state),
      voter: actor.kind === 'member' && viewer ? commentAuthor(viewer) : null,
    };
    if (plan.replaces) removeBallot(current, key);
    addBallot(current, key, stored);
  });
  return presentPoll(instance, updated);
}

function removeVote(instance: MemoryInstance, id: string): Poll {
  const poll = existing(instance, id);
  const key = voterKey(instance, poll.record);
  proceed(planRemoveVote(poll.record, { actor: instance.actor(), voted: hasVoted(poll, key) }));
  return presentPoll(instance, change(instance, id, (current) => removeBallot(current, key!)));
}

function close(instance: MemoryInstance, id: string, closed: boolean): Poll {
  proceed(planClose(instance.actor()));
  const poll = existing(instance, id);
  if (poll.record.closed === (closed === true)) return presentPoll(instance, poll);
  return presentPoll(instance, change(instance, id, (current) => (current.record.closed = closed === true)));
}

function listVotes(instance: MemoryInstance, id: string, request: PageRequest | undefined): Page<PollVote> {
  const poll = existing(instance, id);
  proceed(planListVotes(poll.record, { actor: instance.actor(), voted: hasVoted(poll, voterKey(instance, poll.record)) }));
  const votes = Object.entries(poll.votes).flatMap(([key, vote]) => (vote.voter ? [{ id: key, createdAt: vote.votedAt, vote }] : []));
  try {
    const page = paginate(votes, {
      compare: oldestFirst,
      keyOf: ({ id: key, createdAt }) => ({ id: key, createdAt }),
      scope: `poll-votes:${id}`,
      cursor: request?.cursor ?? null,
      limit: request?.limit,
    });
    const items = page.items.map(({ vote }) => structuredClone({ voter: vote.voter!, ballot: vote.ballot, votedAt: vote.votedAt }));
    return { items, cursor: page.cursor };
  } catch (error) {
    if (error instanceof InvalidCursorError) throw cursorRefusal(error);
    throw error;
  }
}

/**
 * Polls: declarative definitions registered on first use, ballots under each poll's integrity
 * and voter settings, closing and reopening, the public voter list, and every view shaped for
 * its viewer by the domain (`pollView`), in answers and realtime events alike.
 */
export const pollsSection: MemorySection<PollMethods> = {
  capabilities: ['polls'],
  methods: (instance) => ({
    getPoll: (id, options) =>
      instance.call('getPoll', options, () => {
        const poll = find(instance, id);
        return poll ? presentPoll(instance, poll) : null;
      }),
    ensurePoll: (definition, options) => instance.call('ensurePoll', options, () => ensure(instance, definition)),
    vote: (id, ballot, options) => instance.call('vote', options, () => vote(instance, id, ballot)),
    removeVote: (id, options) => instance.call('removeVote', options, () => removeVote(instance, id)),
    closePoll: (id, closed, options) => instance.call('closePoll', options, () => close(instance, id, closed)),
    listPollVotes: (id, request, options) => instance.call('listPollVotes', options, () => listVotes(instance, id, request)),
  }),
  shape: shapePollEvents,
};
