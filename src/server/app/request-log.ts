/**
 * One structured log line per request (JSON: method, path without the query — it may hold a
 * token —, status, duration, site, request id), and an `X-Request-Id` to match a report to it.
 */
import { randomBytes } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { LogSink } from '../config.js';
import type { AppEnv } from './env.js';

export function requestLog(log: LogSink): MiddlewareHandler<AppEnv> {
  // Unique per process start, then a counter: cheaper than randomness on every request.
  const prefix = randomBytes(4).toString('hex');
  let sequence = 0;
  return async (c, next) => {
    const started = performance.now();
    const id = `${prefix}-${(++sequence).toString(36)}`;
    c.set('requestId', id);
    c.header('X-Request-Id', id);
    await next();
    const status = c.res.status;
    log({
      level: status >= 500 ? 'error' : 'info',
      msg: 'request',
      id,
      method: c.req.method,
      path: c.req.path,
      status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      ...(c.var.site ? { site: c.var.site.id } : {}),
      ...(c.var.ipHash ? { ip: c.var.ipHash } : {}),
    });
  };
}
