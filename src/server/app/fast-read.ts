/**
 * The fast read path: a node:http handler in front of Hono for GET reads whose answer is already
 * kept (`comments/kept-answers.ts`). A popular thread page is read far more often than it
 * changes, and once its answer is bytes, building a Request, running the middleware chain and a
 * Response around them costs several times what writing them does.
 *
 * It answers only what the Hono path answered before for the very same URL: the route handlers
 * tell it (`learn`) which thread and answer key a URL reads, after Hono routed and validated it.
 * For a request with that URL it then needs, without waiting for anything: the site fresh in the
 * site cache, the thread fresh in the thread cache under that site record, the identity known
 * without verifying (no token, `Anonymous`, or a member token verified before and not expired),
 * and the answer kept for that viewer's class. Anything else, and every other request, goes to
 * Hono unchanged. What it sends is what Hono would: the same headers (security, CORS, ETag,
 * `Vary`, request id, journal position), the same bytes in the same coding, the same 304, the
 * same log line (test/node/server/http/fast-read.test.ts compares the two).
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { ANONYMOUS_IDENTITY, type Identity } from './env.js';
import { tokenFromHeader } from '../auth/identity.js';
import { rememberedIdentity } from '../auth/token-cache.js';
import { findKept } from '../comments/kept-answers.js';
import type { ThreadCache } from '../comments/thread-cache.js';
import type { ServerConfig } from '../config.js';
import { EVENT_ID_HEADER } from '../routes/deps.js';
import type { SiteRecord } from '../store/types.js';
import { CORS_VARY, simpleCorsHeaders } from './cors.js';
import { compressible, encodedBody, negotiate } from './encoding.js';
import { READ_CACHE_CONTROL, matchesTag } from './etag.js';
import type { RequestLog } from './request-log.js';
import { API_SECURITY_HEADERS } from './security-headers.js';
import type { SiteCache } from './sites.js';

/** What a URL reads, as the route handler found when Hono served it. */
export interface ReadRoute {
  siteId: string;
  thread: string;
  /** The answer key (`keptAnswer`). */
  key: string;
  /** The path as Hono logs it. */
  path: string;
}

export interface FastReadDeps {
  sites: SiteCache;
  threads: ThreadCache;
  config: ServerConfig;
  clock: () => number;
  requests: RequestLog;
}

const MAX_ROUTES = 10_000;
/** Longer URLs (odd query strings) are left to Hono: the table stays small whatever clients send. */
const MAX_URL_LENGTH = 512;
const VARY_ENCODED = `${CORS_VARY}, Accept-Encoding`;

export class FastReads {
  readonly #routes = new Map<string, ReadRoute>();

  constructor(private readonly deps: FastReadDeps) {}

  /** `url` is path and query as the client sent them; Hono answered it by reading `route`. */
  learn(url: string, route: ReadRoute): void {
    if (url.length > MAX_URL_LENGTH) return;
    const known = this.#routes.get(url);
    if (known && known.siteId === route.siteId && known.thread === route.thread && known.key === route.key && known.path === route.path) return;
    if (this.#routes.size >= MAX_ROUTES) this.#routes.clear();
    this.#routes.set(url, route);
  }

  /** Answers the request when its answer is kept; `false`: Hono's to answer (nothing was written). */
  serve(request: IncomingMessage, response: ServerResponse): boolean {
    if (request.method !== 'GET' || request.url === undefined) return false;
    const route = this.#routes.get(request.url);
    if (!route) return false;
    const started = performance.now();
    const { sites, threads, config, clock } = this.deps;
    const now = clock();
    const site = sites.peek(route.siteId, now);
    if (!site) return false;
    const state = threads.peek(site, route.thread);
    if (!state) return false;
    const headers = request.headers;
    const identity = knownIdentity(site, headers.authorization, now, config.jwtClockToleranceSeconds);
    if (!identity) return false;
    const kept = findKept(state, identity.actor, route.key);
    if (!kept) return false;

    const id = this.deps.requests.nextId();
    const encoded = compressible(kept);
    const { bytes, coding } = encodedBody(kept, negotiate(headers['accept-encoding']));
    const cors = simpleCorsHeaders(site, headers.origin);
    const ifNoneMatch = headers['if-none-match'];
    const status = ifNoneMatch !== undefined && matchesTag(ifNoneMatch, kept.etag) ? 304 : 200;
    // Named and ordered as @hono/node-server writes Hono's answer: lower case, sorted, then the length.
    const out: OutgoingHttpHeaders = {};
    if (cors) {
      out['access-control-allow-origin'] = cors['Access-Control-Allow-Origin'];
      out['access-control-expose-headers'] = cors['Access-Control-Expose-Headers'];
    }
    out['cache-control'] = READ_CACHE_CONTROL;
    if (status === 200 && coding !== null) out['content-encoding'] = coding;
    out['content-security-policy'] = API_SECURITY_HEADERS['Content-Security-Policy'];
    if (status === 200) out['content-type'] = 'application/json';
    out['etag'] = kept.etag;
    out['referrer-policy'] = API_SECURITY_HEADERS['Referrer-Policy'];
    out['vary'] = encoded ? VARY_ENCODED : CORS_VARY;
    out['x-content-type-options'] = API_SECURITY_HEADERS['X-Content-Type-Options'];
    out['x-frame-options'] = API_SECURITY_HEADERS['X-Frame-Options'];
    out[EVENT_ID_HEADER.toLowerCase()] = String(state.position);
    out['x-request-id'] = id;
    if (status === 200) out['Content-Length'] = bytes.byteLength;
    response.writeHead(status, out);
    if (status === 200) response.end(bytes);
    else response.end();
    this.deps.requests.write({ id, method: 'GET', path: route.path, status, started, site: site.id });
    return true;
  }
}

/** The identity if it is known without verifying anything; `null` when only the Hono path can tell. */
function knownIdentity(site: SiteRecord, authorization: string | undefined, now: number, toleranceSeconds: number): Identity | null {
  if (authorization === undefined) return ANONYMOUS_IDENTITY;
  let token: string | null;
  try {
    token = tokenFromHeader(authorization);
  } catch {
    return null;
  }
  if (token === null) return ANONYMOUS_IDENTITY;
  return rememberedIdentity(site, token, now / 1000, toleranceSeconds);
}
