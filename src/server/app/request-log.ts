/**
 * One structured log line per request (JSON: method, path without the query — it may hold a
 * token —, status, duration, site, request id), and an `X-Request-Id` to match a report to it.
 * The Hono middleware and the fast read path (`fast-read.ts`) share one `RequestLog`, so ids
 * stay unique and every line has the same shape whichever path answered.
 */
import { randomBytes } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { LogSink } from '../config.js';
import type { AppEnv } from './env.js';

export class RequestLog {
  // Unique per process start, then a counter: cheaper than randomness on every request.
  readonly #prefix = randomBytes(4).toString('hex');
  #sequence = 0;

  constructor(private readonly log: LogSink) {}

  nextId(): string {
    return `${this.#prefix}-${(++this.#sequence).toString(36)}`;
  }

  write(entry: { id: string; method: string; path: string; status: number; started: number; site?: string | undefined; ip?: string | undefined }): void {
    const { id, method, path, status, started, site, ip } = entry;
    this.log({
      level: status >= 500 ? 'error' : 'info',
      msg: 'request',
      id,
      method,
      path,
      status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      ...(site ? { site } : {}),
      ...(ip ? { ip } : {}),
    });
  }
}

export function requestLog(requests: RequestLog): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const id = requests.nextId();
    c.set('requestId', id);
    c.header('X-Request-Id', id);
    await next();
    requests.write({ id, method: c.req.method, path: c.req.path, status: c.res.status, started, site: c.var.site?.id, ip: c.var.ipHash });
  };
}
