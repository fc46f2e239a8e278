import type { Refusal, Step } from '../domain/comments-steps.js';
import type { FieldIssues } from '../domain/limits.js';
import { denialCode, type Decision, type DenyReason } from '../domain/permissions.js';

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

const REFUSALS: Record<DenyReason, string> = {
  'sign-in-required': 'Sign in to do this.',
  'members-only': 'Only members can do this.',
  'guests-not-allowed': 'Guests cannot post here.',
  'moderators-only': 'Only moderators can do this.',
  'admins-only': 'Only administrators can do this.',
  'not-owner': 'You can only change what you wrote yourself.',
  'own-content': 'You cannot do this to your own post.',
  'edit-window-passed': 'The time to edit this has passed.',
  locked: 'This discussion is locked.',
  deleted: 'This has been deleted.',
  closed: 'This is closed.',
  'already-voted': 'You have already voted.',
  'results-hidden': 'The results are not shown yet.',
  'voters-hidden': 'This poll does not show who voted what.',
  'change-not-allowed': 'This poll does not let voters change or remove their vote.',
  'not-visible': 'Not found.',
};

/**
 * Throws the AdapterError for a refusal of `can()`; returns when allowed. Every backend (the
 * memory adapter and the reference server) refuses with the same codes and messages.
 */
export function enforce(decision: Decision): void {
  if (!decision.allowed) throw refusalError({ kind: 'denied', decision });
}

/** Throws `invalid` with the field problems, if there are any. */
export function enforceValid(issues: FieldIssues): void {
  if (Object.keys(issues).length > 0) throw AdapterError.invalid(issues);
}

export function notFound(what: string): AdapterError {
  return new AdapterError('not-found', `${what} was not found.`);
}

/** The AdapterError for a step the domain refused. */
export function refusalError(refusal: Refusal): AdapterError {
  switch (refusal.kind) {
    case 'denied':
      return new AdapterError(denialCode(refusal.decision.reason), REFUSALS[refusal.decision.reason]);
    case 'invalid':
      return AdapterError.invalid(refusal.issues);
    case 'not-found':
      return notFound(refusal.what);
    case 'conflict':
      return new AdapterError('conflict', refusal.message);
  }
}

/** The plan of a domain step that may go ahead; throws its refusal otherwise. */
export function proceed<T>(step: Step<T>): { ok: true } & T {
  if (!step.ok) throw refusalError(step.refusal);
  return step;
}
