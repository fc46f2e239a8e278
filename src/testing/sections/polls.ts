import type { Poll, PollDefinition } from '../../adapters/contract.js';
import { check, checkEqual, show } from '../assert.js';
import { refused } from '../comment-calls.js';
import type { Registrar } from '../harness.js';
import { personas } from '../personas.js';
import { choose, pollDefinition, pollNeeds as needs, pollOf, polls, registered } from './polls-calls.js';
import { registerPollLive } from './polls-live.js';
import { registerPollResults } from './polls-results.js';
import { registerPollVoting } from './polls-voting.js';
import type { Section } from './section.js';

/** The fields every poll has, with the definition it was registered with. */
function checkPollShape(poll: Poll, definition: PollDefinition, what: string): void {
  check(typeof poll === 'object' && poll !== null, `${what} should be a poll, got ${show(poll)}.`);
  for (const field of ['id', 'type', 'question', 'results', 'voters', 'integrity'] as const) {
    checkEqual(poll[field], definition[field], `${what}: ${field}`);
  }
  check(
    JSON.stringify(poll.options) === JSON.stringify(definition.options),
    `${what}: options should be ${show(definition.options)}, got ${show(poll.options)}.`,
  );
  checkEqual(poll.authorId, null, `${what}: authorId of a poll registered from a page`);
  checkEqual(poll.status, 'open', `${what}: status`);
  checkEqual(poll.voted, false, `${what}: voted`);
  checkEqual(poll.myBallot, null, `${what}: myBallot`);
  checkEqual(poll.ballotCount, 0, `${what}: ballotCount`);
  check(typeof poll.createdAt === 'string' && !Number.isNaN(Date.parse(poll.createdAt)), `${what}: createdAt should be a date-time.`);
}

/** Impossible definitions, each refused on the field at fault. */
const IMPOSSIBLE: { title: string; field: string; changes: Partial<PollDefinition> }[] = [
  { title: 'public voters with device integrity', field: 'voters', changes: { voters: 'public', integrity: 'device' } },
  { title: 'a minimum above the maximum', field: 'min', changes: { type: 'multiple', min: 3, max: 2 } },
  { title: 'a single option', field: 'options', changes: { options: [{ value: 'utrecht', label: 'Utrecht' }] } },
  {
    title: 'two options with the same value',
    field: 'options',
    changes: { options: [{ value: 'utrecht', label: 'Utrecht' }, { value: 'utrecht', label: 'Utrecht centrum' }] },
  },
];

function registerDefinitions(suite: Registrar): void {
  suite.test('ensurePoll registers a definition and returns it as the stored poll; getPoll returns the same', needs, async (t) => {
    const definition = pollDefinition('register');
    const adapter = await t.open(null);
    checkPollShape(await polls(adapter).ensurePoll(definition), definition, 'The registered poll');
    checkPollShape(await pollOf(adapter, definition.id), definition, 'getPoll after registering');
  });

  suite.test('getPoll resolves to null for an unknown id', needs, async (t) => {
    checkEqual(await polls(await t.open(null)).getPoll('plein-kit-no-such-poll'), null, 'getPoll of an unknown id');
  });

  suite.test('ensurePoll with the stored definition again changes nothing, ballots included', needs, async (t) => {
    const definition = pollDefinition('same-again');
    const member = await registered(t, definition, personas.member);
    const first = await polls(member).vote(definition.id, choose('utrecht'));
    const again = await polls(await t.open(personas.otherMember)).ensurePoll(definition);
    checkEqual(again.ballotCount, 1, 'ballotCount after registering the same definition again');
    checkEqual(again.createdAt, first.createdAt, 'createdAt after registering the same definition again');
  });

  suite.test('a changed definition replaces the stored one while the poll has no ballots', needs, async (t) => {
    const definition = pollDefinition('replace');
    const adapter = await registered(t, definition);
    const changed = { ...definition, question: 'Which city next?', results: 'after-vote' as const };
    checkEqual((await polls(adapter).ensurePoll(changed)).question, changed.question, 'The question ensurePoll returned');
    const stored = await pollOf(await t.open(personas.member), definition.id);
    checkEqual(stored.question, changed.question, 'The stored question');
    checkEqual(stored.results, 'after-vote', 'The stored results setting');
  });

  suite.test('after one ballot a member’s changed definition is refused as conflict, and the stored poll stands', needs, async (t) => {
    const definition = pollDefinition('frozen');
    const member = await registered(t, definition, personas.member);
    await polls(member).vote(definition.id, choose('amsterdam'));
    const changed = { ...definition, question: 'A different question' };
    await refused(polls(await t.open(personas.otherMember)).ensurePoll(changed), 'conflict', 'Changing a poll with a ballot');
    const stored = await pollOf(member, definition.id);
    checkEqual(stored.question, definition.question, 'The stored question after the refused change');
    checkEqual(stored.ballotCount, 1, 'ballotCount after the refused change');
  });

  suite.test('after ballots an admin may change the question, but not the voter visibility', needs, async (t) => {
    const definition = pollDefinition('admin-change');
    await polls(await registered(t, definition, personas.member)).vote(definition.id, choose('utrecht'));
    const admin = await t.open(personas.admin);
    const reworded = await polls(admin).ensurePoll({ ...definition, question: 'Where do we meet next?' });
    checkEqual(reworded.question, 'Where do we meet next?', 'The question an admin changed');
    checkEqual(reworded.ballotCount, 1, 'ballotCount after an admin’s change');
    await refused(polls(admin).ensurePoll({ ...definition, voters: 'public' }), 'conflict', 'An admin changing the voter visibility of a poll with ballots');
    checkEqual((await pollOf(admin, definition.id)).voters, 'secret', 'The stored voter visibility');
  });

  for (const { title, field, changes } of IMPOSSIBLE) {
    suite.test(`refuses a definition with ${title} as invalid on fields.${field}`, needs, async (t) => {
      const definition = pollDefinition('impossible', changes);
      const adapter = await t.open(personas.admin);
      await refused(polls(adapter).ensurePoll(definition), 'invalid', `A definition with ${title}`, field);
      checkEqual(await polls(adapter).getPoll(definition.id), null, 'getPoll after the refused definition');
    });
  }
}

export const pollsSection: Section = {
  title: 'polls',
  register(suite) {
    registerDefinitions(suite);
    registerPollResults(suite);
    registerPollVoting(suite);
    registerPollLive(suite);
  },
};
