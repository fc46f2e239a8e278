/** Whether a ballot fits its poll, as field issues on `choices` or `rating`. */
import type { FieldIssues } from './limits.js';
import type { TallyBallot, TallyPoll } from './poll-tally.js';
import { DEFAULT_RATING_SCALE } from './rating-scale.js';

export interface BallotRules extends TallyPoll {
  /** `multiple`: how many choices a ballot must and may hold. */
  min?: number;
  max?: number;
  /** `quiz` with `correct` withheld (a client before answering): one answer or several. */
  answers?: 'one' | 'several';
}

const issue = (field: string, reason: string, message: string, params?: Record<string, number | string>): FieldIssues => ({
  [field]: params ? { reason, message, params } : { reason, message },
});

/**
 * Per type: `single` exactly one known option; `multiple` `min`..`max` distinct known options;
 * `ranked` distinct known options in order, at least one (a voter need not rank them all);
 * `quiz` like `single` with one correct option, like `multiple` (1..all) with several: capping
 * the count at the number of right answers would give that number away; `rating` a number on
 * the scale, on a step.
 */
export function validateBallot(poll: BallotRules, ballot: TallyBallot): FieldIssues {
  if (typeof ballot !== 'object' || ballot === null) {
    return poll.type === 'rating' ? issue('rating', 'required', 'Choose a rating.') : issue('choices', 'required', 'Choose an option.');
  }
  if (poll.type === 'rating') return validateRating(poll, ballot);
  if (!('choices' in ballot) || !Array.isArray(ballot.choices)) {
    return issue('choices', 'required', 'Choose an option.');
  }
  const known = new Set(poll.options.map((option) => option.value));
  const choices = ballot.choices;
  if (choices.some((value) => !known.has(value))) return issue('choices', 'unknown-option', 'Choose one of the options.');
  if (new Set(choices).size !== choices.length) return issue('choices', 'duplicate', 'Choose each option once.');

  const [min, max] = choiceRange(poll);
  if (choices.length < min) {
    return issue('choices', min === 1 ? 'required' : 'too-few', `Choose at least ${min}.`, { min });
  }
  if (choices.length > max) return issue('choices', 'too-many', `Choose at most ${max}.`, { max });
  return {};
}

function choiceRange(poll: BallotRules): [number, number] {
  const count = poll.options.length;
  switch (poll.type) {
    case 'single':
      return [1, 1];
    case 'quiz':
      return (poll.correct ? poll.correct.length > 1 : poll.answers === 'several') ? [1, count] : [1, 1];
    case 'multiple':
      return [poll.min ?? 1, poll.max ?? count];
    default:
      return [1, count];
  }
}

function validateRating(poll: BallotRules, ballot: TallyBallot): FieldIssues {
  const scale = poll.scale ?? DEFAULT_RATING_SCALE;
  if (!('rating' in ballot) || typeof ballot.rating !== 'number' || !Number.isFinite(ballot.rating)) {
    return issue('rating', 'required', 'Choose a rating.');
  }
  const { rating } = ballot;
  if (rating < scale.min || rating > scale.max) {
    return issue('rating', 'out-of-range', `Choose from ${scale.min} to ${scale.max}.`, { min: scale.min, max: scale.max });
  }
  const steps = (rating - scale.min) / scale.step;
  if (Math.abs(steps - Math.round(steps)) > 1e-9) {
    return issue('rating', 'off-step', `Choose a multiple of ${scale.step}.`, { step: scale.step });
  }
  return {};
}
