/**
 * Path parameters must be well-formed percent-encoded UTF-8. Hono keeps a segment it cannot
 * decode as it came, so `/threads/%FF` would name the thread "%FF", the same one as
 * `/threads/%25FF`: two URLs for one thread, and a client bug (a Latin-1 escape, a cut-off
 * sequence) silently writing somewhere else. Refused with `invalid` on the parameter's name.
 */
import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
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

/** The name of the route parameter at segment `index`, from the matched route that has one there. */
function parameterAt(templates: readonly string[], segments: number, index: number): string | null {
  for (const template of templates) {
    const parts = template.split('/');
    const part = parts[index];
    if (parts.length === segments && part?.startsWith(':')) return part.slice(1).replace(/\{.*$/s, '');
  }
  return null;
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
        // Middleware matches too (the static pages' `/*` last of all): look for the route with a parameter there.
        const field = parameterAt(matchedRoutes(c).map((route) => route.path), segments.length, bad) ?? 'path';
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
