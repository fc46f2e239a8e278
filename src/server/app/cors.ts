/**
 * CORS per site: an origin is allowed when it is exactly one of the site's `origins` (scheme,
 * host and port; no wildcards, no suffix matching). Allowed origins get the CORS headers and
 * their preflights answered; other origins get no CORS headers (the browser then hides the
 * response), and their writes are refused outright, whatever the browser would have done.
 */
import type { Context } from 'hono';
import { AdapterError } from '../../adapters/errors.js';
import type { SiteRecord } from '../store/types.js';
import type { AppEnv } from './env.js';

const ALLOW_METHODS = 'GET, POST, PUT, PATCH, DELETE';
const ALLOW_HEADERS = 'Authorization, Content-Type, If-None-Match, Last-Event-ID, X-Plein-Device';
const EXPOSE_HEADERS = 'ETag, Retry-After, X-Request-Id, X-Plein-Event-Id';

export function originAllowed(site: SiteRecord, origin: string): boolean {
  return site.origins.includes(origin);
}

/** Every CORS answer varies with these (the identity decides what a read shows). */
export const CORS_VARY = 'Origin, Authorization';

/** The CORS headers of a simple (non-preflight) answer for `origin`: none for a missing or foreign one. */
export function simpleCorsHeaders(site: SiteRecord, origin: string | undefined): { 'Access-Control-Allow-Origin': string; 'Access-Control-Expose-Headers': string } | null {
  if (origin === undefined || !originAllowed(site, origin)) return null;
  return { 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': EXPOSE_HEADERS };
}

/** Sets the CORS headers for an allowed origin; answers a preflight. Returns the preflight response, if any. */
export function applyCors(c: Context<AppEnv>, site: SiteRecord): Response | null {
  const origin = c.req.header('Origin');
  c.header('Vary', CORS_VARY, { append: true });
  const preflight = c.req.method === 'OPTIONS';
  if (origin === undefined) return preflight ? c.body(null, 204) : null;
  const allowed = simpleCorsHeaders(site, origin);
  if (!allowed) {
    if (preflight) return c.body(null, 403);
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') throw new AdapterError('forbidden', `The origin ${origin} is not allowed for this site.`);
    return null;
  }
  for (const [name, value] of Object.entries(allowed)) c.header(name, value);
  if (!preflight) return null;
  c.header('Access-Control-Allow-Methods', ALLOW_METHODS);
  c.header('Access-Control-Allow-Headers', ALLOW_HEADERS);
  c.header('Access-Control-Max-Age', '600');
  return c.body(null, 204);
}
