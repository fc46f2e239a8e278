/**
 * One JSON request to the site's API: the Authorization header, the caller's abort signal passed
 * through to fetch, errors turned into AdapterErrors, and the realtime journal position reads
 * report (`X-Plein-Event-Id`: what the answer includes), so a stream opened later resumes right
 * after what was read and misses nothing in between.
 *
 * Writes always carry an Authorization header (`Anonymous` when nobody is signed in) and JSON
 * bodies `Content-Type: application/json`: the server refuses anything else, which is what keeps
 * cross-site form posts out.
 */
import { AdapterError } from '../errors.js';
import { disposedError, errorFromResponse, networkError } from './errors.js';
import { authorization, type Credentials, type Identity } from './identity.js';
import { linkSignals } from './signals.js';

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | number | boolean | null | undefined>;
  signal?: AbortSignal | undefined;
  /** Send no credentials, whoever is signed in. */
  anonymous?: boolean;
  /** The credentials the caller already asked for (the token function is not asked again). */
  credentials?: Credentials;
  /** A read: "not found" answers `data: null` instead of throwing. */
  nullIfMissing?: boolean;
  /**
   * A read of this realtime topic's data: its position is where a subscription to the topic
   * starts, also one made while the read is on its way (see `readsOf`).
   */
  topic?: string;
}

export interface Answer<T> {
  status: number;
  data: T;
  /** The journal position the answer includes, when the server said. */
  position: number | null;
}

export interface TransportHooks {
  /** The server no longer accepts the stored guest token (expired, erased). */
  guestRejected(): void;
  /** Credentials a request was sent with, so the event stream can follow a change of identity. */
  credentialsUsed(credentials: Credentials): void;
}

export class Transport {
  /** The newest journal id any answer reported; `null` until the first that did. */
  position: number | null = null;
  /** Per realtime topic, the position of the newest read of that topic's data. */
  readonly #topicPositions = new Map<string, number>();
  /** Per realtime topic, its reads on their way. */
  readonly #topicReads = new Map<string, Set<Promise<unknown>>>();
  readonly #lifetime = new AbortController();

  constructor(
    readonly baseUrl: string,
    private readonly fetchImpl: typeof fetch,
    readonly identity: Identity,
    private readonly hooks: TransportHooks,
  ) {}

  get disposed(): boolean {
    return this.#lifetime.signal.aborted;
  }

  /** Aborts every request in flight; later requests fail with `unavailable`. */
  dispose(): void {
    this.#lifetime.abort(disposedError());
  }

