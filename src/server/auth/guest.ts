/**
 * Guest sessions: a visitor gives a name (and solves a proof-of-work, see `challenge.ts`) and gets
 * a short-lived token the server signs itself, sent back like a member token
 * (`Authorization: Bearer <token>`). The token is the whole session: nothing to store per guest
 * besides the user row that names their comments.
 */
import { randomBytes } from 'node:crypto';
import { SignJWT, errors, jwtVerify } from 'jose';
import type { Viewer } from '../../adapters/contract.js';
import type { SiteRecord } from '../store/types.js';
import { GUEST_ID_PREFIX, cleanName, unauthorized, type VerifyOptions } from './jwt.js';
import { guestKey } from './keys.js';

export const GUEST_ISSUER = 'plein:guest';

export interface GuestSession {
  token: string;
  viewer: Viewer;
  /** ISO time the token stops working. */
  expiresAt: string;
}

export function newGuestId(): string {
  return `${GUEST_ID_PREFIX}${randomBytes(12).toString('base64url')}`;
}

export function guestViewer(id: string, name: string): Viewer {
  return { id, name, avatarUrl: null, roles: [], guest: true };
}

export async function signGuestToken(site: SiteRecord, viewer: Viewer, now: Date, ttlSeconds: number): Promise<GuestSession> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expires = issuedAt + ttlSeconds;
  const token = await new SignJWT({ name: viewer.name })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(GUEST_ISSUER)
    .setAudience(site.id)
    .setSubject(viewer.id)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expires)
    .sign(await guestKey(site));
  return { token, viewer, expiresAt: new Date(expires * 1000).toISOString() };
}

export async function verifyGuestToken(token: string, site: SiteRecord, options: VerifyOptions): Promise<Viewer> {
  try {
    const { payload } = await jwtVerify(token, await guestKey(site), {
      algorithms: ['HS256'],
      issuer: GUEST_ISSUER,
      audience: site.id,
      requiredClaims: ['exp', 'sub'],
      currentDate: options.now,
      clockTolerance: options.clockToleranceSeconds,
    });
    const name = cleanName(payload['name']);
    if (typeof payload.sub !== 'string' || !payload.sub.startsWith(GUEST_ID_PREFIX) || name === null) throw new Error('claims');
    return guestViewer(payload.sub, name);
  } catch (error) {
    throw unauthorized(error instanceof errors.JWTExpired ? 'The guest session has expired.' : 'The guest token is not valid.');
  }
}
