import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { instantRunoff } from '../../../src/domain/ranked-choice.js';

const RUNS = 500;

/** Two to six options and up to forty ballots, each ranking some of them (possibly none). */
const election = fc.integer({ min: 1, max: 6 }).chain((size) => {
  const options = Array.from({ length: size }, (_, index) => `o${index}`);
  return fc.record({
    options: fc.constant(options),
    ballots: fc.array(fc.shuffledSubarray(options), { maxLength: 40 }),
  });
});

describe('instant-runoff properties', () => {
  it('a winner holds a majority of the continuing ballots in the last round', () => {
    fc.assert(
      fc.property(election, ({ options, ballots }) => {
        const result = instantRunoff(options, ballots);
        const last = result.rounds.at(-1);
        if (result.winner === null) {
          // No winner only when nobody ranked anything or the continuing options are tied.
          assert.ok(last === undefined || last.continuing === 0 || result.tied.length > 1);
          return;
        }
        assert.ok(last !== undefined);
        assert.ok((last.counts[result.winner] ?? 0) * 2 > last.continuing);
        assert.deepEqual(last.eliminated, []);
      }),
      { numRuns: RUNS },
    );
  });

  it('conserves ballots in every round: counts add up to continuing, continuing plus exhausted to all', () => {
    fc.assert(
      fc.property(election, ({ options, ballots }) => {
        const result = instantRunoff(options, ballots);
        const counted = ballots.filter((ballot) => ballot.length > 0).length;
        assert.equal(result.total, counted);
        let exhausted = 0;
        for (const round of result.rounds) {
          const sum = Object.values(round.counts).reduce((a, b) => a + b, 0);
          assert.equal(sum, round.continuing);
          assert.equal(round.continuing + round.exhausted, counted);
          assert.ok(round.exhausted >= exhausted, 'an exhausted ballot never comes back');
          exhausted = round.exhausted;
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('gives the same result whatever order the ballots arrive in', () => {
    const shuffled = election.chain(({ options, ballots }) =>
      fc.record({
        options: fc.constant(options),
        ballots: fc.constant(ballots),
        keys: fc.array(fc.double({ noNaN: true }), { minLength: ballots.length, maxLength: ballots.length }),
      }),
    );
    fc.assert(
      fc.property(shuffled, ({ options, ballots, keys }) => {
        const order = ballots.map((_, index) => index).sort((a, b) => (keys[a] ?? 0) - (keys[b] ?? 0));
        const reordered = order.map((index) => ballots[index] ?? []);
        assert.deepEqual(instantRunoff(options, reordered), instantRunoff(options, ballots));
      }),
      { numRuns: RUNS },
    );
  });

  it('elects in round 1 an option ranked first by a strict majority', () => {
    const withMajority = election.chain(({ options, ballots }) =>
      fc.record({
        options: fc.constant(options),
        ballots: fc.constant(ballots),
        favourite: fc.constantFrom(...options),
        rests: fc.array(fc.shuffledSubarray(options), { minLength: ballots.length + 1, maxLength: ballots.length + 1 }),
      }),
    );
    fc.assert(
      fc.property(withMajority, ({ options, ballots, favourite, rests }) => {
        // One more ballot for the favourite than all others together, ranked first.
        const forFavourite = rests.map((rest) => [favourite, ...rest.filter((value) => value !== favourite)]);
        const result = instantRunoff(options, [...ballots, ...forFavourite]);
        assert.equal(result.winner, favourite);
        assert.equal(result.rounds.length, 1);
      }),
      { numRuns: RUNS },
    );
  });

  it('never brings an eliminated option back, and eliminates someone every round until the end', () => {
    fc.assert(
      fc.property(election, ({ options, ballots }) => {
        const result = instantRunoff(options, ballots);
        const gone = new Set<string>();
        result.rounds.forEach((round, index) => {
          for (const value of Object.keys(round.counts)) assert.ok(!gone.has(value), `${value} came back`);
          for (const value of round.eliminated) {
            assert.ok(value in round.counts, 'only a continuing option is eliminated');
            gone.add(value);
          }
          const final = index === result.rounds.length - 1;
          assert.equal(round.eliminated.length === 0, final);
          assert.ok(round.eliminated.length < Object.keys(round.counts).length, 'a round never empties the race');
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('elects the same option under other names: the count reads rankings and listing order, not names', () => {
    fc.assert(
      fc.property(election, ({ options, ballots }) => {
        const rename = (value: string) => `x-${value}`;
        const plain = instantRunoff(options, ballots);
        const renamed = instantRunoff(options.map(rename), ballots.map((ballot) => ballot.map(rename)));
        assert.equal(renamed.winner, plain.winner === null ? null : rename(plain.winner));
      }),
      { numRuns: RUNS },
    );
  });
});
