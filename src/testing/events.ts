import type { PleinAdapter, RealtimeEvent, Unsubscribe } from '../adapters/contract.js';
import { fail, show } from './assert.js';

export interface Recording {
  readonly events: RealtimeEvent[];
  /** The first event (already received or still to come) that matches; fails after `ms`. */
  next(matches: (event: RealtimeEvent) => boolean, ms: number, what: string): Promise<RealtimeEvent>;
  unsubscribe: Unsubscribe;
}

/** Subscribes to `topic` and keeps what arrives. */
export function record(adapter: PleinAdapter, topic: string): Recording {
  if (typeof adapter.subscribe !== 'function') fail('The adapter declares realtime but has no subscribe method.');
  const events: RealtimeEvent[] = [];
  const waiters = new Set<() => void>();
  const unsubscribe = adapter.subscribe(topic, (event) => {
    events.push(event);
    for (const wake of [...waiters]) wake();
  });
  if (typeof unsubscribe !== 'function') fail(`subscribe("${topic}") should return an unsubscribe function, got ${show(unsubscribe)}.`);

  return {
    events,
    unsubscribe,
    next(matches, ms, what) {
      const found = events.find(matches);
      if (found) return Promise.resolve(found);
      return new Promise<RealtimeEvent>((resolve, reject) => {
        const wake = () => {
          const event = events.find(matches);
          if (!event) return;
          cleanup();
          resolve(event);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`No ${what} arrived on "${topic}" within ${ms} ms; received ${show(events)}.`));
        }, ms);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(wake);
        };
        waiters.add(wake);
      }).catch((error: Error) => fail(error.message));
    },
  };
}
