import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { awardable, badgeProgress } from '../../../src/domain/badges.js';

const tenComments = { metric: 'comments', threshold: 10 };

describe('badge progress', () => {
  it('reports progress towards the threshold', () => {
    assert.deepEqual(badgeProgress(tenComments, { comments: 7 }), { current: 7, target: 10, ratio: 0.7, earned: false });
  });

  it('is earned at exactly the threshold and caps the shown progress', () => {
    assert.equal(badgeProgress(tenComments, { comments: 10 }).earned, true);
    assert.deepEqual(badgeProgress(tenComments, { comments: 12 }), { current: 10, target: 10, ratio: 1, earned: true });
  });

  it('counts a metric the person never touched as zero', () => {
    assert.deepEqual(badgeProgress(tenComments, {}), { current: 0, target: 10, ratio: 0, earned: false });
  });
});

describe('awarding', () => {
  const definitions = [
    { id: 'first-comment', rule: { metric: 'comments', threshold: 1 } },
    { id: 'regular', rule: tenComments },
    { id: 'helpful', rule: { metric: 'accepted', threshold: 1 } },
  ];

  it('awards badges whose rule is met and that were not awarded yet', () => {
    assert.deepEqual(awardable(definitions, { comments: 10 }, new Set(['first-comment'])), ['regular']);
  });

  it('awards nothing twice', () => {
    assert.deepEqual(awardable(definitions, { comments: 10 }, new Set(['first-comment', 'regular'])), []);
  });
});
