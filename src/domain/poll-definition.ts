/**
 * Whether a poll definition can work, as field issues a form or the server shows next to the
 * field at fault. Definitions arrive from page attributes and API bodies, so every value is
 * checked at run time even where the type already says what it should be.
 *
 * Settings that contradict each other, and why:
 * - `voters: 'public'` promises a list of who voted what; `integrity: 'device'` lets visitors
 *   without an identity vote, whom such a list cannot name. Refused on `voters`.
 * - `voters: 'anonymous'` means the backend never stores which option a member chose, so it
 *   cannot take an earlier ballot back out of the counts: `allowChange` is refused there.
 * - One `voters` value that asks for both `public` and `anonymous` (a list, or both words in
 *   one attribute) is refused as a conflict rather than resolved by guessing.
 * - A setting of another type (`min`/`max` beside `multiple`, `scale` beside `rating`, `correct`
 *   and `explanation` beside `quiz`, options on `rating`) is refused rather than stored: it would
 *   be echoed back as if it meant something, and a wrong type is more often the mistake.
 */
import { textLength, type FieldIssue, type FieldIssues } from './limits.js';
import { closingMillis } from './closing-time.js';

export const POLL_TYPES = ['single', 'multiple', 'rating', 'ranked', 'quiz'] as const;
export const RESULTS_SETTINGS = ['always', 'after-vote', 'after-close', 'moderators'] as const;
export const VOTER_SETTINGS = ['public', 'secret', 'anonymous'] as const;
export const INTEGRITY_SETTINGS = ['member', 'device'] as const;

export const POLL_LIMITS = {
  id: { min: 1, max: 200 },
  question: { min: 1, max: 500 },
  option: { min: 1, max: 200 },
  options: { min: 2, max: 30 },
  explanation: { max: 2000 },
  /** A rating scale is shown as one bar per step; more than this is not readable. */
  scaleSteps: { max: 100 },
} as const;

/** A definition as it arrives; the contract's `PollDefinition` fits it. */
export interface PollDefinitionInput {
  id: string;
  type: string;
  question: string;
  options: readonly { value: string; label: string }[];
  results: string;
  voters: string | readonly string[];
  integrity: string;
  min?: number;
  max?: number;
  scale?: { min: number; max: number; step: number };
  correct?: readonly string[];
  explanation?: string;
  closesAt?: string | null;
  allowChange?: boolean;
}

export interface DefinitionContext {
  /**
   * The closing time is being set now (a new poll, or a changed `closesAt`): it must not be in
   * the past. A stored one may have passed since, and registering it again is fine.
   */
  closingTimeSetNow?: boolean;
  now?: string | number | Date;
}

const fail = (reason: string, message: string, params?: Record<string, number | string>): FieldIssue =>
  params ? { reason, message, params } : { reason, message };

const oneOf = (allowed: readonly string[], value: unknown): boolean => typeof value === 'string' && allowed.includes(value);

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

function checkText(value: unknown, range: { min?: number; max: number }, what: string): FieldIssue | null {
  const length = typeof value === 'string' ? textLength(value.trim()) : 0;
  if (length === 0 && (range.min ?? 0) > 0) return fail('required', `Enter ${what}.`);
  if (length > range.max) return fail('too-long', `Use at most ${range.max} characters.`, { max: range.max, length });
  return null;
}

/** Trimmed and case-folded, so "Utrecht" and "utrecht " count as the same label. */
const sameness = (text: string): string => text.trim().normalize('NFC').toLocaleLowerCase('und');

