/**
 * The one error type every adapter throws. Components map `code` to a specific, localised message;
 * `message` is a human fallback in English for logs and developers.
 */
export type AdapterErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'rate-limited'
  | 'invalid'
  | 'network'
  | 'unavailable';

export const ADAPTER_ERROR_CODES: readonly AdapterErrorCode[] = [
  'unauthorized',
  'forbidden',
  'not-found',
  'conflict',
  'rate-limited',
  'invalid',
  'network',
  'unavailable',
];

/** Field name → a machine-readable reason (a key of the validation dictionary) and a human message. */
export interface FieldError {
  reason: string;
  message: string;
  /** Numbers the message refers to, e.g. `{ max: 5000 }`, so a UI can localise it. */
  params?: Record<string, number | string>;
}

export type FieldErrors = Record<string, FieldError>;

export interface AdapterErrorOptions {
  /** For `invalid`: what is wrong with each field. */
  fields?: FieldErrors;
  /** For `rate-limited`: seconds until the same action is allowed again. */
  retryAfter?: number;
  cause?: unknown;
}

export class AdapterError extends Error {
  override readonly name = 'AdapterError';
  readonly code: AdapterErrorCode;
  readonly fields: FieldErrors;
  readonly retryAfter: number | undefined;

  constructor(code: AdapterErrorCode, message: string, options: AdapterErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.fields = options.fields ?? {};
    this.retryAfter = options.retryAfter;
  }

  /** True for errors that crossed a realm or bundle boundary too, where `instanceof` fails. */
  static is(value: unknown): value is AdapterError {
    return (
      value instanceof AdapterError ||
      (typeof value === 'object' &&
        value !== null &&
        (value as { name?: unknown }).name === 'AdapterError' &&
        ADAPTER_ERROR_CODES.includes((value as { code?: AdapterErrorCode }).code as AdapterErrorCode))
    );
  }

  static invalid(fields: FieldErrors, message = describeFields(fields)): AdapterError {
    return new AdapterError('invalid', message, { fields });
  }

  toJSON(): { code: AdapterErrorCode; message: string; fields?: FieldErrors; retryAfter?: number } {
    return {
      code: this.code,
      message: this.message,
      ...(Object.keys(this.fields).length > 0 ? { fields: this.fields } : {}),
      ...(this.retryAfter === undefined ? {} : { retryAfter: this.retryAfter }),
    };
  }
}

function describeFields(fields: FieldErrors): string {
  const parts = Object.entries(fields).map(([field, error]) => `${field}: ${error.message}`);
  return parts.length > 0 ? parts.join('; ') : 'Invalid input';
}

/**
 * Rejects with the signal's reason when it is aborted: the contract says an aborted call rejects
 * with an `AbortError` DOMException (or the reason the caller gave), never with an AdapterError.
 */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  signal?.throwIfAborted();
}

export function isAbortError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { name?: unknown }).name === 'AbortError'
  );
}
