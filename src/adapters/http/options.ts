/** The options of `createHttpAdapter`, and their resolved form. */

/** Where a guest session is kept: `localStorage`, `sessionStorage`, or anything with the same three methods. */
export type GuestStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The member's token; called before every request, so a site can hand out a fresh short-lived JWT. */
export type TokenSource = string | null | (() => string | null | Promise<string | null>);

export interface RealtimeOptions {
  /** Subscription changes within this many ms reopen the stream once. Default 25. */
  debounceMs?: number;
  /** Reconnection delay until the server sends its own `retry:`. Default 1000. */
  retryMs?: number;
  /** The longest delay between reconnection attempts, before jitter. Default 30000. */
  maxRetryMs?: number;
  /**
   * Reconnect when nothing (not even a heartbeat) arrived for this long: a connection a proxy or
   * a sleeping laptop left half-open. The server sends a heartbeat every 15 s. Default 45000.
   */
  idleTimeoutMs?: number;
}

export interface HttpAdapterOptions {
  /** The server's base URL, e.g. `https://comments.example.com` (anything before `/v1`). */
  endpoint: string;
  /** The site id registered on the server (`plein sites add`). */
  site: string;
  /**
   * The signed-in member's JWT, signed by the site's backend, or a function returning it (or
   * `null` for an anonymous visitor). Without one the visitor may still start a guest session.
   */
  token?: TokenSource;
  /** Defaults to the global `fetch`. */
  fetch?: typeof fetch;
  /**
   * Where the guest session survives reloads; default `localStorage` when the page has one, else
   * memory. `null` keeps it in memory only.
   */
  guestStorage?: GuestStorage | null;
  realtime?: RealtimeOptions;
}

export interface ResolvedRealtimeOptions {
  debounceMs: number;
  retryMs: number;
  maxRetryMs: number;
  idleTimeoutMs: number;
}

/** `https://x.example/base/` + `v1/sites/<site>`, whatever trailing slashes the endpoint had. */
export function siteBaseUrl(endpoint: string, site: string): string {
  if (typeof endpoint !== 'string' || endpoint.trim() === '') throw new TypeError('createHttpAdapter needs an endpoint (the server URL).');
  if (typeof site !== 'string' || site.trim() === '') throw new TypeError('createHttpAdapter needs a site id.');
  const base = new URL(endpoint, globalThis.location?.href);
  // `https://x.example/v1` names the same server as `https://x.example`.
  const path = base.pathname.replace(/\/+$/, '').replace(/\/v1$/, '');
  if (/\/v1\/sites(\/|$)/.test(path)) {
    throw new TypeError(`createHttpAdapter: give the server URL as endpoint (without /v1/sites/…) and the site id as site; got ${endpoint}.`);
  }
  return `${base.origin}${path}/v1/sites/${encodeURIComponent(site)}`;
}

export function resolveRealtimeOptions(options: RealtimeOptions = {}): ResolvedRealtimeOptions {
  return {
    debounceMs: options.debounceMs ?? 25,
    retryMs: options.retryMs ?? 1000,
    maxRetryMs: options.maxRetryMs ?? 30_000,
    idleTimeoutMs: options.idleTimeoutMs ?? 45_000,
  };
}
