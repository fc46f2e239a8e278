/**
 * Everything a request under `/v1/sites/{site}` needs before its route runs, in order: the site
 * (404 when unknown), CORS (preflights end here), the write guard (415/401), the client's IP
 * hash, the identity (401 for a bad token) and the per-IP write limit (429).
 * The IP hash is computed for writes only (rate limits, the comment's `ipHash`).
 */
import type { MiddlewareHandler } from 'hono';
import { AdapterError } from '../../adapters/errors.js';
import { identify, tokenFromHeader } from '../auth/identity.js';
import type { ServerConfig } from '../config.js';
import { clientIp, hashIp } from '../limits/ip.js';
import { enforceRate } from '../limits/rate-limit.js';
import type { PleinStore } from '../store/types.js';
import { applyCors } from './cors.js';
import type { AppEnv } from './env.js';
import type { SiteCache } from './sites.js';
import { guardWrite, isWrite } from './write-guard.js';

export interface SiteContextDeps {
  store: PleinStore;
  sites: SiteCache;
  config: ServerConfig;
  clock: () => number;
}

export function siteContext(deps: SiteContextDeps): MiddlewareHandler<AppEnv> {
  const { store, sites, config, clock } = deps;
  return async (c, next) => {
    const now = clock();
    const site = await sites.get(c.req.param('site') ?? '', now);
    if (!site) throw new AdapterError('not-found', 'There is no such site on this server.');
    c.set('site', site);
    const preflight = applyCors(c, site);
    if (preflight) return preflight;
    guardWrite(c);
    const write = isWrite(c.req.method);
    if (write) c.set('ipHash', hashIp(clientIp(c, config.trustProxy), config.ipSalt, now));

    const header = c.req.header('Authorization');
    let token = tokenFromHeader(header);
    if (header === undefined && c.req.method === 'GET' && c.req.path.endsWith('/events')) token = c.req.query('access_token') ?? null;
    c.set('identity', await identify(store, site, token, { now: new Date(now), clockToleranceSeconds: config.jwtClockToleranceSeconds }));

    if (write) await enforceRate(store, `write:${site.id}:${c.var.ipHash}`, config.rateLimits.writesPerIp, now, 'writes');
    await next();
  };
}
