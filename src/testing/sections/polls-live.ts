import { topics, type Poll, type RealtimeEvent } from '../../adapters/contract.js';
import { checkEqual } from '../assert.js';
import { record } from '../events.js';
import type { Registrar } from '../harness.js';
import { personas } from '../personas.js';
import { checkCounts, checkWithheld, choose, pollDefinition, pollOf, polls, registered } from './polls-calls.js';

const needs = { capabilities: ['polls', 'realtime'] } as const;

const updateWith = (id: string, ballots: number) => (event: RealtimeEvent) =>
  event.type === 'poll-updated' && event.poll.id === id && event.poll.ballotCount === ballots;

/** Live results: each subscriber hears every ballot, with the poll as they may see it. */
export function registerPollLive(suite: Registrar): void {
  suite.test('realtime: poll-updated reaches each subscriber shaped for them (after-vote: no tally for a non-voter)', needs, async (t) => {
    const definition = pollDefinition('live-shaped', { results: 'after-vote' });
    const voter = await registered(t, definition, personas.member);
    const listeners = {
      nonVoter: await t.open(personas.otherMember),
      moderator: await t.open(personas.moderator),
      voterElsewhere: await t.open(personas.member),
    };
    const recordings = Object.fromEntries(
      await Promise.all(
        Object.entries(listeners).map(async ([who, adapter]) => {
          await pollOf(adapter, definition.id);
          return [who, record(adapter, topics.poll(definition.id))] as const;
        }),
      ),
    );
    await polls(voter).vote(definition.id, choose('amsterdam'));
    const heard = async (who: keyof typeof listeners): Promise<Poll> => {
      const event = await recordings[who]!.next(updateWith(definition.id, 1), t.patience, `poll-updated with ballotCount 1 for the ${who}`);
      return (event as Extract<RealtimeEvent, { type: 'poll-updated' }>).poll;
    };
    const nonVoter = await heard('nonVoter');
    checkWithheld(nonVoter, 'vote', 'The poll-updated a member who has not voted hears');
    checkEqual(nonVoter.voted, false, 'voted in the non-voter’s poll-updated');
    const expected = { utrecht: 0, amsterdam: 1, rotterdam: 0 };
    checkCounts(await heard('moderator'), expected, 'The poll-updated a moderator hears');
    const own = await heard('voterElsewhere');
    checkEqual(own.voted, true, 'voted in the poll-updated the voter’s other instance hears');
    checkCounts(own, expected, 'The poll-updated the voter’s other instance hears');
  });

  suite.test('realtime: a changed definition before any ballot sends poll-updated with the new question', needs, async (t) => {
    const definition = pollDefinition('live-redefine');
    const listener = await registered(t, definition, personas.otherMember);
    await pollOf(listener, definition.id);
    const recording = record(listener, topics.poll(definition.id));
    await polls(await t.open(null)).ensurePoll({ ...definition, question: 'Which city next?' });
    await recording.next(
      (event) => event.type === 'poll-updated' && event.poll.id === definition.id && event.poll.question === 'Which city next?',
      t.patience,
      'poll-updated with the new question',
    );
  });

  suite.test('realtime: closing a poll sends poll-updated with status closed and, after-close, the tally', needs, async (t) => {
    const definition = pollDefinition('live-close', { results: 'after-close' });
    const member = await registered(t, definition, personas.member);
    await polls(member).vote(definition.id, choose('utrecht'));
    await pollOf(member, definition.id);
    const recording = record(member, topics.poll(definition.id));
    await polls(await t.open(personas.moderator)).closePoll(definition.id, true);
    const event = await recording.next(
      (candidate) => candidate.type === 'poll-updated' && candidate.poll.id === definition.id && candidate.poll.status === 'closed',
      t.patience,
      'poll-updated with status closed',
    );
    checkCounts((event as Extract<RealtimeEvent, { type: 'poll-updated' }>).poll, { utrecht: 1, amsterdam: 0, rotterdam: 0 }, 'The poll-updated after the close');
  });
}