  url(path: string, query?: RequestOptions['query']): string {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== null && value !== false) search.set(key, String(value));
    }
    const text = search.toString();
    return `${this.baseUrl}${path}${text ? `?${text}` : ''}`;
  }

  #notePosition(headers: Headers): number | null {
    const value = Number(headers.get('X-Plein-Event-Id'));
    if (!headers.has('X-Plein-Event-Id') || !Number.isSafeInteger(value) || value < 0) return null;
    this.position = Math.max(this.position ?? 0, value);
    return value;
  }

  /** Remembers that a read of `topic`'s data included the journal up to `position`. */
  readOf(topic: string, position: number | null): void {
    if (position === null) return;
    this.#topicPositions.set(topic, Math.max(this.#topicPositions.get(topic) ?? 0, position));
  }

  /** Where a new subscription to `topic` starts: after the newest read of it, else after the newest read at all. */
  startFor(topic: string): number | null {
    return this.#topicPositions.get(topic) ?? this.position;
  }

  /** Settles once the reads of `topic` on their way now are in; `null` when none is. */
  readsOf(topic: string): Promise<unknown> | null {
    const reads = this.#topicReads.get(topic);
    return reads ? Promise.allSettled(reads) : null;
  }

  request<T>(method: string, path: string, options: RequestOptions = {}): Promise<Answer<T>> {
    const { topic } = options;
    if (topic === undefined) return this.#request(method, path, options);
    const read = this.#request<T>(method, path, options).then((answer) => {
      this.readOf(topic, answer.position);
      return answer;
    });
    const reads = this.#topicReads.get(topic) ?? new Set();
    this.#topicReads.set(topic, reads.add(read));
    const done = (): void => {
      reads.delete(read);
      if (reads.size === 0 && this.#topicReads.get(topic) === reads) this.#topicReads.delete(topic);
    };
    read.then(done, done);
    return read;
  }

  async #request<T>(method: string, path: string, options: RequestOptions): Promise<Answer<T>> {
    const credentials: Credentials = options.anonymous ? { kind: 'anonymous' } : (options.credentials ?? (await this.#credentials(options.signal)));
    try {
      return await this.#send<T>(method, path, options, credentials);
    } catch (error) {
      const retry = await this.#retryAfterUnauthorized(error, method, credentials, options.signal);
      if (!retry) throw error;
      return this.#send<T>(method, path, options, retry);
    }
  }

  async #credentials(signal: AbortSignal | undefined): Promise<Credentials> {
    signal?.throwIfAborted();
    if (this.disposed) throw disposedError();
    const credentials = await this.identity.current();
    signal?.throwIfAborted();
    return credentials;
  }

  /**
   * After a 401: a rejected guest token is forgotten, and a read is tried again anonymously; a
   * member token is asked for again, and the request retried once if the site gave a new one.
   */
  async #retryAfterUnauthorized(error: unknown, method: string, used: Credentials, signal?: AbortSignal): Promise<Credentials | null> {
    if ((error as AdapterError | null)?.code !== 'unauthorized' || used.kind === 'anonymous') return null;
    if (used.kind === 'guest') {
      this.hooks.guestRejected();
      return method === 'GET' ? this.#credentials(signal) : null;
    }
    const fresh = await this.#credentials(signal);
    return fresh.kind === 'member' && fresh.token !== used.token ? fresh : null;
  }

  async #send<T>(method: string, path: string, options: RequestOptions, credentials: Credentials): Promise<Answer<T>> {
    const { signal: caller } = options;
    caller?.throwIfAborted();
    if (this.disposed) throw disposedError();
    if (!options.anonymous) this.hooks.credentialsUsed(credentials);

    const headers: Record<string, string> = { Accept: 'application/json' };
    const auth = authorization(credentials);
    if (auth) headers['Authorization'] = auth;
    else if (method !== 'GET') headers['Authorization'] = 'Anonymous';
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.body);
    }

    const linked = linkSignals(caller, this.#lifetime.signal);
    try {
      let response: Response;
      let text: string;
      try {
        const url = this.url(path, options.query);
        const ask = () => this.fetchImpl(url, { method, headers, signal: linked.signal, ...(body === undefined ? {} : { body }) });
        const early = method === 'GET' ? takeEarlyRead(url, headers['Authorization']) : undefined;
        // An early read that failed is asked again, as if it had not been made.
        response = await (early ? early.catch(ask) : ask());
        text = await response.text();
      } catch (error) {
        throw this.#failure(error, caller);
      }
      const position = this.#notePosition(response.headers);
      if (!response.ok) {
        const error = errorFromResponse(response.status, response.headers, text);
        if (options.nullIfMissing && error.code === 'not-found') return { status: response.status, data: null as T, position };
        throw error;
      }
      return { status: response.status, data: (text === '' ? undefined : parseJson(text, response.url || path)) as T, position };
    } finally {
      linked.release();
    }
  }

  /** A fetch that failed: the caller's abort reason, the adapter's disposal, or the network. */
  #failure(error: unknown, caller: AbortSignal | undefined): unknown {
    if (caller?.aborted) return caller.reason;
    if (this.disposed) return disposedError();
    return networkError(error);
  }
}

/**
 * The loader reads as the page loads, and a page on a slow connection may take tens of seconds to
 * bring the adapter; an element connected a minute after that (comments shown on demand) reads
 * afresh rather than start from an answer that old.
 */
const EARLY_READ_MAX_AGE_MS = 60_000;

/**
 * The answer to this exact read that the script tag's loader already asked for
 * (`autoload/early-read.ts`, same global symbol and key), taken once; `undefined` when there is none.
 */
function takeEarlyRead(url: string, authorization: string | undefined): Promise<Response> | undefined {
  const reads = (globalThis as { [key: symbol]: Map<string, Promise<Response>> | undefined })[Symbol.for('plein.early-reads')];
  const key = `${authorization ?? ''} ${url}`;
  const read = reads?.get(key);
  reads?.delete(key);
  return performance.now() < EARLY_READ_MAX_AGE_MS ? read : undefined;
}

function parseJson(text: string, url: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new AdapterError('unavailable', `${url} did not answer with JSON: is the endpoint a Plein server?`, { cause });
  }
}
