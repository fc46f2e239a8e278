/**
 * Realtime over the store's journal.
 *
 * `publish` appends to the journal, then the pump delivers everything new from the journal to
 * this instance's hub, in id order. On PostgreSQL every append also NOTIFYs (on commit) with
 * the event id, and each instance LISTENs on a dedicated connection and wakes its own pump, so a
 * subscriber on instance B hears what instance A published. On SQLite one process owns the
 * file, so the local pump is all there is.
 *
 * SSE resume: `resume()` replays what a client missed after its `Last-Event-ID` and continues
 * live with no gap and no repeat; `complete: false` says the journal no longer holds all of it
 * (pruned, or an id this journal never issued) and the client should reload.
 */
import type { PleinStore, StoredEvent } from '../store/types.js';
import { RealtimeHub, type EventListener, type Unsubscribe } from './hub.js';
import { keepListening, type ListenerOptions, type Listening } from './listener.js';
import { JournalPump } from './pump.js';

export interface RealtimeOptions {
  /** Events are kept for `maxAgeMs` and at most `maxEvents` (default 24 h and 100,000). */
  retention?: { maxAgeMs: number; maxEvents: number };
  /** How often to prune the journal; default 10 minutes, 0 turns it off. */
  pruneIntervalMs?: number;
  /** Most events one replay returns when the caller names no limit; default 1,000. More means `complete: false`. */
  replayLimit?: number;
  /** Hears failures that have no caller to reject: a listener that threw, a lost LISTEN connection, a failed read. */
  onError?: (error: unknown) => void;
  listener?: ListenerOptions;
}

export interface Replay {
  events: StoredEvent[];
  /** All events after the given id are in `events`. */
  complete: boolean;
}

export interface Realtime {
  readonly hub: RealtimeHub;
  /** Resolves once the instance delivers live events (LISTEN is up); await it before serving. */
  readonly ready: Promise<void>;
  publish(siteId: string, topic: string, payload: unknown): Promise<StoredEvent>;
  /** Delivers events appended through the store directly (e.g. inside a transaction), after commit. */
  flush(): Promise<void>;
  subscribe(siteId: string, topics: readonly string[], listener: EventListener): Unsubscribe;
  /** The events of `siteId` on `topics` after `lastEventId`, oldest first. */
  replay(siteId: string, topics: readonly string[], lastEventId: number, limit?: number): Promise<Replay>;
  /** Replay (at most `limit` events), then live delivery, in id order with nothing missed or repeated in between. */
  resume(
    siteId: string,
    topics: readonly string[],
    lastEventId: number,
    listener: EventListener,
    limit?: number,
  ): Promise<{ complete: boolean; unsubscribe: Unsubscribe }>;
  /** Applies the retention now; returns how many events were dropped. */
  prune(now?: number): Promise<number>;
  /** Stops listening, delivering and pruning; the store stays open (its owner closes it). */
  close(): Promise<void>;
}

const DAY = 24 * 60 * 60 * 1000;

export function createRealtime(store: PleinStore, options: RealtimeOptions = {}): Realtime {
  const retention = options.retention ?? { maxAgeMs: DAY, maxEvents: 100_000 };
  const replayLimit = options.replayLimit ?? 1000;
  const onError = options.onError ?? (() => undefined);
  const hub = new RealtimeHub({ onError });
  let pump: JournalPump | null = null;
  let listening: Listening | null = null;

  const wake = () => pump?.wake().catch(onError);

  const ready = (async () => {
    if (store.notifications) {
      listening = keepListening(
        store.notifications,
        (payload) => {
          const id = Number(payload);
          if (pump && !(Number.isFinite(id) && id <= pump.last)) void wake();
        },
        () => void wake(),
        { ...options.listener, onError },
      );
      await listening.ready;
    }
    // Read after LISTEN is up: anything committed later is either above this id or notified.
    const { last } = await store.journalBounds();
    pump = new JournalPump(store, last, (event) => hub.publish(event));
  })();
  // Callers see the failure where they await `ready`; an unawaited failure must not crash the process.
  ready.catch(onError);

  const interval = options.pruneIntervalMs ?? 10 * 60 * 1000;
  const timer = interval > 0 ? setInterval(() => void realtime.prune().catch(onError), interval) : null;
  timer?.unref();

  const replay: Realtime['replay'] = async (siteId, topics, lastEventId, limit = replayLimit) => {
    const events = await store.eventsSince(siteId, [...topics], lastEventId, limit + 1);
    // Bounds after the read: if nothing above lastEventId was pruned by now, nothing was before.
    const bounds = await store.journalBounds();
    const kept = lastEventId <= bounds.last && (bounds.first === null || lastEventId >= bounds.first - 1);
    return { events: events.slice(0, limit), complete: kept && events.length <= limit };
  };

  const realtime: Realtime = {
    hub,
    ready,
    async publish(siteId, topic, payload) {
      await ready;
      const event = await store.appendEvent({ siteId, topic, payload });
      await wake();
      return event;
    },
    async flush() {
      await ready;
      await wake();
    },
    subscribe: (siteId, topics, listener) => hub.subscribe(siteId, topics, listener),
    replay,
    async resume(siteId, topics, lastEventId, listener, limit) {
      await ready;
      let buffer: StoredEvent[] | null = [];
      let last = lastEventId;
      const deliver = (event: StoredEvent) => {
        if (event.id <= last) return;
        last = event.id;
        listener(event);
      };
      // Subscribe first: an event committed after the replay's read reaches the buffer; one
      // delivered before subscribing was committed before the read and is in the replay.
      const unsubscribe = hub.subscribe(siteId, topics, (event) => (buffer ? buffer.push(event) : deliver(event)));
      try {
        const { events, complete } = await replay(siteId, topics, lastEventId, limit);
        for (const event of events) deliver(event);
        const pending = buffer;
        buffer = null;
        for (const event of pending) deliver(event);
        return { complete, unsubscribe };
      } catch (error) {
        unsubscribe();
        throw error;
      }
    },
    async prune(now = Date.now()) {
      return store.pruneEvents(new Date(now - retention.maxAgeMs).toISOString(), retention.maxEvents);
    },
    async close() {
      if (timer) clearInterval(timer);
      await ready.catch(() => undefined);
      await listening?.close();
      // The store may be closed next: no read of it may still be on its way.
      await pump?.stop();
    },
  };
  return realtime;
}
