/**
 * What only some polls show, in a chunk of its own: a quiz's verdict and right answers, a
 * rating's average and distribution, and the countdown of a poll with a closing time.
 * `<plein-poll>` starts loading it as soon as it knows the poll may need it (from its attributes,
 * or at once for a poll by reference), beside the poll's first read, so it is there when the
 * poll is.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Ballot, Poll, PollTally } from '../../adapters/contract.js';
import { DEFAULT_RATING_SCALE } from '../../domain/rating-scale.js';
import { countdownText } from './countdown-text.js';
import { extrasText as text } from './extras-text.js';
export { extrasStyles as styles } from './extras.styles.js';
import type { PollsLocalize } from './localize.js';
// Types only: the bars are the element's own lazily loaded part, which it passes to `ratingResults`
// once both parts are here, so the two chunks never wait on each other.
import type { ResultRow, resultBars } from './results.js';

const sameSet = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((value) => b.includes(value));

/** A quiz's right/wrong line (when the ballot is known), the explanation and the share who got it right. */
export function verdict(t: PollsLocalize, poll: Poll, correct: readonly string[], mine: Ballot | null): TemplateResult {
  const right = mine && 'choices' in mine ? sameSet(mine.choices, correct) : null;
  const share = poll.tally?.correctShare;
  return html`<div part="verdict" class="verdict">
    ${right === null ? nothing : html`<p class=${right ? 'right' : 'wrong'}><strong>${right ? text(t, 'quiz.right') : text(t, 'quiz.wrong')}</strong></p>`}
    ${poll.explanation ? html`<p><strong>${text(t, 'quiz.explanation')}:</strong> ${poll.explanation}</p>` : nothing}
    ${share === undefined ? nothing : html`<p>${text(t, 'quiz.share', { percent: t.percent(share) })}</p>`}
  </div>`;
}

/**
 * Once a quiz reveals its right answers: per option, its parts (`option-correct`, or
 * `option-wrong` for a wrong one the voter chose) and the " (correct answer)" mark after a right
 * answer's label.
 */
export function reveal(correct: readonly string[], t: PollsLocalize) {
  return (value: string, chosen: boolean): [string, TemplateResult | typeof nothing] =>
    correct.includes(value)
      ? ['option option-correct', html` <span class="mark">(${text(t, 'quiz.correct')})</span>`]
      : [chosen ? 'option option-wrong' : 'option', nothing];
}

/** Rows for a rating's distribution: one per scale step, lowest first. */
export function ratingRows(t: PollsLocalize, tally: PollTally, mine: number | null): ResultRow[] {
  return Object.keys(tally.counts)
    .map((key) => ({ key, value: Number(key) }))
    .sort((a, b) => a.value - b.value)
    .map(({ key, value }) => ({ key, label: t.number(value), count: tally.counts[key] ?? 0, mine: mine !== null && Math.abs(mine - value) < 1e-9 }));
}

/** A rating's average on its scale, then how many gave each rating, drawn by the poll's own `bars`. */
export function ratingResults(t: PollsLocalize, poll: Poll, tally: PollTally, mine: Ballot | null, bars: typeof resultBars): TemplateResult {
  const scale = poll.scale ?? DEFAULT_RATING_SCALE;
  const rating = mine && 'rating' in mine ? mine.rating : null;
  return html`${tally.average === undefined
      ? nothing
      : html`<p part="average" class="average">
          ${text(t, 'average', { average: t.number(tally.average, { maximumFractionDigits: 1 }), min: t.number(scale.min), max: t.number(scale.max) })}
        </p>`}
    ${bars(t, ratingRows(t, tally, rating), tally.total, text(t, 'distribution'))}`;
}

/** "Closes in 3 days", with the full date and time as its title. */
export function countdown(t: PollsLocalize, closesAt: string, now: number): TemplateResult {
  return html`<p part="countdown" class="muted">
    <time datetime=${closesAt} title=${text(t, 'closes-at', { date: t.dateTime(closesAt, { dateStyle: 'full', timeStyle: 'short' }) })}
      >${text(t, 'closes-in', { time: countdownText(t, Date.parse(closesAt) - now) })}</time
    >
  </p>`;
}
