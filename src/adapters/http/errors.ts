/**
 * HTTP answers → AdapterError. The server's error body `{ error: { code, message, fields?,
 * retryAfter? } }` carries the very AdapterError the rule raised, so its code wins; the status
 * decides only when the body is missing or foreign (a proxy's HTML page, a gateway timeout).
 */
import { ADAPTER_ERROR_CODES, AdapterError, type AdapterErrorCode, type FieldErrors } from '../errors.js';

interface ErrorBody {
  code?: unknown;
  message?: unknown;
  fields?: unknown;
  retryAfter?: unknown;
}

export function codeForStatus(status: number): AdapterErrorCode {
  switch (status) {
    case 400:
    case 413:
    case 415:
    case 422:
      return 'invalid';
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
    case 410:
      return 'not-found';
    case 409:
    case 412:
      return 'conflict';
    case 408:
      return 'network';
    case 429:
      return 'rate-limited';
    default:
      return status >= 500 ? 'unavailable' : 'invalid';
  }
}

const FALLBACK_MESSAGES: Record<AdapterErrorCode, string> = {
  unauthorized: 'Sign in to do this.',
  forbidden: 'You may not do this.',
  'not-found': 'Not found.',
  conflict: 'This changed in the meantime.',
  'rate-limited': 'Too many requests; try again shortly.',
  invalid: 'The request was not accepted.',
  network: 'The server could not be reached.',
  unavailable: 'The server is unavailable; try again later.',
};

/** Seconds from a `Retry-After` header: delta-seconds or an HTTP date; `undefined` when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number.parseInt(text, 10);
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

function readBody(text: string): ErrorBody | null {
  try {
    const parsed = JSON.parse(text) as { error?: unknown } | null;
    const error = parsed?.error;
    return typeof error === 'object' && error !== null ? (error as ErrorBody) : null;
  } catch {
    return null;
  }
}

function readFields(value: unknown): FieldErrors | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const fields: FieldErrors = {};
  for (const [name, entry] of Object.entries(value as Record<string, unknown>)) {
    const { reason, message, params } = (entry ?? {}) as { reason?: unknown; message?: unknown; params?: unknown };
    if (typeof reason !== 'string') continue;
    fields[name] = {
      reason,
      message: typeof message === 'string' ? message : reason,
      ...(typeof params === 'object' && params !== null ? { params: params as Record<string, number | string> } : {}),
    };
  }
  return fields;
}

/** The AdapterError an unsuccessful response stands for. */
export function errorFromResponse(status: number, headers: Headers, text: string): AdapterError {
  const body = readBody(text);
  const code = ADAPTER_ERROR_CODES.includes(body?.code as AdapterErrorCode) ? (body!.code as AdapterErrorCode) : codeForStatus(status);
  const message = typeof body?.message === 'string' && body.message.trim() !== '' ? body.message : `${FALLBACK_MESSAGES[code]} (HTTP ${status})`;
  const fields = readFields(body?.fields);
  const retryAfter =
    typeof body?.retryAfter === 'number' && Number.isFinite(body.retryAfter) ? body.retryAfter : parseRetryAfter(headers.get('Retry-After'));
  return new AdapterError(code, message, {
    ...(fields && Object.keys(fields).length > 0 ? { fields } : {}),
    ...(retryAfter === undefined ? {} : { retryAfter }),
  });
}

export function networkError(cause: unknown): AdapterError {
  return new AdapterError('network', 'The server could not be reached; check the connection.', { cause });
}

export function disposedError(): AdapterError {
  return new AdapterError('unavailable', 'This adapter was disposed.');
}
