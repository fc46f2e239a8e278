import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { leader, tallyChoices, tallyPoll, tallyQuiz, tallyRating } from '../../../src/domain/poll-tally.js';
import { validateBallot } from '../../../src/domain/ballot.js';

const options = ['red', 'green', 'blue'];
const pick = (...choices: string[]) => ({ choices });

describe('plurality and multiple choice', () => {
  it('counts each single-choice ballot once and names the winner', () => {
    const result = tallyChoices(options, [pick('red'), pick('blue'), pick('red')]);
    assert.deepEqual(result, { total: 3, counts: { red: 2, green: 0, blue: 1 }, winner: 'red' });
  });

  it('has no winner on a tie or when nobody voted', () => {
    assert.equal(tallyChoices(options, [pick('red'), pick('blue')]).winner, null);
    assert.equal(tallyChoices(options, []).winner, null);
  });

  it('counts every chosen option of a multiple-choice ballot once, ignoring duplicates', () => {
    const result = tallyChoices(options, [pick('red', 'green', 'red'), pick('green')]);
    assert.deepEqual(result.counts, { red: 1, green: 2, blue: 0 });
    assert.equal(result.total, 2);
  });

  it('ignores values that are not options instead of inventing them', () => {
    const result = tallyChoices(options, [pick('purple'), pick('red', 'purple')]);
    assert.deepEqual(result.counts, { red: 1, green: 0, blue: 0 });
    assert.equal(result.total, 1);
  });

  it('does not count values that only exist on Object.prototype', () => {
    const result = tallyChoices(options, [pick('toString'), pick('__proto__'), pick('constructor', 'red')]);
    assert.deepEqual(result.counts, { red: 1, green: 0, blue: 0 });
    assert.equal(result.total, 1);
  });

  it('reports a unique leader only', () => {
    assert.equal(leader({ a: 2, b: 1 }), 'a');
    assert.equal(leader({ a: 2, b: 2 }), null);
    assert.equal(leader({ a: 0 }), null);
  });
});

describe('rating', () => {
  it('counts per scale step and averages', () => {
    const result = tallyRating({ min: 1, max: 5, step: 1 }, [{ rating: 5 }, { rating: 4 }, { rating: 5 }]);
    assert.deepEqual(result.counts, { 1: 0, 2: 0, 3: 0, 4: 1, 5: 2 });
    assert.equal(result.total, 3);
    assert.ok(Math.abs((result.average ?? 0) - 14 / 3) < 1e-12);
  });

  it('handles fractional steps without floating-point keys', () => {
    const result = tallyRating({ min: 0, max: 1, step: 0.1 }, [{ rating: 0.3 }]);
    assert.equal(Object.keys(result.counts).length, 11);
    assert.equal(result.counts['0.3'], 1);
  });

  it('reports the distribution over every step, steps nobody chose included, as plain numbers', () => {
    const result = tallyRating({ min: 0, max: 10, step: 5 }, [{ rating: 10 }, { rating: 0 }, { rating: 10 }]);
    assert.deepEqual(result.counts, { 0: 1, 5: 0, 10: 2 });
    assert.equal(typeof result.average, 'number');
    assert.ok(Math.abs((result.average ?? 0) - 20 / 3) < 1e-12);
  });

  it('has no average without ratings and skips ratings off the scale', () => {
    const result = tallyRating({ min: 1, max: 5, step: 1 }, [{ rating: 9 }]);
    assert.equal(result.total, 0);
    assert.equal(result.average, undefined);
  });
});

describe('quiz', () => {
  it('reports the share of ballots with exactly the right answers', () => {
    const result = tallyQuiz(options, ['green'], [pick('green'), pick('red'), pick('green'), pick('green', 'red')]);
    assert.equal(result.correctShare, 0.5);
  });

  it('takes the share of counted ballots only, so a ballot of unknown options cannot lower it', () => {
    const result = tallyQuiz(options, ['green'], [pick('green'), pick('purple')]);
    assert.equal(result.total, 1);
    assert.equal(result.correctShare, 1);
  });

  it('needs every right answer and no wrong one when several are correct', () => {
    const result = tallyQuiz(options, ['green', 'blue'], [pick('blue', 'green'), pick('green'), pick('green', 'blue', 'red')]);
    assert.equal(result.correctShare, 1 / 3);
  });

  it('reports a share of 0, not NaN, before anyone answered', () => {
    assert.equal(tallyQuiz(options, ['green'], []).correctShare, 0);
  });
});

describe('tallyPoll', () => {
  it('dispatches by poll type', () => {
    const poll = { options: options.map((value) => ({ value })) };
    assert.equal(tallyPoll({ ...poll, type: 'single' }, [pick('blue')]).winner, 'blue');
    assert.equal(tallyPoll({ ...poll, type: 'ranked' }, [pick('blue', 'red')]).rounds?.length, 1);
    assert.equal(tallyPoll({ ...poll, type: 'rating' }, [{ rating: 3 }]).average, 3);
    assert.equal(tallyPoll({ ...poll, type: 'quiz', correct: ['red'] }, [pick('red')]).correctShare, 1);
  });

  it('gives ranked polls the round table with exhausted ballots and the winner', () => {
    const result = tallyPoll({ options: options.map((value) => ({ value })), type: 'ranked' }, [
      pick('red'),
      pick('red'),
      pick('green'),
      pick('blue'),
    ]);
    assert.equal(result.winner, 'red');
    assert.deepEqual(result.rounds?.map((round) => [round.eliminated, round.exhausted]), [
      [['blue'], 0],
      [[], 1],
    ]);
  });
});

describe('ballot validation', () => {
  const poll = { type: 'single' as const, options: options.map((value) => ({ value })) };

  it('accepts one known choice for a single-choice poll', () => {
    assert.deepEqual(validateBallot(poll, pick('red')), {});
  });

  it('refuses no choice, two choices and unknown options', () => {
    assert.equal(validateBallot(poll, pick())['choices']?.reason, 'required');
    assert.equal(validateBallot(poll, pick('red', 'blue'))['choices']?.reason, 'too-many');
    assert.equal(validateBallot(poll, pick('purple'))['choices']?.reason, 'unknown-option');
  });

  it('holds a multiple-choice ballot to its min and max', () => {
    const multiple = { ...poll, type: 'multiple' as const, min: 2, max: 2 };
    assert.equal(validateBallot(multiple, pick('red'))['choices']?.reason, 'too-few');
    assert.deepEqual(validateBallot(multiple, pick('red', 'green')), {});
    assert.equal(validateBallot(multiple, pick('red', 'red'))['choices']?.reason, 'duplicate');
  });

  it('holds a rating to its scale and step', () => {
    const rating = { type: 'rating' as const, options: [], scale: { min: 1, max: 5, step: 0.5 } };
    assert.deepEqual(validateBallot(rating, { rating: 4.5 }), {});
    assert.equal(validateBallot(rating, { rating: 6 })['rating']?.reason, 'out-of-range');
    assert.equal(validateBallot(rating, { rating: 4.2 })['rating']?.reason, 'off-step');
    assert.equal(validateBallot(rating, pick('red'))['rating']?.reason, 'required');
  });
});
