/**
 * Security headers on every response. API answers are data, never documents: `default-src
 * 'none'`. The demo pages get a strict policy of their own origin only (no inline script, no
 * third party). The CDN build under `/plein/` is loaded as module scripts by other sites' pages,
 * which needs CORS (`*`: it is public code) and a cross-origin resource policy.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.js';

export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const API_CSP = "default-src 'none'; frame-ancestors 'none'";

export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    headers.set('X-Content-Type-Options', 'nosniff');
    headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
    if (c.req.path.startsWith('/plein/')) {
      headers.set('Access-Control-Allow-Origin', '*');
      headers.set('Cross-Origin-Resource-Policy', 'cross-origin');
      return;
    }
    const html = headers.get('Content-Type')?.startsWith('text/html') === true;
    headers.set('Content-Security-Policy', html ? PAGE_CSP : API_CSP);
    headers.set('X-Frame-Options', 'DENY');
  };
}
