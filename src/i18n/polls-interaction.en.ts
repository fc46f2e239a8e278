import type { Dictionary, PluralMessage } from './types.js';

/**
 * The strings of what `<plein-poll>` says only once somebody acts — a ballot refused per field,
 * a vote that failed or was removed, the thanks, the sign-in note — English (the reference:
 * `polls-interaction.nl.ts` and any other language implement exactly these keys). They travel
 * in the poll's interaction part, loaded at the first sign that someone may vote. A page rewords
 * them or adds a language with `registerTranslation(lang, { 'polls.<key>': '…' })`: registered
 * keys win over these.
 *
 * `field.*` explain a ballot the backend (or the same domain rule, run first in the page) refused.
 */
export const pollsInteractionEn = {
  'field.required': 'Choose an option.',
  'field.rating-required': 'Choose a rating.',
  'field.too-few': { one: 'Choose at least {count} option.', other: 'Choose at least {count} options.' },
  'field.too-many': { one: 'Choose at most {count} option.', other: 'Choose at most {count} options.' },
  'field.unknown-option': 'Choose one of the options.',
  'field.duplicate': 'Choose each option once.',
  'field.out-of-range': 'Choose from {min} to {max}.',
  'field.off-step': 'Choose a multiple of {step}.',
  voted: 'Thank you, your vote was counted.',
  'vote-removed': 'Your vote was removed.',
  'vote-failed': 'Your vote was not counted. {reason}',
  'vote-offline': 'Your vote was not sent: no connection. Your choice is kept; try again when you are back online.',
  'sign-in-note': 'Only signed-in members can vote in this poll.',
  dismiss: 'Dismiss',
} as const satisfies Dictionary;

export type PollsInteractionKey = keyof typeof pollsInteractionEn;

/** The shape every language of these strings implements. */
export type PollsInteractionTranslation = {
  readonly [K in PollsInteractionKey]: (typeof pollsInteractionEn)[K] extends string ? string : PluralMessage;
};
