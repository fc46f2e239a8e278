import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  pollIsClosed,
  pollResultsVisible,
  pollViewFor,
  quizAnswersVisible,
  resultsWithheldUntil,
  type ResultsPollFacts,
  type ResultsSetting,
} from '../../../src/domain/poll-visibility.js';
import { ANONYMOUS, type Actor } from '../../../src/domain/roles.js';

const NOW = '2026-11-27T10:00:00.000Z';
const ada: Actor = { kind: 'member', id: 'ada', name: 'Ada', roles: ['member'] };
const bob: Actor = { kind: 'member', id: 'bob', name: 'Bob', roles: ['member'] };
const mod: Actor = { kind: 'member', id: 'mo', name: 'Mo', roles: ['moderator'] };
const admin: Actor = { kind: 'member', id: 'ad', name: 'Ad', roles: ['admin'] };
const guest: Actor = { kind: 'guest', id: 'ada', name: 'Ada (guest)' };

const poll = (results: ResultsSetting, extra: Partial<ResultsPollFacts> = {}): ResultsPollFacts => ({
  results,
  status: 'open',
  authorId: 'bob',
  ...extra,
});
const sees = (facts: ResultsPollFacts, actor: Actor, voted = false) => pollResultsVisible(facts, { actor, voted, now: NOW });

describe('results visibility while the poll is open', () => {
  it('shows `always` results to everyone, voted or not', () => {
    for (const actor of [ANONYMOUS, guest, ada]) assert.equal(sees(poll('always'), actor), true);
  });

  it('shows `after-vote` results only once the viewer voted', () => {
    assert.equal(sees(poll('after-vote'), ada), false);
    assert.equal(sees(poll('after-vote'), ada, true), true);
    assert.equal(sees(poll('after-vote'), ANONYMOUS, true), true, 'a device voter voted too');
    assert.equal(resultsWithheldUntil(poll('after-vote'), { actor: ada, voted: false, now: NOW }), 'vote');
  });

  it('withholds `after-close` results from members even after they voted', () => {
    assert.equal(sees(poll('after-close'), ada, true), false);
    assert.equal(resultsWithheldUntil(poll('after-close'), { actor: ada, voted: true, now: NOW }), 'close');
  });

  it('withholds `moderators` results from members and visitors', () => {
    for (const actor of [ANONYMOUS, guest, ada]) assert.equal(sees(poll('moderators'), actor, true), false);
  });

  it('shows every mode to moderators and admins', () => {
    for (const setting of ['always', 'after-vote', 'after-close', 'moderators'] as const) {
      assert.equal(sees(poll(setting), mod), true, setting);
      assert.equal(sees(poll(setting), admin), true, setting);
    }
  });

  it('shows every mode to the poll’s author, and to nobody else by a matching guest id', () => {
    for (const setting of ['after-vote', 'after-close', 'moderators'] as const) {
      assert.equal(sees(poll(setting), bob), true, setting);
      assert.equal(sees(poll(setting, { authorId: 'ada' }), guest), false, 'a guest is not the member author');
    }
    assert.equal(sees(poll('after-close', { authorId: null }), ada), false, 'declarative polls have no author');
  });
});

describe('results visibility once closed', () => {
  it('shows every mode to everyone once a moderator closed the poll', () => {
    for (const setting of ['always', 'after-vote', 'after-close', 'moderators'] as const) {
      assert.equal(sees(poll(setting, { status: 'closed' }), ANONYMOUS), true, setting);
    }
  });

  it('treats a poll past its closing time as closed, and one before it as open', () => {
    assert.equal(sees(poll('after-close', { closesAt: '2026-11-27T09:59:59Z' }), ada), true);
    assert.equal(sees(poll('after-close', { closesAt: '2026-11-27T10:00:01Z' }), ada), false);
    assert.equal(pollIsClosed({ status: 'open', closesAt: NOW }, NOW), true, 'closes at the instant itself');
    assert.equal(pollIsClosed({ status: 'open', closesAt: 'not a date' }, NOW), false);
  });
});

describe('poll views as sent to a viewer', () => {
  const view = {
    ...poll('after-close'),
    id: 'next-meetup',
    tally: { total: 3, counts: { utrecht: 2, amsterdam: 1 } },
    ballotCount: 3,
    correct: ['utrecht'],
    explanation: 'Utrecht is central.',
  };

  it('carries no tally while results are withheld, but keeps the ballot count', () => {
    const shown = pollViewFor(view, { actor: ada, voted: true, now: NOW });
    assert.equal(shown.tally, null);
    assert.equal(shown.ballotCount, 3);
    assert.ok(!JSON.stringify(shown).includes('"counts"'), 'no counts anywhere in the response');
  });

  it('keeps the tally for a viewer who may see it, and leaves the stored view untouched', () => {
    assert.deepEqual(pollViewFor(view, { actor: mod, voted: false, now: NOW }).tally, view.tally);
    pollViewFor(view, { actor: ada, voted: false, now: NOW });
    assert.deepEqual(view.tally, { total: 3, counts: { utrecht: 2, amsterdam: 1 } });
    assert.deepEqual(view.correct, ['utrecht']);
  });

  it('hides a quiz’s answers and explanation until the viewer answered', () => {
    const before = pollViewFor({ ...view, results: 'always' as const }, { actor: ada, voted: false, now: NOW });
    assert.equal('correct' in before, false);
    assert.equal('explanation' in before, false);
    assert.notEqual(before.tally, null);
    const after = pollViewFor(view, { actor: ada, voted: true, now: NOW });
    assert.deepEqual(after.correct, ['utrecht']);
    assert.equal(after.explanation, 'Utrecht is central.');
  });

  it('keeps a quiz’s share of right answers out of a tally shown before the answers, since it tells which option is right', () => {
    const quiz = { ...view, results: 'always' as const, tally: { total: 3, counts: { utrecht: 2, amsterdam: 1 }, correctShare: 2 / 3 } };
    const before = pollViewFor(quiz, { actor: ada, voted: false, now: NOW });
    assert.deepEqual(before.tally, { total: 3, counts: { utrecht: 2, amsterdam: 1 } });
    assert.ok(!JSON.stringify(before).includes('correctShare'));
    assert.equal(quiz.tally.correctShare, 2 / 3, 'the stored view is untouched');
    for (const [who, viewer] of [
      ['who answered', { actor: ada, voted: true, now: NOW }],
      ['a moderator', { actor: mod, voted: false, now: NOW }],
    ] as const) {
      assert.equal((pollViewFor(quiz, viewer).tally as { correctShare?: number }).correctShare, 2 / 3, who);
    }
  });

  it('reveals quiz answers to moderators and to everyone once closed', () => {
    assert.equal(quizAnswersVisible(view, { actor: mod, voted: false, now: NOW }), true);
    assert.equal(quizAnswersVisible({ ...view, status: 'closed' }, { actor: ANONYMOUS, voted: false, now: NOW }), true);
    assert.equal(quizAnswersVisible(view, { actor: ANONYMOUS, voted: false, now: NOW }), false);
  });
});
