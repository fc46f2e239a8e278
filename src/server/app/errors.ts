/**
 * The one error format of the API: `{ error: { code, message, fields?, retryAfter? } }`, where
 * `code` is an `AdapterError` code, so the HTTP adapter rebuilds the very error the memory adapter
 * would have thrown. The HTTP status follows the code; `Retry-After` accompanies `rate-limited`.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AdapterError, type AdapterErrorCode, type AdapterErrorOptions } from '../../adapters/errors.js';
import type { AppEnv } from './env.js';

export const STATUS_OF_CODE: Record<AdapterErrorCode, ContentfulStatusCode> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'rate-limited': 429,
  network: 503,
  unavailable: 503,
};

/** An AdapterError with an HTTP status other than its code's usual one (413, 415, 500). */
export class HttpError extends AdapterError {
  constructor(
    readonly status: ContentfulStatusCode,
    code: AdapterErrorCode,
    message: string,
    options?: AdapterErrorOptions,
  ) {
    super(code, message, options);
  }
}

export function statusOf(error: AdapterError): ContentfulStatusCode {
  return error instanceof HttpError ? error.status : STATUS_OF_CODE[error.code];
}

export function errorResponse(c: Context<AppEnv>, error: AdapterError): Response {
  if (error.retryAfter !== undefined) c.header('Retry-After', String(Math.max(1, Math.ceil(error.retryAfter))));
  c.header('Cache-Control', 'no-store');
  return c.json({ error: error.toJSON() }, statusOf(error));
}

/** What an exception thrown anywhere in a request becomes. */
export function toAdapterError(error: unknown): AdapterError | null {
  if (AdapterError.is(error)) return error;
  if (error instanceof HTTPException) {
    if (error.status === 413) return new HttpError(413, 'invalid', 'The request body is too large.');
    if (error.status === 415) return new HttpError(415, 'invalid', 'Send JSON with Content-Type: application/json.');
    if (error.status === 400) return new AdapterError('invalid', error.message || 'Bad request.');
    if (error.status === 401) return new AdapterError('unauthorized', error.message || 'Sign in to do this.');
    if (error.status === 403) return new AdapterError('forbidden', error.message || 'Forbidden.');
    if (error.status === 404) return new AdapterError('not-found', error.message || 'Not found.');
  }
  return null;
}
