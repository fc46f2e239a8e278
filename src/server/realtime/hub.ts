/**
 * In-process fan-out. Subscriptions are indexed by (site, topic), so publishing costs one map
 * lookup plus one call per subscriber of that topic, however many other topics are watched.
 */
import type { StoredEvent } from '../store/types.js';

export type EventListener = (event: StoredEvent) => void;
export type Unsubscribe = () => void;

interface Subscription {
  listener: EventListener;
}

// A separator no topic or site id contains (the domain refuses control characters in thread ids).
const keyOf = (siteId: string, topic: string) => `${siteId}\u0000${topic}`;

export class RealtimeHub {
  readonly #topics = new Map<string, Set<Subscription>>();
  readonly #onError: (error: unknown, event: StoredEvent) => void;

  /** `onError` hears listeners that throw; the others still get the event. */
  constructor(options: { onError?: (error: unknown, event: StoredEvent) => void } = {}) {
    this.#onError = options.onError ?? (() => undefined);
  }

  /** Calls `listener` for each event of `siteId` on any of `topics` until unsubscribed. */
  subscribe(siteId: string, topics: readonly string[], listener: EventListener): Unsubscribe {
    const subscription: Subscription = { listener };
    const keys = [...new Set(topics)].map((topic) => keyOf(siteId, topic));
    for (const key of keys) {
      let set = this.#topics.get(key);
      if (!set) this.#topics.set(key, (set = new Set()));
      set.add(subscription);
    }
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      for (const key of keys) {
        const set = this.#topics.get(key);
        if (!set) continue;
        set.delete(subscription);
        if (set.size === 0) this.#topics.delete(key);
      }
    };
  }

  /** Delivers `event` to its topic's subscribers now; returns how many there were. */
  publish(event: StoredEvent): number {
    const set = this.#topics.get(keyOf(event.siteId, event.topic));
    if (!set) return 0;
    // A copy: a listener that subscribes while being called must not get this event, which
    // would reach it twice once its own replay catches up.
    const subscriptions = [...set];
    for (const { listener } of subscriptions) {
      try {
        listener(event);
      } catch (error) {
        this.#onError(error, event);
      }
    }
    return subscriptions.length;
  }

  /** Subscribers on one topic, or on every topic of every site. */
  count(siteId?: string, topic?: string): number {
    if (siteId !== undefined && topic !== undefined) return this.#topics.get(keyOf(siteId, topic))?.size ?? 0;
    const all = new Set<Subscription>();
    for (const set of this.#topics.values()) for (const subscription of set) all.add(subscription);
    return all.size;
  }
}
