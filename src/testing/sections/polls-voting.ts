import type { PollDefinition } from '../../adapters/contract.js';
import { check, checkEqual, show } from '../assert.js';
import { refused } from '../comment-calls.js';
import type { Registrar } from '../harness.js';
import { personas } from '../personas.js';
import { signInAsGuest } from '../probes/guests.js';
import { checkCounts, choose, pollDefinition, pollNeeds as needs, pollOf, polls, registered } from './polls-calls.js';

const withGuests = { capabilities: ['polls', 'guests'] } as const;

/** Who may vote and how often, under each integrity policy. */
function registerIntegrity(suite: Registrar): void {
  suite.test('member integrity: refuses the same member’s second ballot as conflict and counts one', needs, async (t) => {
    const definition = pollDefinition('member-twice');
    const member = await registered(t, definition, personas.member);
    await polls(member).vote(definition.id, choose('utrecht'));
    await refused(polls(member).vote(definition.id, choose('amsterdam')), 'conflict', 'A second ballot by the same member');
    const again = await t.open(personas.member);
    await refused(polls(again).vote(definition.id, choose('amsterdam')), 'conflict', 'The same member voting again from another instance');
    checkCounts(await pollOf(member, definition.id), { utrecht: 1, amsterdam: 0, rotterdam: 0 }, 'The tally after refused second ballots');
  });

  suite.test('member integrity: refuses an anonymous visitor’s ballot as unauthorized', needs, async (t) => {
    const definition = pollDefinition('member-anonymous');
    const anonymous = await registered(t, definition);
    await refused(polls(anonymous).vote(definition.id, choose('utrecht')), 'unauthorized', 'An anonymous ballot in a member poll');
    checkEqual((await pollOf(anonymous, definition.id)).ballotCount, 0, 'ballotCount after the refused ballot');
  });

  suite.test('member integrity: refuses a guest’s ballot as forbidden', withGuests, async (t) => {
    const definition = pollDefinition('member-guest');
    const guest = await registered(t, definition);
    await signInAsGuest(guest, 'Gus Guest');
    await refused(polls(guest).vote(definition.id, choose('utrecht')), 'forbidden', 'A guest’s ballot in a member poll');
  });

  suite.test('device integrity: an anonymous visitor votes once; the same device’s second ballot is a conflict', needs, async (t) => {
    const definition = pollDefinition('device-twice', { integrity: 'device' });
    const device = await registered(t, definition);
    const voted = await polls(device).vote(definition.id, choose('rotterdam'));
    checkEqual(voted.voted, true, 'voted after an anonymous ballot');
    checkEqual((await pollOf(device, definition.id)).voted, true, 'voted in getPoll for the same device');
    await refused(polls(device).vote(definition.id, choose('utrecht')), 'conflict', 'A second ballot from the same device');
    checkCounts(await pollOf(device, definition.id), { utrecht: 0, amsterdam: 0, rotterdam: 1 }, 'The tally after the refused second ballot');
  });

  suite.test('device integrity: a guest may vote', withGuests, async (t) => {
    const definition = pollDefinition('device-guest', { integrity: 'device' });
    const guest = await registered(t, definition);
    await signInAsGuest(guest, 'Gus Guest');
    checkEqual((await polls(guest).vote(definition.id, choose('amsterdam'))).ballotCount, 1, 'ballotCount after a guest’s ballot');
  });

  suite.test('device integrity with allowChange: a second ballot replaces the first, and the counts move', needs, async (t) => {
    const definition = pollDefinition('device-change', { integrity: 'device', allowChange: true });
    const device = await registered(t, definition);
    await polls(device).vote(definition.id, choose('utrecht'));
    const changed = await polls(device).vote(definition.id, choose('amsterdam'));
    checkCounts(changed, { utrecht: 0, amsterdam: 1, rotterdam: 0 }, 'The tally after changing the ballot');
    checkEqual(changed.ballotCount, 1, 'ballotCount after changing the ballot');
    check(JSON.stringify(changed.myBallot) === '{"choices":["amsterdam"]}', `myBallot should be the new ballot, got ${show(changed.myBallot)}.`);
  });
}

