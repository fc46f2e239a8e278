/**
 * Weak ETags on reads: the hash of the JSON served, so a client that has the same answer gets
 * `304 Not Modified` without the body. Answers differ per viewer, hence `Vary: Authorization`
 * and `Cache-Control: private, no-cache` (revalidate every time, never share).
 */
import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.js';

/** Whether `If-None-Match` names `tag` (weak comparison, as for GET). */
export function matchesTag(ifNoneMatch: string, tag: string): boolean {
  const opaque = tag.replace(/^W\//, '');
  return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === opaque);
}

/** Per viewer, and to be revalidated on every use. */
export const READ_CACHE_CONTROL = 'private, no-cache';

/** Headers that describe a body: a 304 has none. */
export const NOT_IN_304 = ['Content-Type', 'Content-Length', 'Content-Encoding'];

export function weakTag(body: string): string {
  return `W/"${createHash('sha1').update(body).digest('base64url')}"`;
}

export function etags(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (c.req.method !== 'GET' || c.res.status !== 200 || !c.res.headers.get('Content-Type')?.startsWith('application/json')) return;
    let tag = c.res.headers.get('ETag');
    if (tag === null) {
      // Read and rebuild rather than clone: a cloned body is a tee of streams, and node-server
      // writes a plain string body much faster.
      const text = await c.res.text();
      tag = weakTag(text);
      c.res = new Response(text, { status: c.res.status, headers: c.res.headers });
      c.res.headers.set('ETag', tag);
    }
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', READ_CACHE_CONTROL);
    const ifNoneMatch = c.req.header('If-None-Match');
    if (ifNoneMatch !== undefined && matchesTag(ifNoneMatch, tag)) {
      // Deleted from the current answer's headers: setting `c.res` copies them onto the new one.
      const headers = c.res.headers;
      for (const name of NOT_IN_304) headers.delete(name);
      c.res = new Response(null, { status: 304, headers: new Headers(headers) });
    }
  };
}
