import type { RealtimeEvent, Unsubscribe } from '../contract.js';

type Listener = (event: RealtimeEvent) => void;

/**
 * One adapter instance's realtime listeners, by topic. A listener that throws is reported and
 * skipped: it must not keep the others from hearing the event, nor fail the call that caused it.
 */
export class Listeners {
  #byTopic = new Map<string, Set<{ listener: Listener }>>();

  add(topic: string, listener: Listener): Unsubscribe {
    // Wrapped, so the same function subscribed twice is two subscriptions, each undone once.
    const entry = { listener };
    let set = this.#byTopic.get(topic);
    if (!set) this.#byTopic.set(topic, (set = new Set()));
    set.add(entry);
    return () => {
      set.delete(entry);
      if (set.size === 0 && this.#byTopic.get(topic) === set) this.#byTopic.delete(topic);
    };
  }

  has(topic: string): boolean {
    return this.#byTopic.has(topic);
  }

  deliver(topic: string, event: RealtimeEvent): void {
    for (const { listener } of [...(this.#byTopic.get(topic) ?? [])]) {
      try {
        listener(event);
      } catch (error) {
        console.error(`[plein/memory] a listener for "${topic}" threw; other listeners still get the event.`, error);
      }
    }
  }

  clear(): void {
    this.#byTopic.clear();
  }
}
