import { AdapterError, isAbortError } from '../adapters/errors.js';

/**
 * Every failure a store reports is an AdapterError, so components have one thing to localise.
 * A buggy adapter that throws a TypeError from `fetch` means the network; anything else that is
 * not an AdapterError means the backend is not doing its job. Abort errors pass through untouched:
 * a cancelled call is not a failure to show.
 */
export function toAdapterError(error: unknown): AdapterError {
  if (AdapterError.is(error)) return error;
  if (error instanceof TypeError) return new AdapterError('network', error.message, { cause: error });
  const message = error instanceof Error ? error.message : String(error);
  return new AdapterError('unavailable', message || 'Unexpected failure', { cause: error });
}

/** Rethrows aborts as they are and everything else as an AdapterError. */
export function rethrowAsAdapterError(error: unknown): never {
  if (isAbortError(error)) throw error;
  throw toAdapterError(error);
}
