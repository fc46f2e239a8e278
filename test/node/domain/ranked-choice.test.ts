import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { instantRunoff } from '../../../src/domain/ranked-choice.js';

const repeat = (times: number, ranking: string[]) => Array.from({ length: times }, () => ranking);

describe('instant-runoff', () => {
  it('declares a first-round majority the winner in one round', () => {
    const result = instantRunoff(['a', 'b'], [...repeat(3, ['a']), ...repeat(1, ['b'])]);
    assert.equal(result.winner, 'a');
    assert.deepEqual(result.rounds, [{ counts: { a: 3, b: 1 }, continuing: 4, exhausted: 0, eliminated: [] }]);
  });

  it('moves the last-placed option’s ballots to their next choice', () => {
    // a 4, b 3, c 2 first preferences; c's voters prefer b next, so b wins 5–4.
    const ballots = [...repeat(4, ['a', 'b']), ...repeat(3, ['b', 'a']), ...repeat(2, ['c', 'b'])];
    const result = instantRunoff(['a', 'b', 'c'], ballots);
    assert.equal(result.winner, 'b');
    assert.deepEqual(result.rounds, [
      { counts: { a: 4, b: 3, c: 2 }, continuing: 9, exhausted: 0, eliminated: ['c'] },
      { counts: { a: 4, b: 5 }, continuing: 9, exhausted: 0, eliminated: [] },
    ]);
    assert.deepEqual(result.counts, { a: 4, b: 3, c: 2 });
  });

  it('counts a majority of the continuing ballots, reporting the exhausted ones', () => {
    // Round 2: c's two voters ranked nobody else, so 4 of the 7 continuing ballots is a majority.
    const ballots = [...repeat(4, ['a']), ...repeat(3, ['b']), ...repeat(2, ['c'])];
    const result = instantRunoff(['a', 'b', 'c'], ballots);
    assert.equal(result.winner, 'a');
    assert.deepEqual(result.rounds?.[1], { counts: { a: 4, b: 3 }, continuing: 7, exhausted: 2, eliminated: [] });
  });

  it('runs three rounds when the second still has no majority', () => {
    // Round 1: d goes and its ballots move to b. Round 2: c is last; its ballots move to b too.
    const ballots = [
      ...repeat(5, ['a']),
      ...repeat(4, ['b', 'c']),
      ...repeat(3, ['c', 'b']),
      ...repeat(2, ['d', 'b']),
    ];
    const result = instantRunoff(['a', 'b', 'c', 'd'], ballots);
    assert.deepEqual(
      result.rounds?.map((round) => [round.counts, round.eliminated, round.exhausted]),
      [
        [{ a: 5, b: 4, c: 3, d: 2 }, ['d'], 0],
        [{ a: 5, b: 6, c: 3 }, ['c'], 0],
        [{ a: 5, b: 9 }, [], 0],
      ],
    );
    assert.equal(result.winner, 'b');
  });

  it('breaks a tie for last place by the most recent earlier round that separates them', () => {
    // Round 1 eliminates d, whose ballot moves to c. Round 2 ties b and c at 3 for last place
    // (together 6, not below a's 5, so no batch); c had fewer in round 1, so c goes.
    const ballots = [...repeat(5, ['a']), ...repeat(3, ['b']), ...repeat(2, ['c']), ...repeat(1, ['d', 'c'])];
    const result = instantRunoff(['a', 'b', 'c', 'd'], ballots);
    assert.deepEqual(result.rounds?.[1], {
      counts: { a: 5, b: 3, c: 3 },
      continuing: 11,
      exhausted: 0,
      eliminated: ['c'],
      tieBreak: 'earlier-round',
    });
    assert.equal(result.winner, 'a');
  });

  it('settles a tie between the last two by the earlier rounds, as the round-one counts would', () => {
    // Round 2 is a 3–3 tie; a led round 1 (3 to 2), so b goes and a is the last one standing.
    const ballots = [...repeat(3, ['a']), ...repeat(2, ['b']), ['c', 'b']];
    const result = instantRunoff(['a', 'b', 'c'], ballots);
    assert.deepEqual(result.rounds?.[1]?.eliminated, ['b']);
    assert.equal(result.rounds?.[1]?.tieBreak, 'earlier-round');
    assert.deepEqual(result.rounds?.[2], { counts: { a: 3 }, continuing: 3, exhausted: 3, eliminated: [] });
    assert.equal(result.winner, 'a');
  });

  it('eliminates tied last options together when together they trail the next option', () => {
    const result = instantRunoff(['a', 'b', 'c', 'd', 'e'], [['a'], ['a'], ['b'], ['b', 'a'], ['c', 'a']]);
    assert.deepEqual(result.rounds?.[0]?.eliminated, ['d', 'e']);
    assert.equal(result.rounds?.[0]?.tieBreak, 'batch');
    assert.deepEqual(result.rounds?.[1]?.eliminated, ['c']);
  });

  it('keeps tied last options apart when together they only equal the next option', () => {
    // c 1 + d 1 = b 2: c could still draw level with b on d's ballot, so they go one at a time.
    const ballots = [...repeat(4, ['a']), ...repeat(2, ['b', 'c']), ['c', 'b'], ['d', 'c']];
    const result = instantRunoff(['a', 'b', 'c', 'd'], ballots);
    assert.deepEqual(
      result.rounds.map((round) => [round.eliminated, round.tieBreak]),
      [
        [['d'], 'option-order'],
        [['c'], 'earlier-round'],
        [[], undefined],
      ],
    );
    assert.deepEqual(result.rounds[2]?.counts, { a: 4, b: 3 });
    assert.equal(result.winner, 'a');
  });

  it('eliminates the tied option listed last when no round separates them, never both', () => {
    // b and c tie at 2 with no earlier round; together (4) they outnumber a (3), so eliminating
    // both would hand a the win. c is listed after b, so c goes and b wins with 4 of 7.
    const ballots = [...repeat(3, ['a']), ...repeat(2, ['b', 'c']), ...repeat(2, ['c', 'b'])];
    const result = instantRunoff(['a', 'b', 'c'], ballots);
    assert.deepEqual(result.rounds?.[0]?.eliminated, ['c']);
    assert.equal(result.rounds?.[0]?.tieBreak, 'option-order');
    assert.equal(result.winner, 'b');
    assert.equal(instantRunoff(['a', 'c', 'b'], ballots).rounds?.[0]?.eliminated[0], 'b');
  });

  it('reports a tie and no winner when every continuing option is tied in every round', () => {
    const two = instantRunoff(['a', 'b'], [['a'], ['b']]);
    assert.equal(two.winner, null);
    assert.deepEqual(two.tied, ['a', 'b']);
    const cycle = instantRunoff(['a', 'b', 'c'], [['a', 'b'], ['b', 'c'], ['c', 'a']]);
    assert.equal(cycle.winner, null);
    assert.deepEqual(cycle.tied, ['a', 'b', 'c']);
    assert.equal(cycle.rounds.length, 1);
  });

  it('reports a tie after eliminations when the last options cannot be separated', () => {
    // c goes; its ballot exhausts, leaving a 2, b 2, equal in round 1 too.
    const result = instantRunoff(['a', 'b', 'c'], [['a'], ['a'], ['b'], ['b'], ['c']]);
    assert.deepEqual(result.rounds.at(-1), { counts: { a: 2, b: 2 }, continuing: 4, exhausted: 1, eliminated: [] });
    assert.equal(result.winner, null);
    assert.deepEqual(result.tied, ['a', 'b']);
  });

  it('ignores unknown options and repeated rankings on a ballot', () => {
    const result = instantRunoff(['a', 'b'], [['x', 'a', 'a'], ['b'], ['a'], []]);
    assert.equal(result.total, 3);
    assert.equal(result.winner, 'a');
  });

  it('has no winner and no crash without ballots or options', () => {
    const empty = instantRunoff(['a', 'b'], []);
    assert.equal(empty.winner, null);
    assert.deepEqual(empty.tied, []);
    assert.deepEqual(empty.rounds, [{ counts: { a: 0, b: 0 }, continuing: 0, exhausted: 0, eliminated: [] }]);
    assert.equal(instantRunoff([], []).winner, null);
  });

  it('elects a lone option as soon as it has a ballot', () => {
    assert.equal(instantRunoff(['a'], [['a']]).winner, 'a');
  });
});
