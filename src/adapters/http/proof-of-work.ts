/**
 * The proof-of-work that guards guest sessions (ALTCHA v2, solved here, no third-party service):
 * find the counter whose SHA-256 derived key starts with the challenge's prefix, then send
 * `base64(JSON.stringify({ challenge, solution }))` as `altcha`.
 *
 * The key derivation is altcha-lib's Web Crypto one (`algorithms/web/sha`), not its default
 * `algorithms/sha`, which imports `node:crypto` and would break the browser bundle; Web Crypto
 * exists in every browser and in Node 20.
 */
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/sha';
import { AdapterError } from '../errors.js';

/** A solver gives up after this long rather than spin forever on a challenge it cannot solve. */
const SOLVE_TIMEOUT_MS = 60_000;

function isChallenge(value: unknown): value is Challenge {
  const parameters = (value as Partial<Challenge> | null)?.parameters;
  return typeof parameters === 'object' && parameters !== null && typeof parameters.nonce === 'string' && typeof parameters.keyPrefix === 'string';
}

function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Solves `challenge`; rejects with the signal's reason when aborted. */
export async function solveProofOfWork(challenge: unknown, signal?: AbortSignal): Promise<string> {
  if (!isChallenge(challenge)) throw new AdapterError('unavailable', 'The server sent an anti-spam challenge this client cannot read.');
  const controller = new AbortController();
  const abort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', abort, { once: true });
  try {
    const solution = await solveChallenge({ challenge, deriveKey, controller, timeout: SOLVE_TIMEOUT_MS });
    signal?.throwIfAborted();
    if (!solution) throw new AdapterError('unavailable', 'The anti-spam check could not be solved in time; try again.');
    return base64(JSON.stringify({ challenge, solution }));
  } finally {
    signal?.removeEventListener('abort', abort);
  }
}
