/**
 * CSRF protection without cookies: a write (POST, PUT, PATCH, DELETE) must say
 * `Content-Type: application/json` when it has a body (415 otherwise: no form or text/plain post
 * gets in) and must carry an `Authorization` header (`Bearer <token>`, or `Anonymous` for the
 * two things an anonymous visitor may write: starting a guest session and a guest's first
 * comment). Neither can be sent cross-site without a CORS preflight, which only the site's own
 * origins pass.
 */
import type { Context } from 'hono';
import { AdapterError } from '../../adapters/errors.js';
import type { AppEnv } from './env.js';
import { HttpError } from './errors.js';

const JSON_TYPE = /^application\/json\s*(;|$)/i;

export function isWrite(method: string): boolean {
  return method === 'POST' || method === 'PUT' || method === 'PATCH' || method === 'DELETE';
}

export function guardWrite(c: Context<AppEnv>): void {
  if (!isWrite(c.req.method)) return;
  const type = c.req.header('Content-Type');
  const length = c.req.header('Content-Length');
  const hasBody = type !== undefined || (length !== undefined && length !== '0') || c.req.header('Transfer-Encoding') !== undefined;
  if (hasBody && (type === undefined || !JSON_TYPE.test(type))) {
    throw new HttpError(415, 'invalid', 'Send JSON with Content-Type: application/json.');
  }
  if (c.req.method !== 'DELETE' && !hasBody) throw AdapterError.invalid({ _: { reason: 'required', message: 'A JSON body is required.' } });
  if (c.req.header('Authorization') === undefined) {
    throw new AdapterError('unauthorized', 'Writes need an Authorization header (Bearer <token>, or Anonymous).');
  }
}
