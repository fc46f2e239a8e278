/**
 * One Server-Sent Events stream: the journal entries of the requested topics, shaped for the
 * viewer, one SSE message per entry (`id:` the journal id, `data:` `{ topic, events }`), a
 * comment line as heartbeat, and resume after `Last-Event-ID` through `realtime.resume` (replay,
 * then live, nothing missed or repeated). Entries that hold nothing for this viewer send
 * nothing, so a viewer never learns that something they may not see happened.
 */
import type { Actor } from '../../domain/roles.js';
import type { RealtimeEvent } from '../../adapters/contract.js';
import { classOf, concernsReactor, eventsFor } from '../comments/changes.js';
import type { Realtime } from '../realtime/index.js';
import type { StoredEvent } from '../store/types.js';

export interface StreamOptions {
  realtime: Realtime;
  siteId: string;
  topics: readonly string[];
  /** Resume after this journal id; `null` starts with what happens from now on. */
  lastEventId: number | null;
  actor: Actor;
  heartbeatMs: number;
  retryMs: number;
  /** Events replayed at most after `lastEventId`; beyond it the client is told to reload (`event: reset`). */
  replayLimit?: number;
  /** When the viewer's token expires (epoch ms, by `now`): the stream ends then, and the client reconnects with a fresh one. */
  expiresAt?: number | null;
  now?: () => number;
  /** The newest journal id, told to a client whose resume point is gone (with `event: reset`). */
  newestId: () => Promise<number>;
  onClose?: () => void;
  /**
   * Shapes entries that need the store for this viewer (polls: whether they voted); `null` for
   * entries `eventsFor` shapes. Entries still go out in journal order.
   */
  shape?: (event: StoredEvent) => Promise<RealtimeEvent[]> | null;
}

/** A stream's handle for the server: end it (on shutdown) with a reconnection hint. */
export interface OpenStream {
  end(retryMs: number): void;
}

/**
 * Bytes a client that does not read may leave waiting before its stream is ended (it reconnects
 * with Last-Event-ID and resumes). Counted in bytes, not chunks: a few thousand chunks of long
 * comments are tens of megabytes per stream, and a few such streams could exhaust the server.
 */
export const MAX_QUEUED_BYTES = 2 ** 20;
const encoder = new TextEncoder();
/** Reconnection delay after the token expired: the client only needs a fresh token. */
const EXPIRED_RETRY_MS = 100;
/** setTimeout's limit (about 24.8 days); a token valid longer is cut off there, which only costs a reconnect. */
const MAX_TIMER_MS = 2 ** 31 - 1;

// Fan-out: every subscriber of one class gets the same text, serialised once per journal entry.
const serialised = new WeakMap<StoredEvent, Map<string, string | null>>();

function dataFor(event: StoredEvent, actor: Actor): string | null {
  const payload = event.payload as Parameters<typeof classOf>[0];
  const viewerId = actor.kind === 'anonymous' ? null : actor.id;
  const shared = payload && typeof payload === 'object' && !concernsReactor(payload, viewerId);
  const key = shared ? classOf(payload, actor) : null;
  if (key !== null) {
    const cached = serialised.get(event)?.get(key);
    if (cached !== undefined) return cached;
  }
  const events: RealtimeEvent[] = eventsFor(event.payload, actor);
  const data = events.length === 0 ? null : JSON.stringify({ topic: event.topic, events });
  if (key !== null) {
    let perClass = serialised.get(event);
    if (!perClass) serialised.set(event, (perClass = new Map()));
    perClass.set(key, data);
  }
  return data;
}

