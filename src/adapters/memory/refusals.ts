import type { FieldIssues } from '../../domain/limits.js';
import { denialCode, type Decision, type DenyReason } from '../../domain/permissions.js';
import { AdapterError } from '../errors.js';

const MESSAGES: Record<DenyReason, string> = {
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
  'not-visible': 'Not found.',
};

/** Throws the AdapterError for a refusal of `can()`; returns when allowed. */
export function enforce(decision: Decision): void {
  if (!decision.allowed) throw new AdapterError(denialCode(decision.reason), MESSAGES[decision.reason]);
}

/** Throws `invalid` with the field problems, if there are any. */
export function enforceValid(issues: FieldIssues): void {
  if (Object.keys(issues).length > 0) throw AdapterError.invalid(issues);
}

export function notFound(what: string): AdapterError {
  return new AdapterError('not-found', `${what} was not found.`);
}
