import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Poll } from '../../../src/adapters/contract.js';
import { validateBallot } from '../../../src/domain/ballot.js';
import { planRegister, planRemoveVote, planVote, pollView, type PollRecord } from '../../../src/domain/poll-steps.js';
import { ANONYMOUS, type Actor } from '../../../src/domain/roles.js';

const NOW = '2026-11-27T12:00:00.000Z';
const ada: Actor = { kind: 'member', id: 'ada', name: 'Ada', roles: ['member'] };
const mod: Actor = { kind: 'member', id: 'mo', name: 'Mo', roles: ['moderator'] };
const admin: Actor = { kind: 'member', id: 'root', name: 'Root', roles: ['admin'] };

const meetup: PollRecord = {
  id: 'next-meetup',
  type: 'single',
  question: 'Where shall we meet next?',
  options: [
    { value: 'utrecht', label: 'Utrecht' },
    { value: 'amsterdam', label: 'Amsterdam' },
  ],
  results: 'after-vote',
  voters: 'secret',
  integrity: 'member',
  authorId: null,
  closed: false,
  createdAt: NOW,
};

describe('poll view', () => {
  it('withholds the tally from a member who has not voted in an after-vote poll, and says why', () => {
    const view: Poll = pollView(meetup, [{ choices: ['utrecht'] }], { actor: ada, voted: false, myBallot: null, now: NOW });
    assert.equal(view.tally, null);
    assert.equal(view.resultsWithheldUntil, 'vote');
    assert.equal(view.ballotCount, 1);
  });

  it('shows the tally once the member voted, and to a moderator who did not', () => {
    const voted = pollView(meetup, [{ choices: ['utrecht'] }], { actor: ada, voted: true, myBallot: { choices: ['utrecht'] }, now: NOW });
    assert.deepEqual(voted.tally?.counts, { utrecht: 1, amsterdam: 0 });
    const moderator = pollView(meetup, [{ choices: ['utrecht'] }], { actor: mod, voted: false, myBallot: null, now: NOW });
    assert.equal(moderator.resultsWithheldUntil, null);
  });

  it('reports a poll whose closing time has passed as closed, with results for everyone', () => {
    const view = pollView({ ...meetup, results: 'after-close', closesAt: '2026-11-27T11:00:00.000Z' }, [], {
      actor: ANONYMOUS,
      voted: false,
      myBallot: null,
      now: NOW,
    });
    assert.equal(view.status, 'closed');
    assert.notEqual(view.tally, null);
  });

  it('keeps a quiz answer and explanation out of the view until the viewer answered', () => {
    const quiz: PollRecord = { ...meetup, type: 'quiz', results: 'always', correct: ['utrecht'], explanation: 'It is central.' };
    const before = pollView(quiz, [], { actor: ada, voted: false, myBallot: null, now: NOW });
    assert.equal('correct' in before, false);
    assert.equal('explanation' in before, false);
    const after = pollView(quiz, [{ choices: ['amsterdam'] }], { actor: ada, voted: true, myBallot: null, now: NOW });
    assert.deepEqual(after.correct, ['utrecht']);
  });
});