export function validatePollDefinition(definition: PollDefinitionInput, context: DefinitionContext = {}): FieldIssues {
  const issues: FieldIssues = {};
  const add = (field: string, issue: FieldIssue | null) => {
    if (issue !== null && issues[field] === undefined) issues[field] = issue;
  };

  add('id', checkText(definition.id, POLL_LIMITS.id, 'a poll id'));
  add('question', checkText(definition.question, POLL_LIMITS.question, 'a question'));
  if (!oneOf(POLL_TYPES, definition.type)) add('type', fail('invalid-choice', `Choose a type: ${POLL_TYPES.join(', ')}.`));
  if (!oneOf(RESULTS_SETTINGS, definition.results)) {
    add('results', fail('invalid-choice', `Choose when results show: ${RESULTS_SETTINGS.join(', ')}.`));
  }
  if (!oneOf(INTEGRITY_SETTINGS, definition.integrity)) {
    add('integrity', fail('invalid-choice', `Choose who may vote: ${INTEGRITY_SETTINGS.join(', ')}.`));
  }
  add('voters', checkVoters(definition));
  if (definition.voters === 'anonymous' && definition.allowChange === true) {
    add('allowChange', fail('conflict', 'Anonymous polls cannot let voters change their vote: the chosen option is not stored.'));
  }

  const type = definition.type;
  if (oneOf(POLL_TYPES, type)) for (const [field, issue] of checkApplicable(definition)) add(field, issue);
  if (type === 'rating') add('scale', checkScale(definition.scale));
  else for (const [field, issue] of checkOptions(definition.options)) add(field, issue);
  if (type === 'multiple') for (const [field, issue] of checkRange(definition)) add(field, issue);
  if (type === 'quiz') add('correct', checkCorrect(definition));
  if (definition.explanation !== undefined) add('explanation', checkText(definition.explanation, POLL_LIMITS.explanation, 'an explanation'));
  add('closesAt', checkClosesAt(definition.closesAt, context));
  return issues;
}

/** The one type each setting means something for; on another it would be stored and shown, meaning nothing. */
const ONLY_FOR = { min: 'multiple', max: 'multiple', scale: 'rating', correct: 'quiz', explanation: 'quiz' } as const;

/** Unset, an empty list and blank text set nothing, so they fit every type. */
const isSet = (value: unknown): boolean =>
  value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0) && !(typeof value === 'string' && value.trim() === '');

function checkApplicable(definition: PollDefinitionInput): [string, FieldIssue][] {
  const found: [string, FieldIssue][] = [];
  for (const [field, type] of Object.entries(ONLY_FOR)) {
    if (definition.type !== type && isSet(definition[field as keyof typeof ONLY_FOR])) {
      found.push([field, fail('not-applicable', `${field} applies only to ${type} polls.`, { type })]);
    }
  }
  if (definition.type === 'rating' && isSet(definition.options)) {
    found.push(['options', fail('not-applicable', 'A rating poll has no options: it is rated on its scale.', { type: 'rating' })]);
  }
  return found;
}

function checkVoters(definition: PollDefinitionInput): FieldIssue | null {
  const voters = definition.voters;
  const asked = typeof voters === 'string' ? voters.split(/[\s,]+/).filter(Boolean) : Array.isArray(voters) ? voters : [];
  if (asked.includes('public') && asked.includes('anonymous')) {
    return fail('conflict', 'Voters cannot be both public and anonymous: choose one.');
  }
  if (!oneOf(VOTER_SETTINGS, voters)) return fail('invalid-choice', `Choose voter visibility: ${VOTER_SETTINGS.join(', ')}.`);
  if (voters === 'public' && definition.integrity === 'device') {
    return fail('conflict', 'Public voter lists need signed-in voters: use member integrity, or secret voters.');
  }
  return null;
}

function checkOptions(options: unknown): [string, FieldIssue][] {
  if (!Array.isArray(options) || options.length < POLL_LIMITS.options.min) {
    return [['options', fail('too-few', `Give at least ${POLL_LIMITS.options.min} options.`, { min: POLL_LIMITS.options.min })]];
  }
  if (options.length > POLL_LIMITS.options.max) {
    return [['options', fail('too-many', `Give at most ${POLL_LIMITS.options.max} options.`, { max: POLL_LIMITS.options.max })]];
  }
  const found: [string, FieldIssue][] = [];
  const values = new Map<string, number>();
  const labels = new Map<string, number>();
  options.forEach((option: unknown, index) => {
    const { value, label } = (typeof option === 'object' && option !== null ? option : {}) as { value?: unknown; label?: unknown };
    const valueIssue = checkText(value, POLL_LIMITS.option, 'a value');
    const labelIssue = checkText(label, POLL_LIMITS.option, 'a label');
    if (valueIssue) found.push([`options.${index}.value`, valueIssue]);
    if (labelIssue) found.push([`options.${index}.label`, labelIssue]);
    if (!valueIssue && typeof value === 'string') {
      const first = values.get(value);
      if (first === undefined) values.set(value, index);
      else found.push([`options.${index}.value`, fail('duplicate', `The value "${value}" is already used by option ${first + 1}.`, { index: first })]);
    }
    if (!labelIssue && typeof label === 'string') {
      const key = sameness(label);
      const first = labels.get(key);
      if (first === undefined) labels.set(key, index);
      else found.push([`options.${index}.label`, fail('duplicate', `This label repeats option ${first + 1}.`, { index: first })]);
    }
  });
  if (found.some(([, issue]) => issue.reason === 'duplicate')) {
    found.unshift(['options', fail('duplicate', 'Each option must be different.')]);
  }
  return found;
}

