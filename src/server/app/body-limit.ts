/**
 * The request body size limit (413). A request that declares its length (`Content-Length`, no
 * `Transfer-Encoding`) is judged by that header alone, as Hono's `bodyLimit` judges it, but
 * without asking for `c.req.raw.body` first: under @hono/node-server that question builds a
 * full web Request and a stream around the socket, which then also serve the JSON parsing —
 * a tenth of the CPU time of a comment post. Undeclared (chunked) bodies go to Hono's
 * `bodyLimit`, which counts them as they arrive.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit as honoBodyLimit } from 'hono/body-limit';
import type { AppEnv } from './env.js';

const DECIMAL = /^\d+$/;

type OnError = NonNullable<Parameters<typeof honoBodyLimit>[0]['onError']>;

export function bodyLimit(options: { maxSize: number; onError: OnError }): MiddlewareHandler<AppEnv> {
  const counted = honoBodyLimit(options);
  return async (c, next) => {
    const length = c.req.header('Content-Length');
    if (length === undefined || !DECIMAL.test(length) || c.req.header('Transfer-Encoding') !== undefined) return counted(c, next);
    if (Number(length) > options.maxSize) return options.onError(c);
    await next();
  };
}
