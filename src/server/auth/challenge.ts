/**
 * Proof-of-work for guests (ALTCHA v2, no third party): the server hands out a signed challenge,
 * the browser finds the counter whose SHA-256 derived key starts with the challenge's prefix
 * (`powMaxCounter / 2` hashes on average) and sends `base64(JSON.stringify({ challenge, solution }))`
 * as `altcha`. Each solved challenge is accepted once, across instances (through `store.hit`).
 */
import { createChallenge, randomInt, verifySolution, type Challenge, type Payload } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { FieldError } from '../../adapters/errors.js';
import type { PleinStore, SiteRecord } from '../store/types.js';
import { challengeSecret } from './keys.js';

export async function newChallenge(site: SiteRecord, options: { now: number; ttlSeconds: number; maxCounter: number }): Promise<Challenge> {
  return createChallenge({
    algorithm: 'SHA-256',
    cost: 1,
    counter: randomInt(Math.max(1, options.maxCounter)),
    deriveKey,
    expiresAt: Math.floor(options.now / 1000) + options.ttlSeconds,
    data: { site: site.id },
    hmacSignatureSecret: challengeSecret(site, 'signature'),
    hmacKeySignatureSecret: challengeSecret(site, 'key'),
  });
}

function parse(altcha: string): Payload | null {
  try {
    const payload = JSON.parse(Buffer.from(altcha, 'base64').toString('utf8')) as Payload;
    return typeof payload?.challenge?.parameters === 'object' && typeof payload.solution === 'object' ? payload : null;
  } catch {
    return null;
  }
}

const failed = (message: string): FieldError => ({ reason: 'captcha-failed', message });

/** `null` when `altcha` solves one of this site's challenges that was not used before; else the field error. */
export async function checkSolution(
  store: PleinStore,
  site: SiteRecord,
  altcha: string | undefined,
  options: { now: number; ttlSeconds: number },
): Promise<FieldError | null> {
  if (typeof altcha !== 'string' || altcha === '') return failed('Solve the anti-spam check first.');
  const payload = parse(altcha);
  if (!payload || payload.challenge.parameters.data?.['site'] !== site.id) return failed('The anti-spam check is not valid.');
  const result = await verifySolution({
    challenge: payload.challenge,
    solution: payload.solution,
    deriveKey,
    hmacSignatureSecret: challengeSecret(site, 'signature'),
    hmacKeySignatureSecret: challengeSecret(site, 'key'),
  }).catch(() => null);
  if (!result?.verified) return failed(result?.expired ? 'The anti-spam check expired; try again.' : 'The anti-spam check is not valid.');
  const used = await store.hit(`altcha:${site.id}:${payload.challenge.parameters.nonce}`, options.ttlSeconds * 1000, options.now);
  return used.count > 1 ? failed('This anti-spam check was used already; try again.') : null;
}