export function openEventStream(options: StreamOptions): { body: ReadableStream<Uint8Array>; handle: OpenStream } {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let closed = false;
  let unsubscribe: (() => void) | null = null;
  let heartbeat: NodeJS.Timeout | null = null;
  let expiry: NodeJS.Timeout | null = null;

  const cleanup = () => {
    if (closed) return;
    closed = true;
    if (heartbeat) clearInterval(heartbeat);
    if (expiry) clearTimeout(expiry);
    unsubscribe?.();
    unsubscribe = null;
    options.onClose?.();
  };
  const write = (text: string) => {
    if (closed) return;
    const chunk = encoder.encode(text);
    // The queuing strategy counts bytes from a high-water mark of 0, so desiredSize is minus the bytes waiting.
    const waiting = -(controller.desiredSize ?? 0);
    // A single entry larger than the cap still goes out to a client that has read everything.
    if (waiting > 0 && waiting + chunk.byteLength > MAX_QUEUED_BYTES) {
      end(options.retryMs);
      return;
    }
    controller.enqueue(chunk);
  };
  const end = (retryMs: number) => {
    if (closed) return;
    controller.enqueue(encoder.encode(`retry: ${retryMs}\n\n`));
    cleanup();
    controller.close();
  };
  const send = (event: StoredEvent, data: string | null) => {
    if (data !== null) write(`id: ${event.id}\ndata: ${data}\n\n`);
  };
  // Entries behind one being shaped asynchronously wait for it, so the order holds.
  let shaping: Promise<void> | null = null;
  const deliver = (event: StoredEvent) => {
    const shaped = options.shape?.(event) ?? null;
    // Handled where it is awaited, in order; marked now so an early failure is not "unhandled".
    shaped?.catch(() => undefined);
    if (shaped === null && shaping === null) return send(event, dataFor(event, options.actor));
    const next = (shaping ?? Promise.resolve()).then(async () => {
      if (shaped === null) return send(event, dataFor(event, options.actor));
      const events = await shaped;
      send(event, events.length === 0 ? null : JSON.stringify({ topic: event.topic, events }));
    });
    const settled = next.then(
      () => undefined,
      // A store failure: end the stream; the client resumes after the last entry it got.
      () => end(options.retryMs),
    );
    shaping = settled;
    void settled.then(() => {
      if (shaping === settled) shaping = null;
    });
  };

  const body = new ReadableStream<Uint8Array>({
    async start(streamController) {
      controller = streamController;
      write(`retry: ${options.retryMs}\n: plein events\n\n`);
      try {
        if (options.lastEventId === null) {
          unsubscribe = options.realtime.subscribe(options.siteId, options.topics, deliver);
        } else {
          const resumed = await options.realtime.resume(options.siteId, options.topics, options.lastEventId, deliver, options.replayLimit);
          if (closed) resumed.unsubscribe();
          else unsubscribe = resumed.unsubscribe;
          if (!resumed.complete) write(`event: reset\nid: ${await options.newestId()}\ndata: {"reason":"missed-events"}\n\n`);
        }
      } catch {
        end(options.retryMs);
        return;
      }
      heartbeat = setInterval(() => write(': heartbeat\n\n'), options.heartbeatMs);
      heartbeat.unref();
      if (options.expiresAt !== undefined && options.expiresAt !== null) {
        const left = options.expiresAt - (options.now ?? Date.now)();
        // A prompt reconnect, with the id of the last entry sent, resumes without a gap.
        const expire = () => end(EXPIRED_RETRY_MS);
        if (left <= 0) expire();
        else (expiry = setTimeout(expire, Math.min(left, MAX_TIMER_MS))).unref();
      }
    },
    cancel() {
      cleanup();
    },
  }, new ByteLengthQueuingStrategy({ highWaterMark: 0 }));
  return { body, handle: { end } };
}

/** The streams open on this instance, so shutdown can end them all, and how many each client holds. */
export class StreamRegistry {
  readonly #open = new Set<OpenStream>();
  readonly #perClient = new Map<string, number>();

  get size(): number {
    return this.#open.size;
  }

  /** Streams `client` (a salted IP hash) holds open now. */
  heldBy(client: string): number {
    return this.#perClient.get(client) ?? 0;
  }

  add(stream: OpenStream, client?: string): () => void {
    this.#open.add(stream);
    if (client !== undefined) this.#perClient.set(client, this.heldBy(client) + 1);
    let removed = false;
    return () => {
      if (removed) return;
      removed = true;
      this.#open.delete(stream);
      if (client === undefined) return;
      const left = this.heldBy(client) - 1;
      if (left > 0) this.#perClient.set(client, left);
      else this.#perClient.delete(client);
    };
  }

  /** Ends every stream with `retry: retryMs`, so clients reconnect (elsewhere, or after the restart) soon. */
  endAll(retryMs: number): void {
    for (const stream of [...this.#open]) stream.end(retryMs);
    this.#open.clear();
    this.#perClient.clear();
  }
}
