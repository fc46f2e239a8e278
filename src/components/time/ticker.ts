/**
 * One timer for every `<plein-time>` on the page.
 *
 * Each subscriber says when it next needs a refresh; the ticker keeps a single pending timeout for
 * the earliest of those and refreshes every subscriber that is due (or nearly due, so refreshes that
 * would land a moment apart share one wake-up). A page with a hundred timestamps wakes up as often
 * as its freshest timestamp needs, not a hundred times.
 */

/** Called when due; returns the milliseconds until it wants the next refresh. */
export type Refresh = () => number;

export interface TickerClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const browserClock: TickerClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

/** Refreshes due within this window run together with the one that woke the ticker. */
const COALESCE_MS = 1000;

export class Ticker {
  readonly #clock: TickerClock;
  readonly #due = new Map<Refresh, number>();
  #handle: unknown = null;
  #handleDue = Infinity;

  constructor(clock: TickerClock = browserClock) {
    this.#clock = clock;
  }

  /** Subscribers currently waiting for a refresh. */
  get size(): number {
    return this.#due.size;
  }

  /** Whether a timeout is pending; there is never more than one. */
  get scheduled(): boolean {
    return this.#handle !== null;
  }

  /** Calls `refresh` after `delay` ms, then after whatever delay it returns, until unsubscribed. */
  subscribe(refresh: Refresh, delay: number): () => void {
    if (this.#due.size === 0) this.#watchVisibility(true);
    this.#due.set(refresh, this.#clock.now() + delay);
    this.#schedule();
    return () => {
      if (!this.#due.delete(refresh)) return;
      if (this.#due.size === 0) this.#watchVisibility(false);
      this.#schedule();
    };
  }

  /** Refreshes every subscriber now, whether due or not. */
  refreshAll(): void {
    const now = this.#clock.now();
    for (const refresh of [...this.#due.keys()]) this.#run(refresh, now);
    this.#schedule();
  }

  /** A refresh may unsubscribe itself or others: skip the gone, and never re-add them. */
  #run(refresh: Refresh, now: number): void {
    if (!this.#due.has(refresh)) return;
    const delay = refresh();
    if (this.#due.has(refresh)) this.#due.set(refresh, now + Math.max(COALESCE_MS, delay));
  }

  // Browsers throttle timers in background tabs to once a minute or less; a tab brought back after
  // an hour would show "2 minutes ago" until the next wake-up.
  readonly #onVisibilityChange = (): void => {
    if (document.visibilityState === 'visible') this.refreshAll();
  };

  #watchVisibility(on: boolean): void {
    if (typeof document === 'undefined') return;
    if (on) document.addEventListener('visibilitychange', this.#onVisibilityChange);
    else document.removeEventListener('visibilitychange', this.#onVisibilityChange);
  }

  #schedule(): void {
    let next = Infinity;
    for (const due of this.#due.values()) next = Math.min(next, due);
    if (next === this.#handleDue) return;
    if (this.#handle !== null) this.#clock.clearTimeout(this.#handle);
    this.#handle = null;
    this.#handleDue = next;
    if (next === Infinity) return;
    this.#handle = this.#clock.setTimeout(() => this.#fire(), Math.max(0, next - this.#clock.now()));
  }

  #fire(): void {
    this.#handle = null;
    this.#handleDue = Infinity;
    const now = this.#clock.now();
    for (const [refresh, due] of [...this.#due]) {
      if (due > now + COALESCE_MS) continue;
      this.#run(refresh, now);
    }
    this.#schedule();
  }
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How soon a timestamp `ageMs` away from now needs its relative text refreshed: every 10 s while it
 * may turn from "just now" into minutes, every minute while it counts minutes, every 10 minutes
 * while it counts hours, hourly once it counts days or more. The text is never more than one step
 * behind and a page of old comments wakes up once an hour.
 */
export function refreshDelay(ageMs: number): number {
  const age = Math.abs(ageMs);
  if (age < MINUTE) return 10 * SECOND;
  if (age < HOUR) return MINUTE;
  if (age < DAY) return 10 * MINUTE;
  return HOUR;
}

/** The ticker all `<plein-time>` elements share. */
export const sharedTicker = new Ticker();
