/**
 * The round-by-round result of a `ranked` poll's instant-runoff count: a real `<table>` with a
 * caption, a column per round and a row per option (counts and their share of that round's
 * continuing ballots), "eliminated" / "wins" / "tied" written out in the cell rather than shown
 * by colour, rows for continuing and exhausted ballots, and a sentence for every tie-break.
 * Options are listed by how far they got: the winner first, the first eliminated last.
 *
 * For `<plein-poll>` (load it lazily, only for ranked polls with a tally):
 * ```ts
 * const { renderRunoffTable, runoffSummary } = await import('./runoff-table.js');
 * renderRunoffTable({ options: poll.options, tally, lang: this.effectiveLang });
 * // For the poll's polite live region when results arrive or change:
 * runoffSummary(this.localize, poll.options, tally);
 * // "Round 1: Delft eliminated. Round 2: Utrecht wins with 5 of 9 continuing ballots."
 * ```
 * `runoffSummary` takes any `LocalizeController` (the poll's `PollsLocalize` is one). The same
 * summary is the first line the table element shows. Rounds come from the backend
 * (`PollTally.rounds`, counted by `src/domain/ranked-choice.ts`); nothing is recounted here.
 *
 * Strings are `runoff.*` in `src/i18n/polls-ranked.en.ts`. `renderRunoffTable` forwards the parts
 * below (`exportparts`), so a page styles them as `plein-poll::part(runoff-table)`.
 *
 * @csspart runoff-summary - The one-paragraph summary of the count.
 * @csspart runoff-table - The table.
 * @csspart runoff-eliminated - "eliminated" in the round an option left the race.
 * @csspart runoff-winner - "wins" in the last round.
 * @csspart runoff-notes - The tie-break and exhausted-ballot explanations.
 */
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import type { PollOption, PollRound, PollTally } from '../../adapters/contract.js';
import { LocalizeController } from '../../core/localize.js';
import { rankedText, textList } from './ranked-text.js';
import { srOnlyStyles } from '../../styles/utility.js';
import { runoffTableStyles } from './runoff-table.styles.js';

export interface RunoffTableProps {
  options: readonly PollOption[];
  tally: PollTally;
  lang?: string;
}

const labeller = (options: readonly PollOption[]) => {
  const labels = new Map(options.map((option) => [option.value, option.label]));
  return (value: string) => labels.get(value) ?? value;
};

/** Whether the count has anything to show: at least one round with a ballot in it. */
const counted = (tally: PollTally | null | undefined): tally is PollTally & { rounds: PollRound[] } =>
  !!tally && Array.isArray(tally.rounds) && tally.rounds.length > 0 && tally.total > 0;

/** The count told in sentences, one per round that eliminated or decided, for a live region. */
export function runoffSummary(localize: LocalizeController, options: readonly PollOption[], tally: PollTally | null): string {
  if (!counted(tally)) return rankedText(localize, 'runoff.no-ballots');
  const label = labeller(options);
  const rounds = tally.rounds;
  const sentences = rounds.map((round, index) => {
    const number = index + 1;
    if (round.eliminated.length > 0) {
      return rankedText(localize, 'runoff.summary-eliminated', { round: number, options: textList(localize, round.eliminated.map(label)) });
    }
    if (tally.winner) {
      return rankedText(localize, 'runoff.summary-wins', {
        round: number,
        option: label(tally.winner),
        votes: round.counts[tally.winner] ?? 0,
        count: round.continuing,
      });
    }
    if (tally.tied && tally.tied.length > 0) {
      return rankedText(localize, 'runoff.summary-tied', { round: number, options: textList(localize, tally.tied.map(label)) });
    }
    return rankedText(localize, 'runoff.summary-none', { round: number });
  });
  return sentences.join(' ');
}

/** The round (index) an option left the race, or the number of rounds for those that never did. */
function roundsLasted(value: string, rounds: readonly PollRound[]): number {
  const index = rounds.findIndex((round) => round.eliminated.includes(value));
  return index < 0 ? rounds.length : index;
}

/** Winner first, then by how long an option stayed in, then by its last count, then poll order. */
function rowOrder(options: readonly PollOption[], tally: PollTally, rounds: readonly PollRound[]): PollOption[] {
  const lastCount = (value: string) => {
    const index = Math.min(roundsLasted(value, rounds), rounds.length - 1);
    return rounds[index]?.counts[value] ?? 0;
  };
  return options
    .map((option, position) => ({ option, position }))
    .sort(
      (a, b) =>
        Number(b.option.value === tally.winner) - Number(a.option.value === tally.winner) ||
        roundsLasted(b.option.value, rounds) - roundsLasted(a.option.value, rounds) ||
        lastCount(b.option.value) - lastCount(a.option.value) ||
        a.position - b.position,
    )
    .map(({ option }) => option);
}

/** The sentence explaining one round's tie-break, naming every option that shared last place. */
function tieNote(localize: LocalizeController, round: PollRound, index: number, label: (value: string) => string): string | null {
  if (!round.tieBreak) return null;
  const number = index + 1;
  if (round.tieBreak === 'batch') {
    return rankedText(localize, 'runoff.tie-batch', { round: number, options: textList(localize, round.eliminated.map(label)) });
  }
  const out = round.eliminated[0] ?? '';
  const lowest = round.counts[out] ?? 0;
  const tied = Object.keys(round.counts).filter((value) => round.counts[value] === lowest);
  const params = { round: number, options: textList(localize, tied.map(label)), eliminated: label(out) };
  return round.tieBreak === 'earlier-round' ? rankedText(localize, 'runoff.tie-earlier-round', params) : rankedText(localize, 'runoff.tie-option-order', params);
}

