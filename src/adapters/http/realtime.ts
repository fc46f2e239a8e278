/**
 * Realtime for one adapter: every subscribed topic multiplexed over ONE event stream (browsers
 * allow few connections per server, and one stream per widget would use them up), reopened with
 * the new topic set when subscriptions change (debounced, so a page that mounts ten widgets opens
 * one stream, not ten), and reconnected with exponential backoff and jitter after a failure.
 *
 * Nothing is missed or repeated across reopenings and reconnects. Each topic remembers `after`:
 * the journal id up to which its events were delivered (or predate its subscription, when it
 * starts at the newest id the adapter's reads reported, `X-Plein-Event-Id`, a read of the topic
 * still on its way included; without any, a request asks the server where its journal stands).
 * A stream carries its topics' events in id order, so an event with id N on the stream moves
 * every topic of that stream up to N. A (re)opened stream asks to resume after the lowest `after` of its topics
 * (`Last-Event-ID`); what the replay brings for a topic at or below its own `after` is dropped.
 *
 * `session` events (`viewer-changed`) never come from the server: the adapter knows when its
 * viewer changes (guest sign-in, sign-out, a rejected guest token, another tab) and says so here.
 */
import type { RealtimeEvent, Unsubscribe, Viewer } from '../contract.js';
import { AdapterError } from '../errors.js';
import { reconnectDelay } from './backoff.js';
import { errorFromResponse } from './errors.js';
import { isEventStream, readEventStream } from './event-stream.js';
import { authorization, identityKey, type Credentials, type Identity } from './identity.js';
import type { ResolvedRealtimeOptions } from './options.js';
import type { SseMessage } from './sse-parser.js';
import { MAX_STREAM_TOPICS, eventsUrl, isServerTopic } from './topics.js';
import type { Transport } from './transport.js';

type Listener = (event: RealtimeEvent) => void;
type Entry = { listener: Listener };
type Timer = ReturnType<typeof setTimeout>;

interface TopicState {
  entries: Set<Entry>;
  /** Events with ids up to this one were delivered or came before the subscription; `null` until known. */
  after: number | null;
}

interface Connection {
  controller: AbortController;
  topics: readonly string[];
  key: string;
  /** `identityKey` of the credentials the stream was opened with. */
  identity: string | null;
  opened: number;
  /** An event arrived on it: the server took it, whatever ended it later. */
  delivered?: boolean;
}

/**
 * A stream that lived this long counts as one that worked, even if only heartbeats came: ending
 * it then is the server's routine (a restart, a slow reader), not a refusal to back off from.
 */
const STABLE_MS = 10_000;

const WAKE_EVENTS = ['visibilitychange', 'resume'] as const;

export interface RealtimeDeps {
  transport: Transport;
  identity: Identity;
  fetchImpl: typeof fetch;
  options: ResolvedRealtimeOptions;
  /** The server refused the stored guest token on the stream. */
  guestRejected(): void;
  random?: () => number;
}

function unref(timer: Timer): Timer {
  (timer as { unref?: () => void }).unref?.();
  return timer;
}

function callEach(entries: Set<Entry>, event: RealtimeEvent, topic: string): void {
  for (const entry of [...entries]) {
    // A listener unsubscribed by an earlier one while this event was being delivered hears no more.
    if (!entries.has(entry)) continue;
    try {
      entry.listener(event);
    } catch (error) {
      console.error(`[plein/http] a listener for "${topic}" threw; other listeners still get the event.`, error);
    }
  }
}

