/**
 * Counting ballots. Every function is pure and counts from scratch, so the memory adapter, the
 * server and a test agree on a result for the same ballots. The result has the shape of the
 * contract's `PollTally`. Numbers are raw (counts, a mean, a share from 0 to 1), never rounded
 * or formatted: each viewer's UI formats them with Intl in its own language.
 */
import { instantRunoff, type RunoffRound } from './ranked-choice.js';
import { DEFAULT_RATING_SCALE } from './rating-scale.js';

export type TallyBallot = { choices: readonly string[] } | { rating: number };

export interface TallyRound {
  counts: Record<string, number>;
  eliminated: string[];
}

export interface TallyResult {
  /** Ballots counted. */
  total: number;
  /** Per option value (per scale step for ratings); options nobody chose are present with 0. */
  counts: Record<string, number>;
  average?: number;
  /** `ranked`: the rounds of the count, with continuing and exhausted ballots and eliminations. */
  rounds?: RunoffRound[];
  /** The single option with the most votes; `null` on a tie or when nobody voted. */
  winner?: string | null;
  /** `ranked`: the options left tied when the count could not name a winner. */
  tied?: string[];
  correctShare?: number;
}

export type TallyPollType = 'single' | 'multiple' | 'rating' | 'ranked' | 'quiz';

export interface TallyPoll {
  type: TallyPollType;
  options: readonly { value: string }[];
  scale?: { min: number; max: number; step: number };
  correct?: readonly string[];
}

export { DEFAULT_RATING_SCALE };

const choicesOf = (ballot: TallyBallot): readonly string[] =>
  typeof ballot === 'object' && ballot !== null && 'choices' in ballot && Array.isArray(ballot.choices) ? ballot.choices : [];

/** Own keys only: a ballot naming "toString" or "__proto__" must not reach Object.prototype. */
const has = (counts: Record<string, number>, key: unknown): key is string => typeof key === 'string' && Object.hasOwn(counts, key);

function zeroCounts(values: readonly string[]): Record<string, number> {
  return Object.fromEntries(values.map((value) => [value, 0]));
}

/** The one value with the highest count, or `null` when nobody voted or the top is shared. */
export function leader(counts: Record<string, number>): string | null {
  let best: string | null = null;
  let bestCount = 0;
  let shared = false;
  for (const [value, count] of Object.entries(counts)) {
    if (count > bestCount) [best, bestCount, shared] = [value, count, false];
    else if (count === bestCount && count > 0) shared = true;
  }
  return shared ? null : best;
}

/**
 * `single` and `multiple`: each ballot counts once for each distinct known option it holds
 * (for `single` that is its one choice). Unknown values are ignored rather than trusted.
 */
export function tallyChoices(options: readonly string[], ballots: readonly TallyBallot[]): TallyResult {
  const counts = zeroCounts(options);
  let total = 0;
  for (const ballot of ballots) {
    const chosen = new Set(choicesOf(ballot).filter((value) => has(counts, value)));
    if (chosen.size === 0) continue;
    total++;
    for (const value of chosen) counts[value] = (counts[value] ?? 0) + 1;
  }
  return { total, counts, winner: leader(counts) };
}

export function tallyRating(
  scale: { min: number; max: number; step: number },
  ballots: readonly TallyBallot[],
): TallyResult {
  const steps: string[] = [];
  for (let value = scale.min; value <= scale.max + 1e-9; value += scale.step) steps.push(String(roundStep(value)));
  const counts = zeroCounts(steps);
  let total = 0;
  let sum = 0;
  for (const ballot of ballots) {
    if (typeof ballot !== 'object' || ballot === null || !('rating' in ballot) || !Number.isFinite(ballot.rating)) continue;
    const key = String(roundStep(ballot.rating));
    if (!has(counts, key)) continue;
    counts[key] = (counts[key] ?? 0) + 1;
    total++;
    sum += ballot.rating;
  }
  return total === 0 ? { total, counts } : { total, counts, average: sum / total };
}

/** Binary floating point makes 0.1 + 0.2 a step "0.30000000000000004"; keys must not. */
function roundStep(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

export function tallyQuiz(options: readonly string[], correct: readonly string[], ballots: readonly TallyBallot[]): TallyResult {
  const result = tallyChoices(options, ballots);
  const right = new Set(correct);
  const known = new Set(options);
  // Only the ballots the tally counted, so the share is of `total` and never above 1.
  const correctBallots = ballots.filter((ballot) => {
    const chosen = new Set(choicesOf(ballot).filter((value) => known.has(value)));
    if (chosen.size === 0) return false;
    return chosen.size === right.size && [...chosen].every((value) => right.has(value));
  }).length;
  return { ...result, correctShare: result.total === 0 ? 0 : correctBallots / result.total };
}

export function tallyPoll(poll: TallyPoll, ballots: readonly TallyBallot[]): TallyResult {
  const options = poll.options.map((option) => option.value);
  switch (poll.type) {
    case 'single':
    case 'multiple':
      return tallyChoices(options, ballots);
    case 'rating':
      return tallyRating(poll.scale ?? DEFAULT_RATING_SCALE, ballots);
    case 'ranked':
      return instantRunoff(options, ballots.map(choicesOf));
    case 'quiz':
      return tallyQuiz(options, poll.correct ?? [], ballots);
  }
}
