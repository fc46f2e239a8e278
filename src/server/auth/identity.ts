/**
 * The request's identity from `Authorization`: `Bearer <member JWT>` (signed by the site),
 * `Bearer <guest token>` (signed by this server, `iss: plein:guest`), `Anonymous`, or nothing.
 * A token that does not verify is refused (401), never treated as anonymous: the client should
 * learn that its token went bad. EventSource cannot send headers, so the events route also
 * takes the token as `access_token` in the query.
 */
import { decodeJwt } from 'jose';
import { AdapterError } from '../../adapters/errors.js';
import { ANONYMOUS_IDENTITY, type Identity } from '../app/env.js';
import type { PleinStore, SiteRecord } from '../store/types.js';
import { GUEST_ISSUER, verifyGuestToken } from './guest.js';
import { verifyMemberToken, unauthorized, type VerifyOptions } from './jwt.js';
import { rememberIdentity, rememberedIdentity } from './token-cache.js';

const BEARER = /^Bearer +([A-Za-z0-9_.~+/=-]+) *$/i;
const ANONYMOUS = /^Anonymous *$/i;

export function tokenFromHeader(header: string | undefined): string | null {
  if (header === undefined || ANONYMOUS.test(header)) return null;
  const match = BEARER.exec(header);
  if (!match) throw unauthorized('Use Authorization: Bearer <token> (or Anonymous).');
  return match[1]!;
}

/**
 * When a token already verified by `identify` stops being valid, in epoch milliseconds; `null`
 * without a token or an `exp`. A stream opened with the token ends then, so a long-lived
 * connection never outlasts the identity (or the roles) it was opened with.
 */
export function tokenExpiresAt(token: string | null): number | null {
  if (token === null) return null;
  const exp = claimsOf(token).exp;
  return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : null;
}

function claimsOf(token: string): { iss?: unknown; exp?: unknown } {
  try {
    return decodeJwt(token);
  } catch {
    throw unauthorized('The token is not a JWT.');
  }
}

export async function identify(store: PleinStore, site: SiteRecord, token: string | null, options: VerifyOptions): Promise<Identity> {
  if (token === null) return ANONYMOUS_IDENTITY;
  // Only verified member tokens are remembered; guests are looked up every time (erasure ends them).
  const remembered = rememberedIdentity(site, token, options.now.getTime() / 1000, options.clockToleranceSeconds);
  if (remembered) return remembered;
  const claims = claimsOf(token);
  if (claims.iss === GUEST_ISSUER) {
    const viewer = await verifyGuestToken(token, site, options);
    // Erasing a guest (delete-user) ends their session too.
    const user = await store.getUser(site.id, viewer.id);
    if (!user || user.deletedAt !== null) throw new AdapterError('unauthorized', 'The guest session has ended.');
    return { actor: { kind: 'guest', id: viewer.id, name: viewer.name }, viewer };
  }
  const viewer = await verifyMemberToken(token, site, options);
  const identity: Identity = { actor: { kind: 'member', id: viewer.id, name: viewer.name, roles: viewer.roles }, viewer };
  // Verified, so exp is a number (required claim).
  rememberIdentity(site, token, identity, claims.exp as number);
  return identity;
}
