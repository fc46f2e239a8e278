/**
 * Path parameters must be well-formed percent-encoded UTF-8. Hono keeps a segment it cannot
 * decode as it came, so `/threads/%FF` would name the thread "%FF", the same one as
 * `/threads/%25FF`: two URLs for one thread, and a client bug (a Latin-1 escape, a cut-off
 * sequence) silently writing somewhere else. Refused with `invalid` on the parameter's name.
 */
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { AdapterError } from '../../adapters/errors.js';
import type { AppEnv } from './env.js';

function decodes(segment: string): boolean {
  try {
    decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/** The name of the route parameter at segment `index` of the route that answers, if any. */
function parameterAt(template: string, segments: number, index: number): string | null {
  const parts = template.split('/');
  if (parts.length !== segments) return null;
  const part = parts[index];
  return part?.startsWith(':') ? part.slice(1).replace(/\{.*$/s, '') : null;
}

export function pathEncoding(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const url = c.req.url;
    const start = url.indexOf('/', url.indexOf('//') + 2);
    const end = url.indexOf('?', start);
    const path = url.slice(start, end < 0 ? undefined : end);
    if (path.includes('%')) {
      const segments = path.split('/');
      const bad = segments.findIndex((segment) => segment.includes('%') && !decodes(segment));
      if (bad >= 0) {
        const field = parameterAt(routePath(c, -1), segments.length, bad) ?? 'path';
        throw AdapterError.invalid({
          [field]: {
            reason: 'invalid-encoding',
            message: 'This is not valid percent-encoding: encode the text as UTF-8, then percent-encode its bytes (encodeURIComponent).',
          },
        });
      }
    }
    await next();
  };
}