let instances = 0;

/** Re-exported by `renderRunoffTable`, so `plein-poll::part(runoff-table)` reaches them. */
const RUNOFF_PARTS = 'runoff-summary, runoff-table, runoff-eliminated, runoff-winner, runoff-notes';

export class PleinRunoffTable extends LitElement {
  static override styles = [srOnlyStyles, runoffTableStyles];

  static override properties = { options: { attribute: false }, tally: { attribute: false } };

  options: readonly PollOption[] = [];
  tally: PollTally | null = null;

  readonly #localize = new LocalizeController(this);
  readonly #id = `prt${++instances}`;

  protected override render(): TemplateResult {
    const t = this.#localize;
    const tally = this.tally;
    const summary = html`<p part="runoff-summary" class="summary">${runoffSummary(t, this.options, tally)}</p>`;
    if (!counted(tally)) return summary;

    const rounds = tally.rounds;
    const label = labeller(this.options);
    const last = rounds.length - 1;
    const notes = rounds.map((round, index) => tieNote(t, round, index, label)).filter((note) => note !== null);
    const anyExhausted = rounds.some((round) => round.exhausted > 0);
    const percent = (share: number) => t.number(share, { style: 'percent', maximumFractionDigits: share > 0 && share < 0.01 ? 1 : 0 });

    const cell = (option: PollOption, round: PollRound, index: number) => {
      if (!Object.hasOwn(round.counts, option.value)) {
        return html`<td class="out"><span aria-hidden="true">—</span> <span class="sr-only">${rankedText(t, 'runoff.out')}</span></td>`;
      }
      const count = round.counts[option.value] ?? 0;
      const share = round.continuing > 0 ? count / round.continuing : 0;
      const eliminated = round.eliminated.includes(option.value);
      const wins = index === last && tally.winner === option.value;
      const tied = index === last && !tally.winner && (tally.tied ?? []).includes(option.value);
      const mark = eliminated
        ? html`<span part="runoff-eliminated" class="mark eliminated">${rankedText(t, round.tieBreak ? 'runoff.eliminated-tie' : 'runoff.eliminated')}</span>`
        : wins
          ? html`<span part="runoff-winner" class="mark winner">${rankedText(t, 'runoff.wins')}</span>`
          : tied
            ? html`<span class="mark tied">${rankedText(t, 'runoff.tied')}</span>`
            : nothing;
      return html`<td class=${eliminated ? 'is-eliminated' : wins ? 'is-winner' : ''}>
        <span class="count">${rankedText(t, 'runoff.votes', { count: t.number(count), share: percent(share) })}</span> ${mark}
      </td>`;
    };

    const describedBy = [anyExhausted ? `${this.#id}-exhausted` : '', notes.length > 0 ? `${this.#id}-notes` : ''].filter(Boolean).join(' ');
    return html`${summary}
      <p class="caption" aria-hidden="true">${rankedText(t, 'runoff.caption')}</p>
      <div class="scroller" tabindex="0" role="region" aria-labelledby="${this.#id}-caption">
        <table part="runoff-table" aria-describedby=${describedBy || nothing}>
          <caption class="sr-only" id="${this.#id}-caption">${rankedText(t, 'runoff.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">${rankedText(t, 'runoff.option')}</th>
              ${rounds.map((_, index) => html`<th scope="col">${rankedText(t, 'runoff.round', { round: index + 1 })}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${rowOrder(this.options, tally, rounds).map(
              (option) => html`<tr>
                <th scope="row">${option.label}</th>
                ${rounds.map((round, index) => cell(option, round, index))}
              </tr>`,
            )}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">${rankedText(t, 'runoff.continuing')}</th>
              ${rounds.map((round) => html`<td>${t.number(round.continuing)}</td>`)}
            </tr>
            <tr>
              <th scope="row">${rankedText(t, 'runoff.exhausted')}</th>
              ${rounds.map((round) => html`<td>${t.number(round.exhausted)}</td>`)}
            </tr>
          </tfoot>
        </table>
      </div>
      <div part="runoff-notes" class="notes">
        ${notes.length > 0 ? html`<ul id="${this.#id}-notes">${notes.map((note) => html`<li>${note}</li>`)}</ul>` : nothing}
        ${anyExhausted ? html`<p id="${this.#id}-exhausted">${rankedText(t, 'runoff.exhausted-help')}</p>` : nothing}
      </div>`;
  }
}

if (!customElements.get('plein-runoff-table')) customElements.define('plein-runoff-table', PleinRunoffTable);

declare global {
  interface HTMLElementTagNameMap {
    'plein-runoff-table': PleinRunoffTable;
  }
}

/** The table as a template, for the poll's render (see the module's JSDoc). */
export function renderRunoffTable(props: RunoffTableProps): TemplateResult {
  return html`<plein-runoff-table
    .options=${props.options}
    .tally=${props.tally}
    lang=${props.lang ?? nothing}
    exportparts=${RUNOFF_PARTS}
  ></plein-runoff-table>`;
}
