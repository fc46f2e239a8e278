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
const ALLOW_HEADERS = 'Authorization, Content-Type, If-None-Match, Last-Event-ID';
const EXPOSE_HEADERS = 'ETag, Retry-After, X-Request-Id, X-Plein-Event-Id';

export function originAllowed(site: SiteRecord, origin: string): boolean {
  return site.origins.includes(origin);
}

/** Sets the CORS headers for an allowed origin; answers a preflight. Returns the preflight response, if any. */
export function applyCors(c: Context<AppEnv>, site: SiteRecord): Response | null {
  const origin = c.req.header('Origin');
  c.header('Vary', 'Origin, Authorization', { append: true });
  const preflight = c.req.method === 'OPTIONS';
  if (origin === undefined) return preflight ? c.body(null, 204) : null;
  if (!originAllowed(site, origin)) {
    if (preflight) return c.body(null, 403);
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') throw new AdapterError('forbidden', `The origin ${origin} is not allowed for this site.`);
    return null;
  }
  c.header('Access-Control-Allow-Origin', origin);
  c.header('Access-Control-Expose-Headers', EXPOSE_HEADERS);
  if (!preflight) return null;
  c.header('Access-Control-Allow-Methods', ALLOW_METHODS);
  c.header('Access-Control-Allow-Headers', ALLOW_HEADERS);
  c.header('Access-Control-Max-Age', '600');
  return c.body(null, 204);
}
