import type { Dictionary, PluralMessage } from './types.js';

/**
 * English, the reference dictionary: every other language has exactly these keys (`Translation`),
 * and any key a registered language lacks falls back to this one.
 */
export const en = {
  loading: 'Loading…',
  retry: 'Try again',
  close: 'Close',
  cancel: 'Cancel',
  'sign-in': 'Sign in',
  'sign-out': 'Sign out',
  'sign-in-as-guest': 'Continue as guest',
  'guest-name': 'Your name',
  'signed-in-as': 'Signed in as {name}',
  'read-only': 'Read only',
  'demo-mode': 'Demo mode: what you post is kept in this browser only. Nobody else can see it.',
  'time.just-now': 'just now',
  'error.unauthorized': 'Please sign in to do that.',
  'error.forbidden': 'You are not allowed to do that.',
  'error.not-found': 'This could not be found. It may have been removed.',
  'error.conflict': 'This was changed in the meantime. Reload and try again.',
  'error.rate-limited': 'That was a lot at once. Please wait a moment and try again.',
  'error.rate-limited-seconds': {
    one: 'You can try again in {count} second.',
    other: 'You can try again in {count} seconds.',
  },
  'error.rate-limited-minutes': {
    one: 'You can try again in {count} minute.',
    other: 'You can try again in {count} minutes.',
  },
  'error.invalid': 'Please check what you entered.',
  'error.network': 'Could not reach the server. Check your connection and try again.',
  'error.unavailable': 'This is not available right now. Please try again later.',
  'error.unknown': 'Something went wrong. Please try again.',
} as const satisfies Dictionary;

export type TermKey = keyof typeof en;

/** The shape every language implements; a missing or extra key is a type error. */
export type Translation = {
  readonly [K in TermKey]: (typeof en)[K] extends string ? string : PluralMessage;
};