describe('poll steps', () => {
  it('refuses a second ballot where changing is not allowed, and an anonymous visitor in a member poll', () => {
    const again = planVote(meetup, { actor: ada, voted: true, now: NOW }, { choices: ['utrecht'] });
    assert.equal(!again.ok && again.refusal.kind === 'denied' && again.refusal.decision.reason, 'already-voted');
    const anonymous = planVote(meetup, { actor: ANONYMOUS, voted: false, now: NOW }, { choices: ['utrecht'] });
    assert.equal(!anonymous.ok && anonymous.refusal.kind === 'denied' && anonymous.refusal.decision.reason, 'sign-in-required');
  });

  it('refuses a ballot that names an unknown option with a field error', () => {
    const step = planVote(meetup, { actor: ada, voted: false, now: NOW }, { choices: ['rotterdam'] });
    assert.equal(!step.ok && step.refusal.kind === 'invalid' && step.refusal.issues['choices']?.reason, 'unknown-option');
  });

  it('says what is wrong with a ballot of the wrong kind or off the scale, not only what to choose', () => {
    const rating: PollRecord = { ...meetup, type: 'rating', options: [], scale: { min: 1, max: 5, step: 1 } };
    const issue = (poll: PollRecord, ballot: unknown, field: string) => {
      const step = planVote(poll, { actor: ada, voted: false, now: NOW }, ballot);
      return !step.ok && step.refusal.kind === 'invalid' ? step.refusal.issues[field] : undefined;
    };
    assert.deepEqual(issue(rating, { choices: ['utrecht'], rating: 0.5 }, 'rating'), {
      reason: 'out-of-range',
      message: '0.5 is not on the scale: choose a rating from 1 to 5.',
      params: { min: 1, max: 5 },
    });
    assert.deepEqual(issue(rating, { rating: 2.5 }, 'rating'), {
      reason: 'off-step',
      message: '2.5 is not on the scale: choose a rating from 1 to 5 in steps of 1.',
      params: { step: 1 },
    });
    assert.equal(issue(rating, { choices: ['utrecht'] }, 'rating')?.message, 'A rating poll takes a rating from 1 to 5, not choices.');
    assert.equal(issue(meetup, { rating: 3 }, 'choices')?.message, 'This poll takes choices (option values), not a rating.');
  });

  it('lets a voter take back a ballot only where the poll allows changing it', () => {
    assert.equal(planRemoveVote(meetup, { actor: ada, voted: true, now: NOW }).ok, false);
    assert.equal(planRemoveVote({ ...meetup, allowChange: true }, { actor: ada, voted: true, now: NOW }).ok, true);
  });

  it('registers a new definition, freezes it after the first ballot, and lets an admin change the question', () => {
    const incoming = { ...meetup, question: 'Where next?' };
    assert.equal(planRegister(undefined, meetup, { actor: ANONYMOUS, ballots: 0, now: NOW }).ok, true);
    const free = planRegister(meetup, incoming, { actor: ANONYMOUS, ballots: 0, now: NOW });
    assert.deepEqual(free.ok && free.changes, ['question']);
    const frozen = planRegister(meetup, incoming, { actor: ada, ballots: 3, now: NOW });
    assert.equal(!frozen.ok && frozen.refusal.kind, 'conflict');
    const byAdmin = planRegister(meetup, incoming, { actor: admin, ballots: 3, now: NOW });
    assert.equal(byAdmin.ok && byAdmin.audit, true);
    const same = planRegister(meetup, { ...meetup }, { actor: ada, ballots: 3, now: NOW });
    assert.equal(same.ok && same.store, false);
  });

  it('lets only the author, moderators and admins change a poll that has an author, even before its first ballot', () => {
    const authored: PollRecord = { ...meetup, authorId: 'ada' };
    const incoming = { ...authored, question: 'Where next?' };
    const bo: Actor = { kind: 'member', id: 'bo', name: 'Bo', roles: ['member'] };
    const guest: Actor = { kind: 'guest', id: 'ada', name: 'Ada' };
    for (const [who, actor] of [['a visitor', ANONYMOUS], ['another member', bo], ['a guest named like the author', guest]] as const) {
      const step = planRegister(authored, incoming, { actor, ballots: 0, now: NOW });
      assert.equal(!step.ok && step.refusal.kind === 'denied' && step.refusal.decision.reason, 'not-owner', who);
    }
    for (const [who, actor] of [['the author', ada], ['a moderator', mod], ['an admin', admin]] as const) {
      const step = planRegister(authored, incoming, { actor, ballots: 0, now: NOW });
      assert.deepEqual(step.ok && step.changes, ['question'], who);
    }
    const same = planRegister(authored, { ...authored }, { actor: ANONYMOUS, ballots: 4, now: NOW });
    assert.equal(same.ok && same.store, false, 'a page showing the same definition again changes nothing and is not refused');
    const withVotes = planRegister(authored, incoming, { actor: bo, ballots: 4, now: NOW });
    assert.equal(!withVotes.ok && withVotes.refusal.kind, 'denied', 'not their poll comes before frozen');
  });

  it('refuses a redefinition that sets a closing time in the past, and keeps one that has passed', () => {
    const closing = { ...meetup, closesAt: '2026-11-30T00:00:00.000Z' };
    const past = planRegister(closing, { ...closing, closesAt: '2026-11-01T00:00:00.000Z' }, { actor: ANONYMOUS, ballots: 0, now: NOW });
    assert.equal(!past.ok && past.refusal.kind === 'invalid' && past.refusal.issues['closesAt']?.reason, 'in-past');
    const byAdmin = planRegister(closing, { ...closing, closesAt: '2026-11-01T00:00:00.000Z' }, { actor: admin, ballots: 3, now: NOW });
    assert.equal(!byAdmin.ok && byAdmin.refusal.kind === 'invalid' && byAdmin.refusal.issues['closesAt']?.reason, 'in-past');
    const passed = { ...meetup, closesAt: '2026-11-01T00:00:00.000Z' };
    const kept = planRegister(passed, { ...passed, question: 'Where next?' }, { actor: ANONYMOUS, ballots: 0, now: NOW });
    assert.deepEqual(kept.ok && kept.changes, ['question'], 'a closing time that passed since may stay as it is');
  });

  it('refuses a definition that cannot work with the field at fault', () => {
    const step = planRegister(undefined, { ...meetup, voters: 'public', integrity: 'device' }, { actor: ANONYMOUS, ballots: 0, now: NOW });
    assert.equal(!step.ok && step.refusal.kind === 'invalid' && step.refusal.issues['voters']?.reason, 'conflict');
  });
});

describe('quiz ballots before the answers are shown', () => {
  const quiz: PollRecord = { ...meetup, type: 'quiz', results: 'always', correct: ['utrecht', 'amsterdam'], explanation: 'Both.' };

  it('tells a viewer who has not answered that a ballot may hold several options, without saying which are right', () => {
    const view = pollView(quiz, [], { actor: ada, voted: false, myBallot: null, now: NOW });
    assert.equal('correct' in view, false);
    assert.equal(view.answers, 'several');
    assert.equal(pollView({ ...quiz, correct: ['utrecht'] }, [], { actor: ada, voted: false, myBallot: null, now: NOW }).answers, 'one');
  });

  it('checks a ballot against that when the right answers are withheld', () => {
    const withheld = pollView(quiz, [], { actor: ada, voted: false, myBallot: null, now: NOW });
    assert.deepEqual(validateBallot(withheld, { choices: ['utrecht', 'amsterdam'] }), {});
    const single = pollView({ ...quiz, correct: ['utrecht'] }, [], { actor: ada, voted: false, myBallot: null, now: NOW });
    assert.equal(validateBallot(single, { choices: ['utrecht', 'amsterdam'] })['choices']?.reason, 'too-many');
  });
});
