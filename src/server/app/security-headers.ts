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

/** What every API answer (not HTML, not under `/plein/`) gets; the fast read path sets the same. */
export const API_SECURITY_HEADERS = Object.freeze({
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Content-Security-Policy': API_CSP,
  'X-Frame-Options': 'DENY',
} as const);

export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    headers.set('X-Content-Type-Options', API_SECURITY_HEADERS['X-Content-Type-Options']);
    headers.set('Referrer-Policy', API_SECURITY_HEADERS['Referrer-Policy']);
    if (c.req.path.startsWith('/plein/')) {
      headers.set('Access-Control-Allow-Origin', '*');
      headers.set('Cross-Origin-Resource-Policy', 'cross-origin');
      return;
    }
    const html = headers.get('Content-Type')?.startsWith('text/html') === true;
    headers.set('Content-Security-Policy', html ? PAGE_CSP : API_SECURITY_HEADERS['Content-Security-Policy']);
    headers.set('X-Frame-Options', API_SECURITY_HEADERS['X-Frame-Options']);
  };
}
