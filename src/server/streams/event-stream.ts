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
  /** The newest journal id, told to a client whose resume point is gone (with `event: reset`). */
  newestId: () => Promise<number>;
  onClose?: () => void;
}

/** A stream's handle for the server: end it (on shutdown) with a reconnection hint. */
export interface OpenStream {
  end(retryMs: number): void;
}

/** Chunks a slow client may have queued before its stream is ended (it reconnects and resumes). */
const MAX_QUEUED = 2_000;
const encoder = new TextEncoder();

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

  const cleanup = () => {
    if (closed) return;
    closed = true;
    if (heartbeat) clearInterval(heartbeat);
    unsubscribe?.();
    unsubscribe = null;
    options.onClose?.();
  };
  const write = (text: string) => {
    if (closed) return;
    if ((controller.desiredSize ?? 0) < -MAX_QUEUED) {
      end(options.retryMs);
      return;
    }
    controller.enqueue(encoder.encode(text));
  };
  const end = (retryMs: number) => {
    if (closed) return;
    controller.enqueue(encoder.encode(`retry: ${retryMs}\n\n`));
    cleanup();
    controller.close();
  };
  const deliver = (event: StoredEvent) => {
    const data = dataFor(event, options.actor);
    if (data !== null) write(`id: ${event.id}\ndata: ${data}\n\n`);
  };

  const body = new ReadableStream<Uint8Array>({
    async start(streamController) {
      controller = streamController;
      write(`retry: ${options.retryMs}\n: plein events\n\n`);
      try {
        if (options.lastEventId === null) {
          unsubscribe = options.realtime.subscribe(options.siteId, options.topics, deliver);
        } else {
          const resumed = await options.realtime.resume(options.siteId, options.topics, options.lastEventId, deliver);
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
    },
    cancel() {
      cleanup();
    },
  });
  return { body, handle: { end } };
}

/** The streams open on this instance, so shutdown can end them all. */
export class StreamRegistry {
  readonly #open = new Set<OpenStream>();

  get size(): number {
    return this.#open.size;
  }

  add(stream: OpenStream): () => void {
    this.#open.add(stream);
    return () => this.#open.delete(stream);
  }

  /** Ends every stream with `retry: retryMs`, so clients reconnect (elsewhere, or after the restart) soon. */
  endAll(retryMs: number): void {
    for (const stream of [...this.#open]) stream.end(retryMs);
    this.#open.clear();
  }
}
