import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compareAnswers, selectQuestions } from '../../../src/domain/qa.js';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 27, 9, minute)).toISOString();

describe('answer ordering', () => {
  it('puts the accepted answer first, then by score, then the earlier answer', () => {
    const answers = [
      { id: 'late-high', createdAt: at(9), score: 7 },
      { id: 'accepted', createdAt: at(5), score: 1, accepted: true },
      { id: 'early-high', createdAt: at(2), score: 7 },
      { id: 'low', createdAt: at(1), score: 0 },
    ];
    assert.deepEqual(
      [...answers].sort(compareAnswers).map((answer) => answer.id),
      ['accepted', 'early-high', 'late-high', 'low'],
    );
  });
});

describe('question ordering', () => {
  const questions = [
    { id: 'q1', createdAt: at(1), score: 4, answerCount: 2 },
    { id: 'q2', createdAt: at(2), score: 9, answerCount: 0 },
    { id: 'q3', createdAt: at(3), score: 4, answerCount: 0 },
    { id: 'q4', createdAt: at(0), score: 0, answerCount: 1, pinned: true },
  ];
  const order = (sort: 'top' | 'newest' | 'unanswered') => selectQuestions(questions, sort).map((q) => q.id);

  it('sorts top by score with the newer question first on equal score, pinned first', () => {
    assert.deepEqual(order('top'), ['q4', 'q2', 'q3', 'q1']);
  });

  it('sorts newest by date, pinned first', () => {
    assert.deepEqual(order('newest'), ['q4', 'q3', 'q2', 'q1']);
  });

  it('shows only questions without answers under unanswered', () => {
    assert.deepEqual(order('unanswered'), ['q3', 'q2']);
  });
});
