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
  if (poll.type === 'rating') return validateRating(poll, typeof ballot === 'object' && ballot !== null ? ballot : {});
  if (typeof ballot !== 'object' || ballot === null || !('choices' in ballot) || !Array.isArray(ballot.choices)) {
    // Said apart, so a client that sent the other kind of ballot learns what this poll takes.
    const rated = typeof ballot === 'object' && ballot !== null && 'rating' in ballot;
    return issue('choices', 'required', rated ? 'This poll takes choices (option values), not a rating.' : 'Choose an option.');
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

/** A rating is judged on `rating` alone: `choices` sent with it have no meaning here and are not stored. */
function validateRating(poll: BallotRules, ballot: object): FieldIssues {
  const scale = poll.scale ?? DEFAULT_RATING_SCALE;
  const range = `from ${scale.min} to ${scale.max}`;
  const rating: unknown = 'rating' in ballot ? ballot.rating : undefined;
  if (typeof rating !== 'number' || !Number.isFinite(rating)) {
    return issue('rating', 'required', 'choices' in ballot ? `A rating poll takes a rating ${range}, not choices.` : `Choose a rating ${range}.`);
  }
  if (rating < scale.min || rating > scale.max) {
    return issue('rating', 'out-of-range', `${rating} is not on the scale: choose a rating ${range}.`, { min: scale.min, max: scale.max });
  }
  const steps = (rating - scale.min) / scale.step;
  if (Math.abs(steps - Math.round(steps)) > 1e-9) {
    return issue('rating', 'off-step', `${rating} is not on the scale: choose a rating ${range} in steps of ${scale.step}.`, { step: scale.step });
  }
  return {};
}
