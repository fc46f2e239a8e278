import { topics, type PleinAdapter, type RealtimeEvent } from '../../adapters/contract.js';
import { check, checkEqual, show } from '../assert.js';
import type { KitTest } from '../harness.js';
import { personas } from '../personas.js';
import { choose, pollDefinition, pollOf, polls, registered } from '../sections/polls-calls.js';
import type { CapabilityProbes } from './types.js';

/** The poll each adapter of a probe works on, so `call` and `verifyNoEffect` share a fresh id. */
const pollIds = new WeakMap<PleinAdapter, string>();

async function memberWithPoll(t: KitTest): Promise<PleinAdapter> {
  const definition = pollDefinition('abort');
  const member = await registered(t, definition, personas.member);
  pollIds.set(member, definition.id);
  return member;
}

const pollIdOf = (adapter: PleinAdapter): string => pollIds.get(adapter) ?? 'plein-kit-no-such-poll';

/** A `poll-updated` for this poll, holding `ballots` ballots, with no tally and no count anywhere in it. */
const withheldUpdate = (id: string, ballots: number) => (event: RealtimeEvent) =>
  event.type === 'poll-updated' &&
  event.poll.id === id &&
  event.poll.ballotCount === ballots &&
  event.poll.tally === null &&
  event.poll.voted === false &&
  !JSON.stringify(event.poll).includes('"counts"');

export const pollProbes: CapabilityProbes = {
  abort: [
    {
      capabilities: ['polls'],
      method: 'getPoll',
      kind: 'read',
      call: (adapter, signal) => polls(adapter).getPoll('plein-kit-any', { signal }),
    },
    {
      capabilities: ['polls'],
      method: 'vote',
      kind: 'write',
      open: memberWithPoll,
      call: (adapter, signal) => polls(adapter).vote(pollIdOf(adapter), choose('utrecht'), { signal }),
      async verifyNoEffect(adapter) {
        const poll = await pollOf(adapter, pollIdOf(adapter));
        checkEqual(poll.ballotCount, 0, 'ballotCount after an aborted vote');
        checkEqual(poll.voted, false, 'voted after an aborted vote');
      },
    },
  ],

  errors: [
    {
      capabilities: ['polls'],
      title: 'a poll definition has a single option',
      code: 'invalid',
      field: 'options',
      provoke: async (t) => polls(await t.open(null)).ensurePoll(pollDefinition('one-option', { options: [{ value: 'utrecht', label: 'Utrecht' }] })),
    },
    {
      capabilities: ['polls'],
      title: 'an anonymous visitor votes in a member poll',
      code: 'unauthorized',
      provoke: async (t) => {
        const definition = pollDefinition('error-anonymous');
        return polls(await registered(t, definition)).vote(definition.id, choose('utrecht'));
      },
    },
    {
      capabilities: ['polls'],
      title: 'a member votes twice in a poll that does not allow changes',
      code: 'conflict',
      provoke: async (t) => {
        const definition = pollDefinition('error-twice');
        const member = await registered(t, definition, personas.member);
        await polls(member).vote(definition.id, choose('utrecht'));
        return polls(member).vote(definition.id, choose('amsterdam'));
      },
    },
  ],

  triggers: [
    {
      capabilities: ['polls'],
      title: 'poll-updated with the new ballotCount, and no tally, to a member who has not voted in an after-vote poll',
      async setup(t) {
        const definition = pollDefinition('live', { results: 'after-vote' });
        const voter = await registered(t, definition, personas.member);
        const listener = await t.open(personas.otherMember);
        await pollOf(listener, definition.id);
        return {
          listener,
          topic: topics.poll(definition.id),
          fire: () => polls(voter).vote(definition.id, choose('utrecht')),
          matches: withheldUpdate(definition.id, 1),
        };
      },
    },
  ],

  persistence: [
    {
      capabilities: ['polls'],
      title: 'a poll, a ballot and a close',
      async write(t) {
        const definition = pollDefinition('kept', { results: 'after-vote' });
        await polls(await registered(t, definition, personas.member)).vote(definition.id, choose('amsterdam'));
        await polls(await t.open(personas.moderator)).closePoll(definition.id, true);
        return definition.id;
      },
      async verify(t, written) {
        const id = written as string;
        const member = await t.open(personas.member);
        const poll = await pollOf(member, id);
        checkEqual(poll.voted, true, 'voted for the member after re-creation');
        checkEqual(poll.ballotCount, 1, 'ballotCount after re-creation');
        checkEqual(poll.status, 'closed', 'status after re-creation');
        check(poll.tally?.counts['amsterdam'] === 1, `The kept ballot should count for amsterdam, got ${show(poll.tally)}.`);
      },
    },
  ],
};
