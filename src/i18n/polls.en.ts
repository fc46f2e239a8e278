import type { Dictionary, PluralMessage } from './types.js';

/**
 * The strings of `<plein-poll>`'s first view, English (the reference: `polls.nl.ts` and any other
 * language implement exactly these keys). Kept out of the core dictionary so pages without polls
 * do not download them; what is said only once somebody acts is in `polls-interaction.en.ts`. A
 * page rewords a string or adds a language at runtime with
 * `registerTranslation(lang, { 'polls.<key>': '…' })`: registered keys win over these.
 */
export const pollsEn = {
  poll: 'Poll',
  loading: 'Loading the poll…',
  'load-error': 'The poll could not be loaded.',
  'not-found': 'There is no poll called “{id}”.',
  unsupported: 'Polls are not available on this site.',
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
  'voted-already': 'You voted in this poll.',
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
} as const satisfies Dictionary;

export type PollsKey = keyof typeof pollsEn;

/** The shape every language of the poll strings implements. */
export type PollsTranslation = {
  readonly [K in PollsKey]: (typeof pollsEn)[K] extends string ? string : PluralMessage;
};
