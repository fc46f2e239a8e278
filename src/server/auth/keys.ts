/**
 * Verification keys per site, imported once: the HS256 secret, a PEM public key, or a JWKS file
 * (re-read when the file changes, so a key rotation needs no restart).
 */
import { createHmac } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { createLocalJWKSet, importSPKI, type CryptoKey, type JSONWebKeySet, type JWSHeaderParameters, type FlattenedJWSInput } from 'jose';
import type { SiteRecord } from '../store/types.js';

type Jwks = ReturnType<typeof createLocalJWKSet>;

const encoder = new TextEncoder();
const pemKeys = new Map<string, Promise<CryptoKey>>();
const jwksFiles = new Map<string, { mtimeMs: number; jwks: Jwks }>();

/**
 * HMAC keys imported into WebCrypto once per secret: handing jose raw bytes makes it import the
 * key again on every verification, about a third of the cost of checking a token.
 */
const hmacKeys = new Map<string, Promise<CryptoKey>>();
/** Sites are few; this only bounds what rotated secrets leave behind. */
const MAX_HMAC_KEYS = 1_000;

function importedHmac(cacheKey: string, bytes: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  let key = hmacKeys.get(cacheKey);
  if (!key) {
    if (hmacKeys.size >= MAX_HMAC_KEYS) hmacKeys.clear();
    key = crypto.subtle.importKey('raw', bytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    hmacKeys.set(cacheKey, key);
  }
  return key;
}

export function hmacKey(site: SiteRecord): Promise<CryptoKey> {
  return importedHmac(`member\u0000${site.secret}`, encoder.encode(site.secret));
}

/**
 * Guest tokens are signed with a key derived from the site secret, never the secret itself, so a
 * guest token can never pass as the site's member token or the other way round.
 */
export function guestKey(site: SiteRecord): Promise<CryptoKey> {
  return importedHmac(`guest\u0000${site.secret}`, new Uint8Array(createHmac('sha256', site.secret).update('plein guest token v1').digest()));
}

/** The secret behind a site's proof-of-work challenges, derived like the guest key. */
export function challengeSecret(site: SiteRecord, purpose: 'signature' | 'key'): string {
  return createHmac('sha256', site.secret).update(`plein altcha ${purpose} v1`).digest('hex');
}

export function publicKey(pem: string, alg: string): Promise<CryptoKey> {
  const cacheKey = `${alg}\u0000${pem}`;
  let key = pemKeys.get(cacheKey);
  if (!key) {
    key = importSPKI(pem, alg);
    // A bad PEM must not poison the cache: the next request tries again (after the site is fixed).
    key.catch(() => pemKeys.delete(cacheKey));
    pemKeys.set(cacheKey, key);
  }
  return key;
}

export function jwksFromFile(file: string): Jwks {
  const { mtimeMs } = statSync(file);
  const cached = jwksFiles.get(file);
  if (cached && cached.mtimeMs === mtimeMs) return cached.jwks;
  const jwks = createLocalJWKSet(JSON.parse(readFileSync(file, 'utf8')) as JSONWebKeySet);
  jwksFiles.set(file, { mtimeMs, jwks });
  return jwks;
}

export type { FlattenedJWSInput, JWSHeaderParameters };
