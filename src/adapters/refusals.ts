import type { Refusal, Step } from '../domain/comments-steps.js';
import type { FieldIssues } from '../domain/limits.js';
import type { InvalidCursorError } from '../domain/cursor.js';
import { denialCode } from '../domain/denials.js';
import type { Decision, DenyReason } from '../domain/permissions.js';
import { AdapterError } from './errors.js';

/*
 * How a backend turns the domain's refusals into AdapterErrors. Only adapters and the server need
 * this; it lives apart from errors.ts so that widget pages, which only read AdapterErrors, do not
 * carry the messages.
 */

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

/** `invalid` on `cursor`, saying whether it is another list's cursor or not one this backend made at all. */
export function cursorRefusal(error: InvalidCursorError): AdapterError {
  const message = error.foreign
    ? 'This cursor belongs to another list or sort.'
    : 'This is not a cursor this backend made: pass on the cursor of the previous page as it came.';
  return AdapterError.invalid({ cursor: { reason: 'invalid-cursor', message } });
}
