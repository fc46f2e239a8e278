import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { instantRunoff } from '../../../src/domain/ranked-choice.js';

const repeat = (times: number, ranking: string[]) => Array.from({ length: times }, () => ranking);

describe('instant-runoff', () => {
  it('declares a first-round majority the winner in one round', () => {
    const result = instantRunoff(['a', 'b'], [...repeat(3, ['a']), ...repeat(1, ['b'])]);
    assert.equal(result.winner, 'a');
    assert.equal(result.rounds?.length, 1);
  });

  it('moves the last-placed option’s ballots to their next choice', () => {
    // a 4, b 3, c 2 first preferences; c's voters prefer b next, so b wins 5–4.
    const ballots = [...repeat(4, ['a', 'b']), ...repeat(3, ['b', 'a']), ...repeat(2, ['c', 'b'])];
    const result = instantRunoff(['a', 'b', 'c'], ballots);
    assert.equal(result.winner, 'b');
    assert.deepEqual(result.rounds, [
      { counts: { a: 4, b: 3, c: 2 }, eliminated: ['c'] },
      { counts: { a: 4, b: 5 }, eliminated: [] },
    ]);
    assert.deepEqual(result.counts, { a: 4, b: 3, c: 2 });
  });

  it('counts a majority of the ballots still in play, not of all ballots', () => {
    // Round 2: c's voters ranked nobody else, so 4 of 7 counting ballots is a majority.
    const ballots = [...repeat(4, ['a']), ...repeat(3, ['b']), ...repeat(2, ['c'])];
    assert.equal(instantRunoff(['a', 'b', 'c'], ballots).winner, 'a');
  });

  it('breaks a tie for last place by the earlier rounds', () => {
    // Round 1 eliminates d, whose ballot moves to c. Round 2 ties b and c at 3 for last place;
    // c had fewer first preferences in round 1, so c goes, and a wins round 3.
    const ballots = [...repeat(5, ['a']), ...repeat(3, ['b']), ...repeat(2, ['c']), ...repeat(1, ['d', 'c'])];
    const result = instantRunoff(['a', 'b', 'c', 'd'], ballots);
    assert.deepEqual(result.rounds?.[1], { counts: { a: 5, b: 3, c: 3 }, eliminated: ['c'] });
    assert.equal(result.winner, 'a');
  });

  it('eliminates options nobody ranked first together', () => {
    const result = instantRunoff(['a', 'b', 'c', 'd', 'e'], [['a'], ['b'], ['c', 'a']]);
    assert.deepEqual(result.rounds?.[0]?.eliminated, ['d', 'e']);
  });

  it('has no winner when every remaining option is tied', () => {
    const result = instantRunoff(['a', 'b'], [['a'], ['b']]);
    assert.equal(result.winner, null);
  });

  it('ignores unknown options and repeated rankings on a ballot', () => {
    const result = instantRunoff(['a', 'b'], [['x', 'a', 'a'], ['b'], ['a'], []]);
    assert.equal(result.total, 3);
    assert.equal(result.winner, 'a');
  });

  it('has no winner and no crash without ballots', () => {
    assert.equal(instantRunoff(['a', 'b'], []).winner, null);
    assert.equal(instantRunoff([], []).winner, null);
  });
});
