import type { Dictionary, PluralMessage } from './types.js';

/**
 * The strings of `<plein-poll>`'s result bars and leader line, English (the reference:
 * `polls-results.nl.ts` and any other language implement exactly these keys). They travel in the
 * poll's lazily loaded `results` module. A page can reword them or add a language with
 * `registerTranslation(lang, { 'polls.<key>': '…' })`, e.g. `'polls.leading'`: registered keys
 * win over these.
 */
export const pollsResultsEn = {
  'your-choice': 'your choice',
  'option-result': { zero: '{percent}, no votes', one: '{percent}, {count} vote', other: '{percent}, {count} votes' },
  leading: 'Leading: {label}',
  winner: 'Result: {label}',
  tie: 'No single option leads: the top places are tied.',
} as const satisfies Dictionary;

export type PollsResultsKey = keyof typeof pollsResultsEn;

/** The shape every language of these strings implements. */
export type PollsResultsTranslation = {
  readonly [K in PollsResultsKey]: (typeof pollsResultsEn)[K] extends string ? string : PluralMessage;
};
