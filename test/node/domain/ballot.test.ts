import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { validateBallot, type BallotRules } from '../../../src/domain/ballot.js';
import type { TallyBallot } from '../../../src/domain/poll-tally.js';

const options = ['a', 'b', 'c', 'd'].map((value) => ({ value }));
const pick = (...choices: string[]) => ({ choices });
const reason = (poll: BallotRules, ballot: TallyBallot, field = 'choices') => validateBallot(poll, ballot)[field]?.reason ?? 'ok';

describe('ranked ballots', () => {
  const ranked: BallotRules = { type: 'ranked', options };

  it('accepts a partial ranking of distinct known options', () => {
    assert.equal(reason(ranked, pick('c', 'a')), 'ok');
    assert.equal(reason(ranked, pick('d', 'c', 'b', 'a')), 'ok');
  });

  it('refuses an empty ranking, a repeated option and an unknown one', () => {
    assert.equal(reason(ranked, pick()), 'required');
    assert.equal(reason(ranked, pick('a', 'b', 'a')), 'duplicate');
    assert.equal(reason(ranked, pick('a', 'z')), 'unknown-option');
  });
});

describe('quiz ballots', () => {
  it('takes exactly one answer when one option is correct', () => {
    const quiz: BallotRules = { type: 'quiz', options, correct: ['b'] };
    assert.equal(reason(quiz, pick('a')), 'ok', 'a wrong answer is still a valid ballot');
    assert.equal(reason(quiz, pick('a', 'b')), 'too-many');
  });

  it('takes one answer up to all when several are correct, without giving their number away', () => {
    const quiz: BallotRules = { type: 'quiz', options, correct: ['b', 'c'] };
    assert.equal(reason(quiz, pick('b')), 'ok');
    assert.equal(reason(quiz, pick('a', 'b', 'c', 'd')), 'ok');
    assert.equal(reason(quiz, pick()), 'required');
  });
});

describe('ballots of the wrong shape', () => {
  it('refuses a rating for a choice poll, choices for a rating poll, and no ballot at all', () => {
    assert.equal(reason({ type: 'single', options }, { rating: 3 }), 'required');
    assert.equal(reason({ type: 'rating', options: [] }, pick('a'), 'rating'), 'required');
    assert.equal(reason({ type: 'single', options }, null as unknown as TallyBallot), 'required');
    assert.equal(reason({ type: 'rating', options: [] }, { rating: Number.NaN }, 'rating'), 'required');
  });

  it('holds a multiple-choice ballot to a maximum below the option count', () => {
    const multiple: BallotRules = { type: 'multiple', options, min: 1, max: 2 };
    assert.equal(reason(multiple, pick('a', 'b', 'c')), 'too-many');
    assert.equal(reason(multiple, pick('a', 'b')), 'ok');
  });
});

describe('ballots from the network', () => {
  it('answers any shape with a field issue, and accepts a choice ballot only of distinct known options', () => {
    const types = fc.constantFrom('single', 'multiple', 'rating', 'ranked', 'quiz') as fc.Arbitrary<BallotRules['type']>;
    const ballot = fc.oneof(
      fc.anything(),
      fc.record({ choices: fc.array(fc.oneof(fc.constantFrom('a', 'b', 'c', 'd', 'z'), fc.anything())) }),
      fc.record({ rating: fc.oneof(fc.double(), fc.anything()) }),
    );
    fc.assert(
      fc.property(types, ballot, (type, input) => {
        const poll: BallotRules = { type, options, correct: ['b'], min: 1, max: 2 };
        const issues = validateBallot(poll, input as TallyBallot);
        const accepted = Object.keys(issues).length === 0;
        if (!accepted || type === 'rating') return;
        const choices = (input as { choices: unknown[] }).choices;
        assert.ok(choices.length > 0 && new Set(choices).size === choices.length);
        assert.ok(choices.every((value) => options.some((option) => option.value === value)));
      }),
      { numRuns: 1000 },
    );
  });
});
