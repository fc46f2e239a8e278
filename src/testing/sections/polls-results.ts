import { check, checkEqual, show } from '../assert.js';
import type { Registrar } from '../harness.js';
import { personas } from '../personas.js';
import { checkCounts, checkWithheld, choose, pollDefinition, pollNeeds as needs, pollOf, polls, registered } from './polls-calls.js';

/**
 * Results visibility: in each mode, every answer a viewer gets before they may see results
 * holds no count at all (not merely a tally the UI would hide), and the tally appears exactly
 * when the rule says.
 */
export function registerPollResults(suite: Registrar): void {
  suite.test('after-vote: no tally for a member who has not voted; the tally once they vote', needs, async (t) => {
    const definition = pollDefinition('after-vote', { results: 'after-vote' });
    const voter = await registered(t, definition, personas.member);
    const other = await t.open(personas.otherMember);
    checkWithheld(await pollOf(other, definition.id), 'vote', 'Before anyone voted, a member');
    await polls(voter).vote(definition.id, choose('utrecht'));
    checkWithheld(await pollOf(other, definition.id), 'vote', 'A member who has not voted, after another did');
    checkWithheld(await pollOf(await t.open(null), definition.id), 'vote', 'An anonymous visitor');
    checkEqual((await pollOf(other, definition.id)).ballotCount, 1, 'ballotCount shown while the tally is withheld');
    const voted = await polls(other).vote(definition.id, choose('amsterdam'));
    checkCounts(voted, { utrecht: 1, amsterdam: 1, rotterdam: 0 }, 'The poll vote returns to the new voter');
    checkCounts(await pollOf(voter, definition.id), { utrecht: 1, amsterdam: 1, rotterdam: 0 }, 'The first voter, after the second voted');
  });

  suite.test('after-close: no tally for voters until a moderator closes the poll, then for everyone', needs, async (t) => {
    const definition = pollDefinition('after-close', { results: 'after-close' });
    const voter = await registered(t, definition, personas.member);
    checkWithheld(await polls(voter).vote(definition.id, choose('rotterdam')), 'close', 'The poll vote returns to a voter');
    checkWithheld(await pollOf(voter, definition.id), 'close', 'getPoll for the voter while open');
    checkWithheld(await pollOf(await t.open(null), definition.id), 'close', 'An anonymous visitor while open');
    await polls(await t.open(personas.moderator)).closePoll(definition.id, true);
    const expected = { utrecht: 0, amsterdam: 0, rotterdam: 1 };
    checkCounts(await pollOf(voter, definition.id), expected, 'The voter after the close');
    checkCounts(await pollOf(await t.open(personas.otherMember), definition.id), expected, 'A member who did not vote, after the close');
    checkCounts(await pollOf(await t.open(null), definition.id), expected, 'An anonymous visitor after the close');
  });

  suite.test('moderators: members never see the tally while the poll is open, voted or not; moderators do', needs, async (t) => {
    const definition = pollDefinition('moderators', { results: 'moderators' });
    const voter = await registered(t, definition, personas.member);
    checkWithheld(await polls(voter).vote(definition.id, choose('amsterdam')), 'close', 'The poll vote returns to a voting member');
    checkWithheld(await pollOf(await t.open(personas.otherMember), definition.id), 'close', 'A member who did not vote');
    const moderator = await t.open(personas.moderator);
    checkCounts(await pollOf(moderator, definition.id), { utrecht: 0, amsterdam: 1, rotterdam: 0 }, 'A moderator while open');
    await polls(moderator).closePoll(definition.id, true);
    checkCounts(await pollOf(voter, definition.id), { utrecht: 0, amsterdam: 1, rotterdam: 0 }, 'The voter after the close');
  });

  suite.test('always: everyone sees the tally, anonymous visitors before anyone voted included', needs, async (t) => {
    const definition = pollDefinition('always', { results: 'always' });
    const anonymous = await registered(t, definition);
    checkCounts(await pollOf(anonymous, definition.id), { utrecht: 0, amsterdam: 0, rotterdam: 0 }, 'An anonymous visitor before any ballot');
    await polls(await t.open(personas.member)).vote(definition.id, choose('utrecht'));
    checkCounts(await pollOf(anonymous, definition.id), { utrecht: 1, amsterdam: 0, rotterdam: 0 }, 'An anonymous visitor after a ballot');
  });

  suite.test('a quiz’s correct answer and explanation are absent before answering and present after', needs, async (t) => {
    const definition = pollDefinition('quiz', {
      type: 'quiz',
      question: 'Which city is the capital of the Netherlands?',
      correct: ['amsterdam'],
      explanation: 'Amsterdam is the capital; the government sits in The Hague.',
      results: 'after-vote',
    });
    const answerer = await registered(t, definition, personas.member);
    for (const [who, poll] of [
      ['A member before answering', await pollOf(answerer, definition.id)],
      ['An anonymous visitor', await pollOf(await t.open(null), definition.id)],
    ] as const) {
      check(!('correct' in poll) && !('explanation' in poll), `${who} should get no correct answer or explanation, got ${show(poll)}.`);
    }
    const answered = await polls(answerer).vote(definition.id, choose('utrecht'));
    check(JSON.stringify(answered.correct) === '["amsterdam"]', `After answering, correct should be ["amsterdam"], got ${show(answered.correct)}.`);
    checkEqual(answered.explanation, definition.explanation, 'The explanation after answering');
    checkEqual(answered.tally?.correctShare, 0, 'The share of right answers after one wrong answer');
    const other = await pollOf(await t.open(personas.otherMember), definition.id);
    check(!('correct' in other), `A member who has not answered still gets no correct answer, got ${show(other)}.`);
  });

  suite.test('a quiz whose results show always: the counts before answering, but not the share of right answers, which would tell the answer', needs, async (t) => {
    const definition = pollDefinition('quiz-always', { type: 'quiz', correct: ['amsterdam'], results: 'always' });
    const answerer = await registered(t, definition, personas.member);
    checkEqual((await polls(answerer).vote(definition.id, choose('amsterdam'))).tally?.correctShare, 1, 'The share of right answers after one right answer');
    for (const [who, poll] of [
      ['A member who has not answered', await pollOf(await t.open(personas.otherMember), definition.id)],
      ['An anonymous visitor', await pollOf(await t.open(null), definition.id)],
    ] as const) {
      checkCounts(poll, { utrecht: 0, amsterdam: 1, rotterdam: 0 }, who);
      check(!('correctShare' in poll.tally!), `${who} should get no share of right answers, got ${show(poll.tally)}.`);
    }
  });
}
