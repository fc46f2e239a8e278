import { html, nothing, type PropertyDeclarations } from 'lit';
import { LocalizeController } from '../../core/localize.js';
import { PleinElement } from '../../core/plein-element.js';
import { refreshDelay, sharedTicker } from './ticker.js';
import { timeStyles } from './time.styles.js';

/** Accepts what adapters hand out (ISO strings) and what code has at hand (Date, epoch ms). */
const dateConverter = {
  fromAttribute: (value: string | null) => value,
  toAttribute: (value: unknown) => (value instanceof Date ? value.toISOString() : value),
};

/**
 * @summary A moment shown relative to now ("3 minutes ago", "gisteren") that keeps itself current,
 * with the exact date and time in its tooltip and a machine-readable `datetime`.
 * @tag plein-time
 *
 * All instances share one timer that wakes as often as the freshest timestamp needs: every 10
 * seconds under a minute, every minute under an hour, then every 10 minutes, then hourly.
 *
 * @csspart base - The `<time>` element.
 * @cssprop --plein-time-color - Text colour (default: inherited).
 * @cssstate invalid - `date` is missing or not a date; nothing is shown.
 */
export class PleinTime extends PleinElement {
  static override styles = [PleinElement.styles, timeStyles];

  static override properties: PropertyDeclarations = { date: { converter: dateConverter } };

  /** The moment: an ISO 8601 string, a `Date` or epoch milliseconds. */
  date: string | number | Date | null = null;

  private readonly localize = new LocalizeController(this);
  #unsubscribe: (() => void) | null = null;

  /** The moment as a Date, or `null` when `date` is missing or invalid. */
  get value(): Date | null {
    if (this.date === null || this.date === '') return null;
    const value = new Date(this.date);
    return Number.isNaN(value.getTime()) ? null : value;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A first connection schedules in willUpdate; this resumes after a move in the DOM.
    if (this.hasUpdated) this.#schedule();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#unsubscribe = null;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    if (changed.has('date') && this.isConnected) this.#schedule();
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    super.updated(changed);
    this.setCustomState('invalid', this.value === null);
  }

  protected override render() {
    const value = this.value;
    if (!value) return nothing;
    return html`<time part="base" class="base" datetime=${value.toISOString()} title=${this.localize.dateTime(value, { dateStyle: 'full', timeStyle: 'short' })}
      >${this.localize.relativeTime(value)}</time
    >`;
  }

  #schedule(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    const value = this.value;
    if (!value) return;
    const delay = () => refreshDelay(Date.now() - value.getTime());
    this.#unsubscribe = sharedTicker.subscribe(() => {
      this.requestUpdate();
      return delay();
    }, delay());
  }
}
