import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { closingTime } from '../../../src/domain/closing-time.js';
import { validatePollDefinition, type PollDefinitionInput } from '../../../src/domain/poll-definition.js';

const NOW = '2026-11-27T10:00:00.000Z';
const base: PollDefinitionInput = {
  id: 'next-meetup',
  type: 'single',
  question: 'Where shall we meet next?',
  options: [
    { value: 'utrecht', label: 'Utrecht' },
    { value: 'amsterdam', label: 'Amsterdam' },
    { value: 'delft', label: 'Delft' },
  ],
  results: 'after-vote',
  voters: 'secret',
  integrity: 'member',
};
const check = (changes: Partial<PollDefinitionInput>) => validatePollDefinition({ ...base, ...changes }, { closingTimeSetNow: true, now: NOW });
const reasonOf = (changes: Partial<PollDefinitionInput>, field: string) => check(changes)[field]?.reason;

describe('poll definition validation', () => {
  it('accepts the README’s declarative poll', () => {
    assert.deepEqual(check({ closesAt: '2026-12-31T18:00:00Z' }), {});
  });

  it('requires an id and a question', () => {
    assert.equal(reasonOf({ id: ' ' }, 'id'), 'required');
    assert.equal(reasonOf({ question: '' }, 'question'), 'required');
    assert.equal(reasonOf({ question: 'x'.repeat(501) }, 'question'), 'too-long');
  });

  it('refuses fewer than two options', () => {
    assert.equal(reasonOf({ options: [{ value: 'a', label: 'A' }] }, 'options'), 'too-few');
    assert.equal(reasonOf({ options: [] }, 'options'), 'too-few');
  });

  it('refuses duplicate option values and labels, naming the option repeated', () => {
    const values = check({ options: [{ value: 'a', label: 'A' }, { value: 'a', label: 'B' }] });
    assert.equal(values['options']?.reason, 'duplicate');
    assert.equal(values['options.1.value']?.reason, 'duplicate');
    assert.deepEqual(values['options.1.value']?.params, { index: 0 });
    const labels = check({ options: [{ value: 'a', label: 'Utrecht' }, { value: 'b', label: ' utrecht ' }] });
    assert.equal(labels['options.1.label']?.reason, 'duplicate');
  });

  it('refuses an option without a value or label', () => {
    const issues = check({ options: [{ value: '', label: 'A' }, { value: 'b', label: '' }] });
    assert.equal(issues['options.0.value']?.reason, 'required');
    assert.equal(issues['options.1.label']?.reason, 'required');
  });

  it('refuses unknown type, results, voters and integrity values', () => {
    const issues = check({ type: 'poll', results: 'sometimes', voters: 'open', integrity: 'ip' });
    assert.deepEqual(
      ['type', 'results', 'voters', 'integrity'].map((field) => issues[field]?.reason),
      ['invalid-choice', 'invalid-choice', 'invalid-choice', 'invalid-choice'],
    );
  });
});

describe('multiple choice limits', () => {
  const multiple = (min?: number, max?: number) => check({ type: 'multiple', min, max });

  it('accepts min and max within the options', () => {
    assert.deepEqual(multiple(1, 3), {});
    assert.deepEqual(multiple(), {});
  });

  it('refuses a minimum above the maximum', () => {
    assert.equal(multiple(3, 2)['min']?.reason, 'above-max');
  });

  it('refuses a maximum above the number of options', () => {
    assert.deepEqual(multiple(1, 4)['max'], {
      reason: 'above-options',
      message: 'The maximum (4) cannot exceed the 3 options.',
      params: { max: 4, count: 3 },
    });
  });

  it('refuses a minimum of zero or a fractional maximum', () => {
    assert.equal(multiple(0, 2)['min']?.reason, 'invalid');
    assert.equal(multiple(1, 1.5)['max']?.reason, 'invalid');
  });
});

describe('voter visibility conflicts', () => {
  it('refuses voters that are both public and anonymous', () => {
    assert.equal(reasonOf({ voters: ['public', 'anonymous'] }, 'voters'), 'conflict');
    assert.equal(reasonOf({ voters: 'public anonymous' }, 'voters'), 'conflict');
  });

  it('refuses a public voter list for a poll that lets unnamed devices vote', () => {
    assert.equal(reasonOf({ voters: 'public', integrity: 'device' }, 'voters'), 'conflict');
    assert.deepEqual(check({ voters: 'public', integrity: 'member' }), {});
    assert.deepEqual(check({ voters: 'anonymous', integrity: 'device' }), {});
  });

  it('refuses changing a vote in an anonymous poll, which stores no chosen option', () => {
    assert.equal(reasonOf({ voters: 'anonymous', allowChange: true }, 'allowChange'), 'conflict');
    assert.deepEqual(check({ voters: 'secret', allowChange: true }), {});
  });
});

describe('rating scales', () => {
  const rating = (scale: PollDefinitionInput['scale']) => check({ type: 'rating', options: [], scale });

  it('accepts a scale without options, and no scale (1 to 5)', () => {
    assert.deepEqual(rating({ min: 0, max: 10, step: 0.5 }), {});
    assert.deepEqual(rating(undefined), {});
  });

  it('refuses a minimum not below the maximum', () => {
    assert.equal(rating({ min: 5, max: 5, step: 1 })['scale']?.reason, 'above-max');
  });

  it('refuses a step that is not positive or does not divide the range', () => {
    assert.equal(rating({ min: 1, max: 5, step: 0 })['scale']?.reason, 'step');
    assert.equal(rating({ min: 1, max: 5, step: -1 })['scale']?.reason, 'step');
    assert.equal(rating({ min: 1, max: 5, step: 1.5 })['scale']?.reason, 'step');
    assert.deepEqual(rating({ min: 0, max: 1, step: 0.1 }), {}, 'binary fractions still divide');
  });

  it('refuses a scale too fine to show', () => {
    assert.equal(rating({ min: 0, max: 1000, step: 1 })['scale']?.reason, 'too-many');
  });
});

