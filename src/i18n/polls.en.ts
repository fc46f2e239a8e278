import type { Dictionary, PluralMessage } from './types.js';

/**
 * The strings of `<plein-poll>`, English (the reference: `polls.nl.ts` and any other language
 * implement exactly these keys). Kept out of the core dictionary so pages without polls do not
 * download them. A page rewords a string or adds a language at runtime with
 * `registerTranslation(lang, { 'polls.<key>': '…' })`: registered keys win over these.
 *
 * `def.*` explain a definition the backend refused, to the site owner who wrote the attributes;
 * `field.*` explain a ballot the backend (or the same domain rule, run first in the page) refused.
 */
export const pollsEn = {
  poll: 'Poll',
  loading: 'Loading the poll…',
  'load-error': 'The poll could not be loaded.',
  'not-found': 'There is no poll called “{id}”.',
  unsupported: 'Polls are not available on this site.',
  'field.required': 'Choose an option.',
  'field.rating-required': 'Choose a rating.',
  'field.too-few': { one: 'Choose at least {count} option.', other: 'Choose at least {count} options.' },
  'field.too-many': { one: 'Choose at most {count} option.', other: 'Choose at most {count} options.' },
  'field.unknown-option': 'Choose one of the options.',
  'field.duplicate': 'Choose each option once.',
  'field.out-of-range': 'Choose from {min} to {max}.',
  'field.off-step': 'Choose a multiple of {step}.',
  'hint.exactly': { one: 'Choose {count} option.', other: 'Choose {count} options.' },
  'hint.range': 'Choose {min} to {max} options.',
  'hint.up-to': { one: 'Choose up to {count} option.', other: 'Choose up to {count} options.' },
  'hint.quiz-multiple': 'More than one answer may be right.',
  'rating.step': '{value}',
  'rating.scale': 'From {min} (lowest) to {max} (highest).',
  vote: 'Vote',
  'change-vote': 'Change my vote',
  'remove-vote': 'Remove my vote',
  sending: 'Sending your vote…',
  voted: 'Thank you, your vote was counted.',
  'voted-already': 'You voted in this poll.',
  'vote-removed': 'Your vote was removed.',
  'vote-failed': 'Your vote was not counted. {reason}',
  'vote-offline': 'Your vote was not sent: no connection. Your choice is kept; try again when you are back online.',
  'sign-in-note': 'Only signed-in members can vote in this poll.',
  'guests-note': 'Only members can vote in this poll.',
  results: 'Results',
  votes: { zero: 'No votes yet', one: '{count} vote', other: '{count} votes' },
  'withheld.vote': 'Results are shown after you vote.',
  'withheld.close': 'Results are shown when the poll closes.',
  'withheld.moderators': 'Results are shown to moderators until the poll closes.',
  closed: 'This poll is closed.',
  'closed-announce': 'The poll is closed.',
  'reopened-announce': 'The poll is open again.',
  'voters.public': 'Votes in this poll are public: members can see who voted what.',
  'voters.anonymous': 'Anonymous poll: what you choose is never stored with your name.',
  dismiss: 'Dismiss',
} as const satisfies Dictionary;

export type PollsKey = keyof typeof pollsEn;

/** The shape every language of the poll strings implements. */
export type PollsTranslation = {
  readonly [K in PollsKey]: (typeof pollsEn)[K] extends string ? string : PluralMessage;
};
