import type { Dictionary, PluralMessage } from './types.js';

/**
 * The strings of the ranked-choice ballot, the runoff table and the CSV export of `<plein-poll>`,
 * English (the reference: `polls-ranked.nl.ts` and any other language implement exactly these
 * keys). They live apart from the poll's core strings because they travel in the poll's lazily
 * loaded ranked and export modules: a page with a plain poll never downloads them. A page can
 * reword them or add a language with `registerTranslation(lang, { 'polls.<key>': '…' })`, e.g.
 * `'polls.ranked.move-up'`: registered keys win over these.
 */
export const pollsRankedEn = {
  'ranked.ranking': 'Your ranking',
  'ranked.unranked': 'Not ranked',
  'ranked.help':
    'Add the options you want in order of preference, best first. You do not have to rank them all. On an option, Arrow Up and Arrow Down move it one place, Home and End move it to first or last place.',
  'ranked.empty': 'Nothing ranked yet.',
  'ranked.all-ranked': 'Every option is ranked.',
  'ranked.move-up': 'Move {label} up',
  'ranked.move-down': 'Move {label} down',
  'ranked.remove': 'Remove {label} from your ranking',
  'ranked.add': 'Add',
  'ranked.add-label': 'Add {label} to your ranking',
  'ranked.position': '{label}, position {position} of {count}',
  'ranked.added': '{label} added, position {position} of {count}',
  'ranked.removed': '{label} removed from your ranking',
  'ranked.first-already': '{label} is already first',
  'ranked.last-already': '{label} is already last',
  'runoff.caption': 'Instant-runoff count, round by round',
  'runoff.option': 'Option',
  'runoff.round': 'Round {round}',
  'runoff.votes': '{count} ({share})',
  'runoff.eliminated': 'eliminated',
  'runoff.eliminated-tie': 'eliminated (tie-break)',
  'runoff.out': 'out of the race',
  'runoff.wins': 'wins',
  'runoff.tied': 'tied',
  'runoff.continuing': 'Continuing ballots',
  'runoff.exhausted': 'Exhausted ballots',
  'runoff.exhausted-help': 'A ballot is exhausted when every option it ranks has been eliminated.',
  'runoff.tie-batch': 'Round {round}: {options} had fewest ballots, together fewer than the next option, so they were eliminated together.',
  'runoff.tie-earlier-round':
    'Round {round}: {options} were tied for last place; {eliminated} had fewer ballots in an earlier round and was eliminated.',
  'runoff.tie-option-order':
    'Round {round}: {options} were tied for last place and no earlier round set them apart; {eliminated}, listed last in the poll, was eliminated.',
  'runoff.no-ballots': 'No ballots yet.',
  'runoff.summary-eliminated': 'Round {round}: {options} eliminated.',
  'runoff.summary-wins': {
    one: 'Round {round}: {option} wins with {votes} of {count} continuing ballot.',
    other: 'Round {round}: {option} wins with {votes} of {count} continuing ballots.',
  },
  'runoff.summary-tied': 'Round {round}: {options} are tied. There is no winner.',
  'runoff.summary-none': 'Round {round}: no winner.',
  'csv.option': 'Option',
  'csv.value': 'Value',
  'csv.votes': 'Votes',
  'csv.share': 'Share',
  'csv.correct': 'Correct',
  'csv.yes': 'yes',
  'csv.no': 'no',
  'csv.rating': 'Rating',
  'csv.total': 'Ballots',
  'csv.average': 'Average',
  'csv.correct-share': 'Share correct',
  'csv.winner': 'Winner',
  'csv.round': 'Round {round}',
  'csv.eliminated': 'Eliminated in round',
  'csv.continuing': 'Continuing ballots',
  'csv.exhausted': 'Exhausted ballots',
  'csv.voter': 'Voter',
  'csv.voter-id': 'Voter id',
  'csv.choices': 'Choices',
  'csv.voted-at': 'Voted at',
} as const satisfies Dictionary;

export type PollsRankedKey = keyof typeof pollsRankedEn;

/** The shape every language of these strings implements. */
export type PollsRankedTranslation = {
  readonly [K in PollsRankedKey]: (typeof pollsRankedEn)[K] extends string ? string : PluralMessage;
};