describe('quizzes', () => {
  it('requires at least one correct option, each one of the options', () => {
    assert.equal(reasonOf({ type: 'quiz' }, 'correct'), 'required');
    assert.equal(reasonOf({ type: 'quiz', correct: [] }, 'correct'), 'required');
    assert.equal(reasonOf({ type: 'quiz', correct: ['rotterdam'] }, 'correct'), 'unknown-option');
    assert.deepEqual(check({ type: 'quiz', correct: ['utrecht', 'delft'], explanation: 'Both are central.' }), {});
  });
});

describe('settings of another poll type', () => {
  it('refuses a setting that does not apply to the type, naming the type it applies to', () => {
    const single = check({ min: 5, max: 9, scale: { min: 1, max: 0, step: -1 } });
    assert.deepEqual(single['min'], { reason: 'not-applicable', message: 'min applies only to multiple polls.', params: { type: 'multiple' } });
    assert.deepEqual(single['max'], { reason: 'not-applicable', message: 'max applies only to multiple polls.', params: { type: 'multiple' } });
    assert.deepEqual(single['scale'], { reason: 'not-applicable', message: 'scale applies only to rating polls.', params: { type: 'rating' } });
    const answers = check({ type: 'ranked', correct: ['utrecht'], explanation: 'Central.' });
    assert.deepEqual([answers['correct']?.reason, answers['explanation']?.params], ['not-applicable', { type: 'quiz' }]);
    assert.equal(reasonOf({ type: 'quiz', correct: ['utrecht'], min: 1 }, 'min'), 'not-applicable', 'a quiz takes as many answers as are right');
  });

  it('refuses options on a rating poll, which rates on its scale', () => {
    assert.deepEqual(check({ type: 'rating' })['options'], {
      reason: 'not-applicable',
      message: 'A rating poll has no options: it is rated on its scale.',
      params: { type: 'rating' },
    });
  });

  it('takes each setting on its own type, and an unset or empty one on any', () => {
    assert.deepEqual(check({ type: 'multiple', min: 1, max: 2 }), {});
    assert.deepEqual(check({ type: 'rating', options: [], scale: { min: 1, max: 5, step: 1 } }), {});
    assert.deepEqual(check({ min: undefined, max: undefined, scale: undefined, correct: [] }), {});
  });
});

describe('closing time', () => {
  it('refuses a new poll that closes in the past, but not a stored one', () => {
    assert.equal(reasonOf({ closesAt: '2026-11-27T09:00:00Z' }, 'closesAt'), 'in-past');
    assert.deepEqual(validatePollDefinition({ ...base, closesAt: '2026-11-27T09:00:00Z' }, { now: NOW }), {});
  });

  it('refuses a closing time that is not a date', () => {
    assert.equal(reasonOf({ closesAt: 'next friday' }, 'closesAt'), 'invalid');
    assert.deepEqual(check({ closesAt: null }), {});
  });

  it('takes only an ISO 8601 date-time with a time zone, on a day that exists', () => {
    for (const closesAt of [
      'Dec 31 2099',
      '99999',
      '2099-02-30T00:00:00Z',
      '2099-12-31T24:00:00Z',
      '2099-12-31T18:60:00Z',
      '2099-12-31T18:00:00',
      '2099-12-31',
      '2099-12-31 18:00:00Z',
      '+002099-12-31T18:00:00Z',
      '2099-12-31T18:00:00+2400',
    ]) {
      assert.equal(reasonOf({ closesAt }, 'closesAt'), 'invalid', closesAt);
    }
    for (const closesAt of ['2099-12-31T18:00:00Z', '2099-12-31T18:00Z', '2099-12-31T19:00:00.5+01:00', '2096-02-29T00:00:00-05:00', '2099-12-31t18:00:00z']) {
      assert.deepEqual(check({ closesAt }), {}, closesAt);
    }
  });

  it('gives the closing time in the one form it is stored in, UTC with milliseconds', () => {
    assert.equal(closingTime('2099-12-31T19:00:00+01:00'), '2099-12-31T18:00:00.000Z');
    assert.equal(closingTime('2099-12-31t18:00z'), '2099-12-31T18:00:00.000Z');
    assert.equal(closingTime('Dec 31 2099'), null);
  });
});

describe('malformed definitions', () => {
  it('answers any shape of input with field issues instead of throwing', () => {
    const field = fc.oneof(fc.anything(), fc.string(), fc.array(fc.record({ value: fc.anything(), label: fc.anything() })));
    const input = fc.record(
      {
        id: field,
        type: fc.oneof(fc.constantFrom('single', 'multiple', 'rating', 'ranked', 'quiz'), fc.anything()),
        question: field,
        options: field,
        results: field,
        voters: field,
        integrity: field,
        min: field,
        max: field,
        scale: fc.oneof(fc.anything(), fc.record({ min: fc.anything(), max: fc.anything(), step: fc.anything() })),
        correct: field,
        explanation: field,
        closesAt: field,
        allowChange: field,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(input, (definition) => {
        const issues = validatePollDefinition(definition as unknown as PollDefinitionInput, { closingTimeSetNow: true, now: NOW });
        for (const issue of Object.values(issues)) assert.equal(typeof issue.message, 'string');
      }),
      { numRuns: 1000 },
    );
  });
});