/** Taking a ballot back, closing and reopening. */
function registerLifecycle(suite: Registrar): void {
  suite.test('removeVote is refused as conflict where the poll does not allow changes', needs, async (t) => {
    const definition = pollDefinition('remove-refused');
    const member = await registered(t, definition, personas.member);
    await polls(member).vote(definition.id, choose('utrecht'));
    await refused(polls(member).removeVote(definition.id), 'conflict', 'removeVote without allowChange');
    checkEqual((await pollOf(member, definition.id)).ballotCount, 1, 'ballotCount after the refused removal');
  });

  suite.test('removeVote takes the ballot back where the poll allows changes', needs, async (t) => {
    const definition = pollDefinition('remove', { allowChange: true });
    const member = await registered(t, definition, personas.member);
    await polls(member).vote(definition.id, choose('utrecht'));
    const removed = await polls(member).removeVote(definition.id);
    checkEqual(removed.voted, false, 'voted after removeVote');
    checkEqual(removed.myBallot, null, 'myBallot after removeVote');
    checkCounts(removed, { utrecht: 0, amsterdam: 0, rotterdam: 0 }, 'The tally after removeVote');
    checkEqual((await polls(member).vote(definition.id, choose('rotterdam'))).ballotCount, 1, 'ballotCount after voting again');
  });

  suite.test('closePoll: a member is forbidden; a moderator closes, ballots are then a conflict, and reopening lets them in', needs, async (t) => {
    const definition = pollDefinition('close');
    const member = await registered(t, definition, personas.member);
    await refused(polls(member).closePoll(definition.id, true), 'forbidden', 'A member closing a poll');
    checkEqual((await pollOf(member, definition.id)).status, 'open', 'status after a member’s refused close');
    const moderator = await t.open(personas.moderator);
    checkEqual((await polls(moderator).closePoll(definition.id, true)).status, 'closed', 'status closePoll returns');
    checkEqual((await pollOf(member, definition.id)).status, 'closed', 'status a member sees after the close');
    await refused(polls(member).vote(definition.id, choose('utrecht')), 'conflict', 'A ballot in a closed poll');
    checkEqual((await polls(moderator).closePoll(definition.id, false)).status, 'open', 'status after reopening');
    checkEqual((await polls(member).vote(definition.id, choose('utrecht'))).ballotCount, 1, 'ballotCount after voting in the reopened poll');
  });

  suite.test('vote on an unknown poll is refused as not-found', needs, async (t) => {
    await refused(polls(await t.open(personas.member)).vote('plein-kit-no-such-poll', choose('utrecht')), 'not-found', 'A ballot for an unknown poll');
  });
}

const BALLOT_CASES: { title: string; field: string; changes: Partial<PollDefinition>; ballot: object }[] = [
  { title: 'an option the poll does not have', field: 'choices', changes: {}, ballot: choose('maastricht') },
  { title: 'more choices than a multiple poll’s max', field: 'choices', changes: { type: 'multiple', max: 2 }, ballot: choose('utrecht', 'amsterdam', 'rotterdam') },
  { title: 'a rating off the scale', field: 'rating', changes: { type: 'rating', options: [], scale: { min: 1, max: 5, step: 1 } }, ballot: { rating: 6 } },
];

function registerBallots(suite: Registrar): void {
  for (const { title, field, changes, ballot } of BALLOT_CASES) {
    suite.test(`refuses a ballot with ${title} as invalid on fields.${field}`, needs, async (t) => {
      const definition = pollDefinition('ballot', changes);
      const member = await registered(t, definition, personas.member);
      await refused(polls(member).vote(definition.id, ballot as never), 'invalid', `A ballot with ${title}`, field);
      checkEqual((await pollOf(member, definition.id)).voted, false, 'voted after the refused ballot');
    });
  }

  suite.test('ranked: counts a hand-worked instant runoff round by round', needs, async (t) => {
    // First preferences a 2, b 2, c 1: no majority, c goes; its ballot moves to b, who wins 3 of 5.
    const definition = pollDefinition('ranked', {
      type: 'ranked',
      integrity: 'device',
      options: [
        { value: 'a', label: 'Amsterdam' },
        { value: 'b', label: 'Bussum' },
        { value: 'c', label: 'Culemborg' },
      ],
    });
    const anonymous = await registered(t, definition);
    const ballots: [typeof personas.member | null, string[]][] = [
      [personas.member, ['a', 'b']],
      [personas.otherMember, ['a']],
      [personas.moderator, ['b']],
      [null, ['b', 'a']],
      [personas.admin, ['c', 'b']],
    ];
    for (const [viewer, ranking] of ballots) {
      await polls(viewer === null ? anonymous : await t.open(viewer)).vote(definition.id, choose(...ranking));
    }
    const tally = (await pollOf(anonymous, definition.id)).tally;
    const rounds = tally?.rounds;
    check(Array.isArray(rounds), `A ranked tally should have rounds, got ${show(tally)}.`);
    checkEqual(JSON.stringify(rounds.map((round) => [round.counts, round.eliminated])), JSON.stringify([[{ a: 2, b: 2, c: 1 }, ['c']], [{ a: 2, b: 3 }, []]]), 'The rounds (counts, eliminated)');
    checkEqual(rounds.every((round) => round.continuing === 5 && round.exhausted === 0), true, `Every ballot continues in every round: ${show(rounds)}`);
    checkEqual(tally?.winner, 'b', 'The runoff winner');
    checkEqual(tally?.total, 5, 'tally.total');
  });
}

