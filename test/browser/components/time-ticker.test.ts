import { expect } from '@open-wc/testing';
import { refreshDelay, Ticker, type TickerClock } from '../../../src/components/time/ticker.js';

/** A clock that only moves when told, recording every timeout the ticker asks for. */
class FakeClock implements TickerClock {
  time = 0;
  timers = new Map<number, { at: number; callback: () => void }>();
  scheduledCount = 0;
  #nextId = 1;

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.#nextId++;
    this.timers.set(id, { at: this.time + ms, callback });
    this.scheduledCount += 1;
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const next = [...this.timers.entries()].sort((a, b) => a[1].at - b[1].at)[0];
      if (!next || next[1].at > end) break;
      this.timers.delete(next[0]);
      this.time = next[1].at;
      next[1].callback();
    }
    this.time = end;
  }
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

describe('time ticker', () => {
  it('refreshes often while a timestamp is fresh and rarely once it is old', () => {
    expect(refreshDelay(5 * SECOND)).to.equal(10 * SECOND);
    expect(refreshDelay(-5 * SECOND), 'future timestamps count the same').to.equal(10 * SECOND);
    expect(refreshDelay(5 * MINUTE)).to.equal(MINUTE);
    expect(refreshDelay(5 * HOUR)).to.equal(10 * MINUTE);
    expect(refreshDelay(5 * 24 * HOUR)).to.equal(HOUR);
  });

  it('keeps a single pending timeout for any number of subscribers', () => {
    const clock = new FakeClock();
    const ticker = new Ticker(clock);
    const stops = Array.from({ length: 50 }, (_, i) => ticker.subscribe(() => MINUTE, (i + 1) * SECOND));
    expect(clock.timers.size).to.equal(1);
    expect(ticker.size).to.equal(50);
    clock.advance(10 * MINUTE);
    expect(clock.timers.size).to.equal(1);
    for (const stop of stops) stop();
    expect(clock.timers.size).to.equal(0);
    expect(ticker.scheduled).to.equal(false);
  });

  it('calls each subscriber at the pace it asks for', () => {
    const clock = new FakeClock();
    const ticker = new Ticker(clock);
    const fresh: number[] = [];
    const old: number[] = [];
    ticker.subscribe(() => {
      fresh.push(clock.now());
      return 10 * SECOND;
    }, 10 * SECOND);
    ticker.subscribe(() => {
      old.push(clock.now());
      return HOUR;
    }, HOUR);
    clock.advance(HOUR);
    expect(fresh.length).to.equal(360);
    expect(old).to.deep.equal([HOUR]);
  });

  it('wakes once for refreshes that fall due within a second of each other', () => {
    const clock = new FakeClock();
    const ticker = new Ticker(clock);
    const calls: string[] = [];
    ticker.subscribe(() => (calls.push('a'), MINUTE), 10_000);
    ticker.subscribe(() => (calls.push('b'), MINUTE), 10_400);
    const before = clock.scheduledCount;
    clock.advance(10_000);
    expect(calls).to.deep.equal(['a', 'b']);
    expect(clock.scheduledCount - before, 'one new timeout for the next round').to.equal(1);
  });

  it('stops calling a subscriber once it unsubscribes, also from inside a refresh', () => {
    const clock = new FakeClock();
    const ticker = new Ticker(clock);
    let calls = 0;
    const stop = ticker.subscribe(() => {
      calls += 1;
      stop();
      return SECOND;
    }, SECOND);
    clock.advance(MINUTE);
    expect(calls).to.equal(1);
    expect(ticker.size).to.equal(0);
    expect(clock.timers.size).to.equal(0);
  });

  it('brings an earlier timeout forward when a fresher subscriber arrives', () => {
    const clock = new FakeClock();
    const ticker = new Ticker(clock);
    let called = false;
    ticker.subscribe(() => HOUR, HOUR);
    ticker.subscribe(() => ((called = true), SECOND), 10 * SECOND);
    expect(clock.timers.size).to.equal(1);
    clock.advance(10 * SECOND);
    expect(called).to.equal(true);
  });

  it('refreshes everyone at once on request', () => {
    const clock = new FakeClock();
    const ticker = new Ticker(clock);
    let calls = 0;
    ticker.subscribe(() => (calls += 1, HOUR), HOUR);
    ticker.subscribe(() => (calls += 1, HOUR), 2 * HOUR);
    ticker.refreshAll();
    expect(calls).to.equal(2);
  });
});
