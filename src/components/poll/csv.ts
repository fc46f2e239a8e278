/**
 * CSV export of a poll's results, and of who voted what in a `public` poll, for moderators.
 *
 * For `<plein-poll>`, loaded on the moderator's click (this module and its strings stay out of
 * the poll's first download):
 * ```ts
 * const { resultsCsv, votersCsv, downloadCsv, csvFileName } = await import('./csv.js');
 * downloadCsv(resultsCsv(this.localize, poll), csvFileName(poll, 'results'));
 * downloadCsv(votersCsv(this.localize, poll, votes), csvFileName(poll, 'voters'));
 * ```
 * `localize` is any `LocalizeController` (the poll's `PollsLocalize` is one): column names
 * follow the moderator's language; numbers stay plain (`0.4444`, ISO dates) so every
 * spreadsheet reads them as numbers whatever its locale.
 *
 * The text follows RFC 4180 (comma separated, CRLF line ends, fields with a comma, quote or line
 * break in double quotes, quotes doubled). It is safe to open in a spreadsheet: a text cell
 * starting with `=`, `+`, `-`, `@`, a tab or a carriage return would run as a formula there
 * (OWASP "CSV injection"), so such a cell starts with a `'`; numbers Plein writes itself are left
 * as they are. Option labels and voter names are user text, so this matters.
 */
import type { Ballot, Poll, PollOption, PollVote } from '../../adapters/contract.js';
import type { LocalizeController } from '../../core/localize.js';
import type { PollsRankedKey } from '../../i18n/polls-ranked.en.js';
import { rankedText } from './ranked-text.js';

export type CsvValue = string | number | null | undefined;

/** The column and row names, which take no parameters. */
type PlainCsvKey = Exclude<Extract<PollsRankedKey, `csv.${string}`>, 'csv.round'>;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One field: injection-safe text, quoted when it has to be; numbers as plain digits. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to RFC 4180 text, every line (the last too) ending in CRLF. */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

/** A share from 0 to 1 with four decimals, as a number a spreadsheet can format. */
const share = (count: number, of: number): number => (of > 0 ? Math.round((count / of) * 10_000) / 10_000 : 0);

/**
 * The poll's tally as the viewer sees it: per option (or per scale step) counts and shares, the
 * rounds of a ranked count, then the number of ballots and the winner, average or (a quiz,
 * which has no winner) share right.
 * A poll whose results are withheld from the viewer exports its ballot count only.
 */
export function resultsCsv(localize: LocalizeController, poll: Poll): string {
  const t = (key: PlainCsvKey) => rankedText(localize, key);
  const tally = poll.tally;
  if (!tally) return toCsv([[t('csv.total'), poll.ballotCount]]);
  const label = (value: string) => poll.options.find((option) => option.value === value)?.label ?? value;
  const rows: CsvValue[][] = [];

  if (poll.type === 'rating') {
    rows.push([t('csv.rating'), t('csv.votes'), t('csv.share')]);
    const steps = Object.keys(tally.counts).sort((a, b) => Number(a) - Number(b));
    for (const step of steps) rows.push([Number(step), tally.counts[step] ?? 0, share(tally.counts[step] ?? 0, tally.total)]);
  } else if (poll.type === 'ranked' && tally.rounds && tally.rounds.length > 0) {
    const rounds = tally.rounds;
    rows.push([t('csv.option'), t('csv.value'), ...rounds.map((_, index) => rankedText(localize, 'csv.round', { round: index + 1 })), t('csv.eliminated')]);
    for (const option of poll.options) {
      const out = rounds.findIndex((round) => round.eliminated.includes(option.value));
      rows.push([
        option.label,
        option.value,
        ...rounds.map((round) => (Object.hasOwn(round.counts, option.value) ? (round.counts[option.value] ?? 0) : null)),
        out < 0 ? null : out + 1,
      ]);
    }
    rows.push([t('csv.continuing'), null, ...rounds.map((round) => round.continuing), null]);
    rows.push([t('csv.exhausted'), null, ...rounds.map((round) => round.exhausted), null]);
  } else {
    const quiz = poll.type === 'quiz' && Array.isArray(poll.correct);
    const right = new Set(poll.correct ?? []);
    rows.push([t('csv.option'), t('csv.value'), t('csv.votes'), t('csv.share'), ...(quiz ? [t('csv.correct')] : [])]);
    for (const option of poll.options) {
      const count = tally.counts[option.value] ?? 0;
      rows.push([option.label, option.value, count, share(count, tally.total), ...(quiz ? [right.has(option.value) ? t('csv.yes') : t('csv.no')] : [])]);
    }
  }

  rows.push([]);
  rows.push([t('csv.total'), tally.total]);
  if (tally.average !== undefined) rows.push([t('csv.average'), Math.round(tally.average * 10_000) / 10_000]);
  if (tally.correctShare !== undefined && poll.type === 'quiz') rows.push([t('csv.correct-share'), share(tally.correctShare, 1)]);
  // A quiz's most-picked answer may be a wrong one: it has right answers, not a winner.
  if (tally.winner && poll.type !== 'quiz') rows.push([t('csv.winner'), label(tally.winner), tally.winner]);
  return toCsv(rows);
}

function describeBallot(ballot: Ballot, options: readonly PollOption[], type: Poll['type']): string | number {
  if ('rating' in ballot) return ballot.rating;
  const label = (value: string) => options.find((option) => option.value === value)?.label ?? value;
  // A ranking reads best first; a set of choices has no order.
  return ballot.choices.map(label).join(type === 'ranked' ? ' > ' : '; ');
}

/** Who voted what in a `public` poll (the votes as `listPollVotes` returns them, every page). */
export function votersCsv(localize: LocalizeController, poll: Poll, votes: readonly PollVote[]): string {
  const header = [
    rankedText(localize, 'csv.voter'),
    rankedText(localize, 'csv.voter-id'),
    rankedText(localize, poll.type === 'rating' ? 'csv.rating' : 'csv.choices'),
    rankedText(localize, 'csv.voted-at'),
  ];
  return toCsv([header, ...votes.map((vote) => [vote.voter.name, vote.voter.id, describeBallot(vote.ballot, poll.options, poll.type), vote.votedAt])]);
}

/** `next-meetup-results.csv`: the poll id kept to letters, digits, `-` and `_`. */
export function csvFileName(poll: Pick<Poll, 'id'>, kind: 'results' | 'voters'): string {
  const base = poll.id.replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '') || 'poll';
  return `${base}-${kind}.csv`;
}

/** How long the file's object URL lives: a slow "Save as" dialog still gets the file. */
const URL_LIFETIME = 40_000;

/**
 * Offers `csv` as a file download. A byte order mark goes first so spreadsheet programs read the
 * text as UTF-8 (accented names, emoji). The link is added to `root` (the document's body by
 * default) for the click, then removed; the object URL is released a little later.
 */
export function downloadCsv(csv: string, filename: string, root: Node = document.body): void {
  const blob = new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  root.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), URL_LIFETIME);
  }
}