export class RealtimeChannel {
  readonly #deps: RealtimeDeps;
  readonly #topics = new Map<string, TopicState>();
  readonly #session = new Set<Entry>();
  #connection: Connection | null = null;
  #debounce: Timer | null = null;
  #reconnect: Timer | null = null;
  #idle: Timer | null = null;
  #forceNext = false;
  /** Failed attempts in a row; reset once a stream delivers anything. */
  #attempt = 0;
  #retryMs: number;
  /** `identityKey` of the credentials the newest request used. */
  #identity: string | null = null;
  /** The topic set the server refused (400/404): not asked again until the set changes. */
  #refused: string | null = null;
  #probe: Promise<void> | null = null;
  #warnedTooMany = false;
  #disposed = false;
  /** When the open stream last brought anything, events and heartbeats alike. */
  #heard = 0;
  readonly #online = () => {
    if (this.#reconnect === null) return;
    clearTimeout(this.#reconnect);
    this.#reconnect = null;
    this.#reconcile(true);
  };
  /**
   * A page shown again, or a frozen tab resumed: its stream may have died meanwhile without a
   * word (timers stop in a frozen tab), so one silent for longer than a heartbeat is reopened now,
   * resuming where it was, instead of when the idle watchdog would notice.
   */
  readonly #woke = () => {
    if (globalThis.document?.visibilityState === 'hidden') return;
    const connection = this.#connection;
    // Heartbeats come a third of the idle timeout apart.
    if (connection ? Date.now() - this.#heard > this.#deps.options.idleTimeoutMs / 3 : this.#reconnect !== null) this.#reconcile(true);
  };

  constructor(deps: RealtimeDeps) {
    this.#deps = deps;
    this.#retryMs = deps.options.retryMs;
    globalThis.addEventListener?.('online', this.#online);
    globalThis.addEventListener?.('pageshow', this.#woke);
    for (const type of WAKE_EVENTS) globalThis.document?.addEventListener(type, this.#woke);
  }

  subscribe(topic: string, listener: Listener): Unsubscribe {
    if (this.#disposed) return () => undefined;
    const entry: Entry = { listener };
    if (topic === 'session') {
      this.#session.add(entry);
      return () => void this.#session.delete(entry);
    }
    let state = this.#topics.get(topic);
    const added = state === undefined;
    if (!state) {
      state = { entries: new Set(), after: this.#deps.transport.startFor(topic) };
      this.#topics.set(topic, state);
    }
    state.entries.add(entry);
    if (added && isServerTopic(topic)) {
      // Fix the starting point now, before whatever the caller does next can emit an event: where
      // the read of the topic on its way stands, else where the server's journal stands now.
      if (state.after === null && !this.#deps.transport.readsOf(topic)) void this.#probePosition().catch(() => undefined);
      this.#schedule();
    }
    const topicState = state;
    return () => {
      if (!topicState.entries.delete(entry)) return;
      if (topicState.entries.size > 0 || this.#topics.get(topic) !== topicState) return;
      this.#topics.delete(topic);
      if (isServerTopic(topic)) this.#schedule();
    };
  }

  emitViewer(viewer: Viewer | null): void {
    callEach(this.#session, { type: 'viewer-changed', viewer }, 'session');
  }

  /** Every request reports its credentials: when they name someone else, the stream follows. */
  credentialsUsed(credentials: Credentials): void {
    const key = identityKey(credentials);
    if (key === this.#identity) return;
    this.#identity = key;
    if (this.#connection && this.#connection.identity !== null && this.#connection.identity !== key) this.#schedule();
  }

  /** The viewer changed (guest sign-in or out): reopen the stream for the new viewer now. */
  identityChanged(): void {
    this.#identity = null;
    this.#schedule(true);
  }

  dispose(): void {
    this.#disposed = true;
    this.#close();
    for (const timer of [this.#debounce, this.#reconnect]) if (timer !== null) clearTimeout(timer);
    this.#debounce = this.#reconnect = null;
    this.#topics.clear();
    this.#session.clear();
    globalThis.removeEventListener?.('online', this.#online);
    globalThis.removeEventListener?.('pageshow', this.#woke);
    for (const type of WAKE_EVENTS) globalThis.document?.removeEventListener(type, this.#woke);
  }

  #schedule(force = false): void {
    if (this.#disposed) return;
    this.#forceNext ||= force;
    if (this.#debounce !== null) return;
    this.#debounce = setTimeout(() => {
      this.#debounce = null;
      const forced = this.#forceNext;
      this.#forceNext = false;
      this.#reconcile(forced);
    }, this.#deps.options.debounceMs);
  }

  #wanted(): string[] {
    const topics = [...this.#topics.keys()].filter(isServerTopic).sort();
    if (topics.length <= MAX_STREAM_TOPICS) return topics;
    if (!this.#warnedTooMany) {
      this.#warnedTooMany = true;
      console.warn(`[plein/http] the server streams at most ${MAX_STREAM_TOPICS} topics at once; ${topics.length - MAX_STREAM_TOPICS} get no live updates.`);
    }
    return topics.slice(0, MAX_STREAM_TOPICS);
  }

  #reconcile(force: boolean): void {
    if (this.#disposed) return;
    const wanted = this.#wanted();
    const key = wanted.join('\n');
    if (wanted.length === 0) {
      this.#close();
      if (this.#reconnect !== null) clearTimeout(this.#reconnect);
      this.#reconnect = null;
      this.#attempt = 0;
      return;
    }
    const current = this.#connection;
    if (!force) {
      const sameIdentity = !current || current.identity === null || this.#identity === null || current.identity === this.#identity;
      if (current && current.key === key && sameIdentity) return;
      // Waiting out a backoff: the attempt will take the new topics; an immediate one would undo the backoff.
      if (!current && this.#reconnect !== null) return;
      if (!current && this.#refused === key) return;
    }
    this.#close();
    if (this.#reconnect !== null) clearTimeout(this.#reconnect);
    this.#reconnect = null;
    void this.#connect(wanted, key);
  }

  #close(): void {
    const connection = this.#connection;
    this.#connection = null;
    this.#clearIdle();
    connection?.controller.abort();
  }

  #clearIdle(): void {
    if (this.#idle !== null) clearTimeout(this.#idle);
    this.#idle = null;
  }

  #armIdle(connection: Connection): void {
    this.#clearIdle();
    this.#idle = unref(
      setTimeout(() => {
        if (this.#connection !== connection) return;
        // Silence longer than several heartbeats: the connection is dead without knowing it.
        this.#failed(connection, 0);
        connection.controller.abort();
      }, this.#deps.options.idleTimeoutMs),
    );
  }

  /**
   * A topic subscribed while a read of its data was on its way starts where that read stands:
   * everything up to there is in what the subscriber read, everything after comes on the stream.
   */
  async #startingPoints(topics: readonly string[]): Promise<void> {
    const { transport } = this.#deps;
    const unknown = topics.filter((topic) => this.#topics.get(topic)?.after === null);
    await Promise.all(unknown.map((topic) => transport.readsOf(topic)));
    for (const topic of unknown) {
      const state = this.#topics.get(topic);
      if (state?.after === null) state.after = transport.startFor(topic);
    }
  }

  /** Asks the server where its journal stands, for topics subscribed before any read told us. */
  #probePosition(): Promise<void> {
    this.#probe ??= this.#deps.transport
      .request('GET', '/viewer', { anonymous: true })
      .then(() => {
        const position = this.#deps.transport.position;
        if (position === null) return;
        for (const state of this.#topics.values()) if (state.after === null) state.after = position;
      })
      .finally(() => {
        this.#probe = null;
      });
    return this.#probe;
  }

  async #connect(topics: readonly string[], key: string): Promise<void> {
    const controller = new AbortController();
    const connection: Connection = { controller, topics, key, identity: null, opened: Date.now() };
    this.#connection = connection;
    this.#refused = null;
    let floorMs = 0;
    try {
      await this.#startingPoints(topics);
      if (controller.signal.aborted) return;
      if (topics.some((topic) => this.#topics.get(topic)?.after == null)) await this.#probePosition();
      const credentials = await this.#deps.identity.current();
      if (controller.signal.aborted) return;
      connection.identity = identityKey(credentials);
      this.#identity ??= connection.identity;

      // A server that reports no positions: topics with none start live, hearing whatever comes.
      const afters = topics.map((topic) => this.#topics.get(topic)?.after).filter((after) => typeof after === 'number');
      const headers: Record<string, string> = { Accept: 'text/event-stream' };
      if (afters.length > 0) headers['Last-Event-ID'] = String(Math.min(...afters));
      const auth = authorization(credentials);
      if (auth) headers['Authorization'] = auth;
      const response = await this.#deps.fetchImpl(eventsUrl(this.#deps.transport.baseUrl, topics), {
        headers,
        signal: controller.signal,
        cache: 'no-store',
      });

      if (!response.ok || !isEventStream(response) || !response.body) {
        const error = response.ok
          ? new AdapterError('unavailable', 'The events endpoint did not answer with an event stream.')
          : errorFromResponse(response.status, response.headers, await response.text().catch(() => ''));
        if (response.status === 401 && credentials.kind === 'guest') {
          this.#deps.guestRejected();
          return;
        }
        if (response.status === 400 || response.status === 404) {
          this.#refused = key;
          if (this.#connection === connection) this.#connection = null;
          console.warn(`[plein/http] the server refused the event stream: ${error.message}`);
          return;
        }
        floorMs = (error.retryAfter ?? 0) * 1000;
        throw error;
      }

      this.#armIdle(connection);
      this.#heard = Date.now();
      await readEventStream(response.body, {
        onActivity: () => {
          if (this.#connection !== connection) return;
          this.#heard = Date.now();
          this.#armIdle(connection);
        },
        onMessage: (message) => this.#onMessage(connection, message),
        onRetry: (ms) => {
          this.#retryMs = ms;
        },
      });
      // The server ended the stream (a restart, a slow reader): come back after its `retry:`.
      this.#ended(connection);
    } catch {
      if (controller.signal.aborted || this.#disposed) return;
      this.#failed(connection, floorMs);
    }
  }

  /**
   * The server ended the stream. One that worked comes back after the server's `retry:`; one
   * ended at once with nothing on it (a token past its expiry, say) backs off like a failure, or
   * a page would knock several times a second for as long as that lasts.
   */
  #ended(connection: Connection): void {
    if (this.#connection !== connection) return;
    if (!this.#worked(connection)) return this.#failed(connection, 0);
    this.#connection = null;
    this.#clearIdle();
    this.#attempt = 0;
    this.#wait(reconnectDelay(0, this.#retryMs, this.#deps.options.maxRetryMs, this.#deps.random));
  }

  #worked(connection: Connection): boolean {
    return connection.delivered === true || Date.now() - connection.opened >= STABLE_MS;
  }

  #failed(connection: Connection, floorMs: number): void {
    if (this.#connection !== connection) return;
    this.#connection = null;
    this.#clearIdle();
    if (this.#worked(connection)) this.#attempt = 0;
    const delay = reconnectDelay(this.#attempt, this.#retryMs, this.#deps.options.maxRetryMs, this.#deps.random);
    this.#attempt += 1;
    this.#wait(Math.max(floorMs, delay));
  }

  #wait(ms: number): void {
    if (this.#disposed) return;
    if (this.#reconnect !== null) clearTimeout(this.#reconnect);
    this.#reconnect = unref(
      setTimeout(() => {
        this.#reconnect = null;
        this.#reconcile(false);
      }, ms),
    );
  }

  #onMessage(connection: Connection, message: SseMessage): void {
    if (this.#connection !== connection) return;
    connection.delivered = true;
    this.#attempt = 0;
    const id = message.lastEventId === '' ? null : Number(message.lastEventId);
    const known = id !== null && Number.isSafeInteger(id);
    if (message.type === 'reset') {
      // The server no longer holds every missed event: carry on from its newest, and tell each
      // topic's listeners to read their data again, since events they needed are gone.
      if (known) this.#advance(connection, id);
      for (const topic of connection.topics) {
        const state = this.#topics.get(topic);
        if (state) callEach(state.entries, { type: 'resync', topic }, topic);
      }
      return;
    }
    if (message.type !== 'message') return;
    let data: { topic?: unknown; events?: unknown };
    try {
      data = JSON.parse(message.data) as typeof data;
    } catch {
      return;
    }
    if (typeof data.topic !== 'string' || !Array.isArray(data.events)) return;
    const state = this.#topics.get(data.topic);
    const fresh = state !== undefined && (!known || state.after === null || id > state.after);
    if (known) this.#advance(connection, id);
    if (!fresh) return;
    for (const event of data.events as RealtimeEvent[]) callEach(state.entries, event, data.topic);
  }

  #advance(connection: Connection, id: number): void {
    for (const topic of connection.topics) {
      const state = this.#topics.get(topic);
      if (state && (state.after === null || state.after < id)) state.after = id;
    }
  }
}
