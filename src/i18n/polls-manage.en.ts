import type { Dictionary, PluralMessage } from './types.js';

/**
 * The strings of `<plein-poll>` that only some people see: moderators' tools (close, export, the
 * voter list) and, for the site owner, what is wrong with a definition the backend refused.
 * English, the reference (`polls-manage.nl.ts` implements exactly these keys). They travel in
 * the lazily loaded module that renders them, so a visitor's page never downloads them. A page
 * rewords them with `registerTranslation(lang, { 'polls.<key>': '…' })`.
 */
export const pollsManageEn = {
  'definition-error': 'This poll cannot be shown yet: its settings need fixing.',
  'definition-hint': 'For the site owner: change these settings of <plein-poll poll="{id}">.',
  'definition-frozen': 'This poll already has votes, so the settings on this page were not applied. It is shown as it was when voting started.',
  'definition-not-yours':
    'This poll was made elsewhere (through the API or the command line), so the settings on this page were not applied. It is shown as it was made.',
  'def.required': 'This is required.',
  'def.too-long': 'Use at most {max} characters.',
  'def.invalid-choice': 'This value is not one of the allowed ones.',
  'def.invalid': 'This value cannot be used here.',
  'def.voters.conflict': 'Voters cannot be both public and anonymous: choose one.',
  'def.voters.device': 'Public voter lists need signed-in voters: use integrity="member", or voters="secret".',
  'def.allowChange.conflict': 'Anonymous polls cannot let voters change their vote: the chosen option is not stored.',
  'def.too-few': 'Give at least {min} options.',
  'def.too-many': 'Use at most {max}.',
  'def.duplicate': 'Each option must be different.',
  'def.above-max': 'The minimum ({min}) cannot be above the maximum ({max}).',
  'def.above-options': 'The maximum ({max}) cannot exceed the {count} options.',
  'def.step': 'The step must divide the scale evenly.',
  'def.unknown-option': 'Mark options by their value.',
  'def.in-past': 'Choose a closing time in the future.',
  'def.not-applicable': 'This setting applies only to {type} polls.',
  'def.closesAt.invalid': 'Use an ISO 8601 date and time with a time zone, such as 2026-12-31T18:00:00Z.',
  'close-poll': 'Close poll',
  'reopen-poll': 'Reopen poll',
  'export-csv': 'Export CSV',
  'export-voters': 'Export voters (CSV)',
  exporting: 'Preparing the CSV…',
  'export-failed': 'The CSV was not downloaded. {reason}',
  'show-voters': 'Show voters',
  'hide-voters': 'Hide voters',
  'voters-heading': 'Who voted what',
  'voters-empty': 'Nobody has voted yet.',
  'voters-more': 'Show more voters',
  'action-failed': 'That did not work. {reason}',
  dismiss: 'Dismiss',
} as const satisfies Dictionary;

export type PollsManageKey = keyof typeof pollsManageEn;

/** The shape every language of these strings implements. */
export type PollsManageTranslation = {
  readonly [K in PollsManageKey]: (typeof pollsManageEn)[K] extends string ? string : PluralMessage;
};
