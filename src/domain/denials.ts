import type { DenyReason } from './permissions.js';

/**
 * The adapter error code for a refusal, so the memory adapter and the server answer alike:
 * `unauthorized` when signing in would help, `not-found` for what the actor may not see (its
 * existence is not revealed), `conflict` for a state no permission changes, else `forbidden`.
 * Apart from the rules in permissions.ts because only backends need it, while every widget page
 * loads the rules.
 */
export function denialCode(reason: DenyReason): 'unauthorized' | 'forbidden' | 'not-found' | 'conflict' {
  switch (reason) {
    case 'sign-in-required':
      return 'unauthorized';
    case 'not-visible':
      return 'not-found';
    case 'deleted':
    case 'closed':
    case 'already-voted':
    case 'change-not-allowed':
      return 'conflict';
    default:
      return 'forbidden';
  }
}
