/**
 * Reads the journal after the last delivered id and hands each event to the hub, in id order.
 * Every instance delivers from the journal (not from what it appended itself), so the order is
 * the same everywhere and an event is delivered once, whichever instance appended it.
 *
 * Wake-ups coalesce: many publishes or NOTIFYs while a read is running cause one more read,
 * and each `wake()` resolves after a read that started after it.
 */
import type { PleinStore, StoredEvent } from '../store/types.js';

const BATCH = 500;

export class JournalPump {
  #last: number;
  #running: Promise<void> | null = null;
  #queued: Promise<void> | null = null;
  #stopped = false;
  readonly #store: PleinStore;
  readonly #deliver: (event: StoredEvent) => void;

  constructor(store: PleinStore, startAfter: number, deliver: (event: StoredEvent) => void) {
    this.#store = store;
    this.#last = startAfter;
    this.#deliver = deliver;
  }

  /** The id of the last event delivered. */
  get last(): number {
    return this.#last;
  }

  wake(): Promise<void> {
    if (this.#stopped) return Promise.resolve();
    if (this.#queued) return this.#queued;
    const previous = this.#running;
    const queued = (async () => {
      await previous?.catch(() => undefined);
      this.#queued = null;
      const run = this.#drain();
      this.#running = run;
      try {
        await run;
      } finally {
        if (this.#running === run) this.#running = null;
      }
    })();
    this.#queued = queued;
    return queued;
  }

  /** Stops waking up; resolves when the read in progress, if any, is over. */
  async stop(): Promise<void> {
    this.#stopped = true;
    await this.#queued?.catch(() => undefined);
    await this.#running?.catch(() => undefined);
  }

  async #drain(): Promise<void> {
    for (;;) {
      if (this.#stopped) return;
      const events = await this.#store.eventsAfter(this.#last, BATCH);
      for (const event of events) {
        this.#last = event.id;
        this.#deliver(event);
      }
      if (events.length < BATCH) return;
    }
  }
}