function checkRange(definition: PollDefinitionInput): [string, FieldIssue][] {
  const count = Array.isArray(definition.options) ? definition.options.length : 0;
  const min = definition.min ?? 1;
  const max = definition.max ?? count;
  const found: [string, FieldIssue][] = [];
  if (!isCount(min) || min < 1) found.push(['min', fail('invalid', 'Use a whole number of at least 1.', { min: 1 })]);
  if (!isCount(max) || max < 1) found.push(['max', fail('invalid', 'Use a whole number of at least 1.', { min: 1 })]);
  if (found.length > 0) return found;
  if (min > max) return [['min', fail('above-max', `The minimum (${min}) cannot be above the maximum (${max}).`, { min, max })]];
  if (max > count) return [['max', fail('above-options', `The maximum (${max}) cannot exceed the ${count} options.`, { max, count })]];
  return [];
}

function checkScale(scale: unknown): FieldIssue | null {
  if (scale === undefined) return null;
  const { min, max, step } = (typeof scale === 'object' && scale !== null ? scale : {}) as Record<string, unknown>;
  if (![min, max, step].every((value) => typeof value === 'number' && Number.isFinite(value))) {
    return fail('invalid', 'Give the scale a minimum, a maximum and a step.');
  }
  const [low, high, by] = [min, max, step] as [number, number, number];
  if (low >= high) return fail('above-max', `The scale's minimum (${low}) must be below its maximum (${high}).`, { min: low, max: high });
  if (by <= 0) return fail('step', 'The step must be above 0.', { step: by });
  const steps = (high - low) / by;
  if (Math.abs(steps - Math.round(steps)) > 1e-9) {
    return fail('step', `A step of ${by} does not divide ${low} to ${high} evenly.`, { min: low, max: high, step: by });
  }
  if (Math.round(steps) + 1 > POLL_LIMITS.scaleSteps.max) {
    return fail('too-many', `Use at most ${POLL_LIMITS.scaleSteps.max} steps.`, { max: POLL_LIMITS.scaleSteps.max });
  }
  return null;
}

function checkCorrect(definition: PollDefinitionInput): FieldIssue | null {
  const correct = definition.correct;
  if (!Array.isArray(correct) || correct.length === 0) return fail('required', 'Mark at least one option as correct.');
  const known = new Set(Array.isArray(definition.options) ? definition.options.map((option) => option?.value) : []);
  const unknown: unknown = correct.find((value) => !known.has(value));
  if (unknown !== undefined) {
    if (typeof unknown !== 'string') return fail('unknown-option', 'Mark options by their value.');
    return fail('unknown-option', `"${unknown}" is not one of the options.`, { value: unknown });
  }
  if (new Set(correct).size !== correct.length) return fail('duplicate', 'Mark each correct option once.');
  return null;
}

function checkClosesAt(closesAt: unknown, context: DefinitionContext): FieldIssue | null {
  if (closesAt === undefined || closesAt === null) return null;
  const at = closingMillis(closesAt);
  if (!Number.isFinite(at)) return fail('invalid', 'Use an ISO 8601 date and time with a time zone, such as 2026-12-31T18:00:00Z.');
  if (context.closingTimeSetNow !== true) return null;
  const now = context.now ?? Date.now();
  const nowMs = now instanceof Date ? now.getTime() : typeof now === 'number' ? now : Date.parse(now);
  return at <= nowMs ? fail('in-past', 'Choose a closing time in the future.') : null;
}
