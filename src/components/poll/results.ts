import { html, nothing, type TemplateResult } from 'lit';
import type { Ballot, Poll, PollTally } from '../../adapters/contract.js';
import type * as Extras from './extras.js';
import type { PollsLocalize } from './localize.js';
import { resultsText as text } from './results-text.js';
export { resultsStyles as styles } from './results.styles.js';

export interface ResultRow {
  key: string;
  label: string;
  count: number;
  /** The viewer's own choice (or rating). */
  mine: boolean;
}

/**
 * One bar per row: the label, then the percentage and count as text, then a bar drawn from the
 * same share and hidden from assistive technology (the text already says it). The bar's length
 * carries the number, never its colour alone.
 */
export function resultBars(t: PollsLocalize, rows: readonly ResultRow[], total: number, label: string): TemplateResult {
  return html`<ul part="results" class="results" aria-label=${label}>
    ${rows.map((row) => {
      const share = total > 0 ? row.count / total : 0;
      const percent = t.percent(share);
      return html`<li part=${row.mine ? 'result result-mine' : 'result'} class="result">
        <span part="result-label" class="result-label"
          >${row.label}${row.mine ? html` <span class="mine">(${text(t, 'your-choice')})</span>` : nothing}</span
        >
        <span part="result-value" class="result-value">${text(t, 'option-result', { percent, count: row.count })}</span>
        <span part="bar" class="bar" aria-hidden="true"><span class="fill" style=${`inline-size:${(share * 100).toFixed(2)}%`}></span></span>
      </li>`;
    })}
  </ul>`;
}

/** Rows for the choice types (`single`, `multiple`, `quiz`, and `ranked` first preferences): every option, in the poll's order. */
export function optionRows(poll: Poll, tally: PollTally, mine: ReadonlySet<string>): ResultRow[] {
  return poll.options.map((option) => ({
    key: option.value,
    label: option.label,
    count: tally.counts[option.value] ?? 0,
    mine: mine.has(option.value),
  }));
}

/** "Leading: Utrecht" while open, "Result: Utrecht" once closed, or the tie. */
export function leaderLine(t: PollsLocalize, poll: Poll, tally: PollTally, closed: boolean): TemplateResult | typeof nothing {
  if (tally.total === 0 || tally.winner === undefined) return nothing;
  if (tally.winner === null) return html`<p part="winner" class="winner">${text(t, 'tie')}</p>`;
  const label = poll.options.find((option) => option.value === tally.winner)?.label ?? tally.winner;
  return html`<p part="winner" class="winner">${closed ? text(t, 'winner', { label }) : text(t, 'leading', { label })}</p>`;
}

/**
 * What follows the number of votes once the bars are here: a bar per option, or a rating's average
 * and distribution (drawn by `extras` with these bars, once that part is here too), unless `rows`
 * is false because another view counts them (a ranked poll's runoff table); then who leads,
 * except in a rating or a quiz.
 */
export function tallyView(
  t: PollsLocalize,
  poll: Poll,
  tally: PollTally,
  mine: Ballot | null,
  closed: boolean,
  extras: typeof Extras | undefined,
  rows: boolean,
): TemplateResult {
  const rating = poll.type === 'rating';
  const chosen = new Set(mine && 'choices' in mine ? mine.choices : []);
  return html`${!rows
    ? nothing
    : rating
      ? (extras?.ratingResults(t, poll, tally, mine, resultBars) ?? nothing)
      : resultBars(t, optionRows(poll, tally, chosen), tally.total, t.t('results'))}
  ${rating || poll.type === 'quiz' ? nothing : leaderLine(t, poll, tally, closed)}`;
}
