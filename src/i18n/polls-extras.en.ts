import type { Dictionary } from './types.js';

/**
 * The strings of what only some polls of `<plein-poll>` show — a quiz's verdict, a rating's
 * average and distribution, the countdown to a closing time — English (the reference:
 * `polls-extras.nl.ts` and any other language implement exactly these keys). They travel in the
 * poll's lazily loaded `extras` module, so a plain poll's page never downloads them. A page can
 * reword them or add a language with `registerTranslation(lang, { 'polls.<key>': '…' })`, e.g.
 * `'polls.closes-in'`: registered keys win over these.
 */
export const pollsExtrasEn = {
  average: 'Average rating: {average} (from {min} to {max})',
  distribution: 'How people rated',
  'quiz.right': 'Right!',
  'quiz.wrong': 'Not quite.',
  'quiz.correct': 'correct answer',
  'quiz.share': '{percent} of the people who answered got it right.',
  'quiz.explanation': 'Why',
  'closes-in': 'Closes {time}',
  'closes-at': 'Closes on {date}',
} as const satisfies Dictionary;

export type PollsExtrasKey = keyof typeof pollsExtrasEn;

/** The shape every language of these strings implements. */
export type PollsExtrasTranslation = { readonly [K in PollsExtrasKey]: string };