/** Who voted what: listed for public polls only; anonymous polls keep no link at all. */
function registerVoters(suite: Registrar): void {
  suite.test('listPollVotes lists a public poll’s voters and ballots to a member, oldest first; anonymous visitors must sign in', needs, async (t) => {
    const definition = pollDefinition('public', { voters: 'public' });
    const first = await registered(t, definition, personas.member);
    await polls(first).vote(definition.id, choose('utrecht'));
    await polls(await t.open(personas.otherMember)).vote(definition.id, choose('rotterdam'));
    await refused(polls(await t.open(null)).listPollVotes(definition.id), 'unauthorized', 'Listing the voters as an anonymous visitor');
    const page = await polls(first).listPollVotes(definition.id);
    check(Array.isArray(page?.items), `listPollVotes should return { items, cursor }, got ${show(page)}.`);
    checkEqual(JSON.stringify(page.items.map((vote) => [vote.voter.id, vote.ballot])), JSON.stringify([[personas.member.id, choose('utrecht')], [personas.otherMember.id, choose('rotterdam')]]), 'Voters and ballots');
    checkEqual(page.items[0]?.voter.name, personas.member.name, 'The voter’s name');
    check(page.items.every((vote) => !Number.isNaN(Date.parse(vote.votedAt))), `Each vote needs votedAt: ${show(page.items)}.`);
    checkEqual(page.cursor, null, 'The cursor of the only page');
  });

  suite.test('listPollVotes follows the results rule: no voter list while the results are withheld from the viewer', needs, async (t) => {
    const afterVote = pollDefinition('public-after-vote', { voters: 'public', results: 'after-vote' });
    const first = await registered(t, afterVote, personas.member);
    await polls(first).vote(afterVote.id, choose('utrecht'));
    const other = await t.open(personas.otherMember);
    await refused(polls(other).listPollVotes(afterVote.id), 'forbidden', 'Listing the voters of an after-vote poll before voting');
    await polls(other).vote(afterVote.id, choose('rotterdam'));
    checkEqual((await polls(other).listPollVotes(afterVote.id)).items.length, 2, 'Voters listed after voting');

    const afterClose = pollDefinition('public-after-close', { voters: 'public', results: 'after-close' });
    const voter = await registered(t, afterClose, personas.member);
    await polls(voter).vote(afterClose.id, choose('utrecht'));
    await refused(polls(voter).listPollVotes(afterClose.id), 'forbidden', 'Listing the voters of an after-close poll while it is open');
    await polls(await t.open(personas.moderator)).closePoll(afterClose.id, true);
    checkEqual((await polls(voter).listPollVotes(afterClose.id)).items.length, 1, 'Voters listed once the poll is closed');
  });

  for (const voters of ['secret', 'anonymous'] as const) {
    suite.test(`listPollVotes is forbidden for a ${voters} poll, to members and moderators alike`, needs, async (t) => {
      const definition = pollDefinition(`list-${voters}`, { voters });
      const member = await registered(t, definition, personas.member);
      await polls(member).vote(definition.id, choose('utrecht'));
      await refused(polls(member).listPollVotes(definition.id), 'forbidden', `Listing the voters of a ${voters} poll as a member`);
      await refused(polls(await t.open(personas.moderator)).listPollVotes(definition.id), 'forbidden', `Listing the voters of a ${voters} poll as a moderator`);
    });
  }

  suite.test('anonymous voters: voted is true and myBallot null after voting, and the counts are right', needs, async (t) => {
    const definition = pollDefinition('anonymous', { voters: 'anonymous' });
    const member = await registered(t, definition, personas.member);
    const voted = await polls(member).vote(definition.id, choose('amsterdam'));
    checkEqual(voted.voted, true, 'voted after an anonymous ballot');
    checkEqual(voted.myBallot, null, 'myBallot the vote returns');
    await polls(await t.open(personas.otherMember)).vote(definition.id, choose('utrecht'));
    const read = await pollOf(member, definition.id);
    checkEqual(read.myBallot, null, 'myBallot in getPoll');
    checkEqual(read.voted, true, 'voted in getPoll');
    checkCounts(read, { utrecht: 1, amsterdam: 1, rotterdam: 0 }, 'The tally of the anonymous poll');
    await refused(polls(member).vote(definition.id, choose('rotterdam')), 'conflict', 'A second ballot in an anonymous poll');
  });
}

export function registerPollVoting(suite: Registrar): void {
  registerIntegrity(suite);
  registerLifecycle(suite);
  registerBallots(suite);
  registerVoters(suite);
}
