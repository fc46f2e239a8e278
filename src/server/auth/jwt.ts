/**
 * Member identity: the site's backend signs a short-lived JWT for its signed-in user and the
 * widget sends it as `Authorization: Bearer <jwt>`. Verified with jose, algorithms pinned per
 * site: HS256 with the site secret, RS256 or EdDSA with the site's public key or JWKS file. A
 * token without `exp`, expired, for another site (`aud` must be the site id), unsigned (`none`)
 * or signed with an algorithm the site does not list is refused as `unauthorized`.
 *
 * Claims: `sub` (the member id), `name`, `avatar` (an http(s) URL), `roles` (`member`,
 * `moderator`, `admin`), `exp`.
 */
import { errors, jwtVerify, type JWTPayload } from 'jose';
import { AdapterError } from '../../adapters/errors.js';
import type { Viewer } from '../../adapters/contract.js';
import { isBlank } from '../../domain/limits.js';
import { isSafeUrl } from '../../domain/links.js';
import { ROLES, type Role } from '../../domain/roles.js';
import type { SiteRecord } from '../store/types.js';
import { hmacKey, jwksFromFile, publicKey, type FlattenedJWSInput, type JWSHeaderParameters } from './keys.js';

/** Ids of guests start with this; a member token claiming one is refused. */
export const GUEST_ID_PREFIX = 'guest:';

export interface VerifyOptions {
  now: Date;
  clockToleranceSeconds: number;
}

const MAX_ID = 200;
const MAX_NAME = 100;

export function unauthorized(message: string): AdapterError {
  return new AdapterError('unauthorized', message);
}

/** The header algorithms a site's pinned list allows; `EdDSA` also answers to its newer name. */
function allowedAlgorithms(site: SiteRecord): string[] {
  const list: string[] = [];
  for (const alg of site.jwt.algorithms) {
    list.push(alg);
    if (alg === 'EdDSA') list.push('Ed25519');
  }
  return list;
}

async function keyFor(site: SiteRecord, header: JWSHeaderParameters, token: FlattenedJWSInput) {
  if (header.alg === 'HS256') return hmacKey(site);
  if (site.jwt.publicKey) return publicKey(site.jwt.publicKey, header.alg ?? '');
  if (site.jwt.jwksFile) return jwksFromFile(site.jwt.jwksFile)(header, token);
  throw unauthorized('This site has no public key for that algorithm.');
}

function describe(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The token has expired.';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'The token is signed with an algorithm this site does not accept.';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return 'The token is for another site.';
    if (error.claim === 'exp') return 'The token needs a valid exp claim.';
    return `The token's ${error.claim} claim is missing or wrong.`;
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'The token signature does not verify.';
  if (AdapterError.is(error)) return error.message;
  return 'The token is not valid.';
}

// eslint-disable-next-line no-control-regex -- names are shown on one line
const CONTROL = /[\u0000-\u001f\u007f]/;

export function cleanName(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const name = value.trim().replace(/\s+/g, ' ');
  // A name that shows nothing (zero-width characters only) is no name, as for guests.
  return !isBlank(name) && [...name].length <= MAX_NAME && !CONTROL.test(name) ? name : null;
}

function rolesOf(value: unknown): Role[] {
  const claimed = Array.isArray(value) ? value.filter((role): role is Role => ROLES.includes(role as Role)) : [];
  return ROLES.filter((role) => role === 'member' || claimed.includes(role));
}

/** The viewer a verified member token describes; throws `unauthorized` for unusable claims. */
export function viewerFromClaims(payload: JWTPayload & Record<string, unknown>): Viewer {
  const id = payload.sub;
  if (typeof id !== 'string' || id === '' || id.length > MAX_ID || CONTROL.test(id)) throw unauthorized('The token needs a sub claim (the member id).');
  if (id.startsWith(GUEST_ID_PREFIX)) throw unauthorized(`Member ids cannot start with "${GUEST_ID_PREFIX}".`);
  const name = cleanName(payload['name']);
  if (name === null) throw unauthorized(`The token needs a name claim of 1 to ${MAX_NAME} characters.`);
  const avatar = payload['avatar'];
  return {
    id,
    name,
    avatarUrl: typeof avatar === 'string' && /^https?:/i.test(avatar) && isSafeUrl(avatar) ? avatar : null,
    roles: rolesOf(payload['roles']),
  };
}

/** Verifies a member token for `site`; resolves to the viewer or throws `unauthorized`. */
export async function verifyMemberToken(token: string, site: SiteRecord, options: VerifyOptions): Promise<Viewer> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, (header, input) => keyFor(site, header, input), {
      algorithms: allowedAlgorithms(site),
      audience: site.id,
      requiredClaims: ['exp', 'sub'],
      currentDate: options.now,
      clockTolerance: options.clockToleranceSeconds,
    }));
  } catch (error) {
    throw unauthorized(describe(error));
  }
  return viewerFromClaims(payload as JWTPayload & Record<string, unknown>);
}
