/**
 * Starting a guest session, from `POST …/guest` or from a first comment posted with a
 * `guestName`: the honeypot must be empty, the proof-of-work solved (once), and the client IP
 * under its guest-session limit. The guest becomes a user row (guest: true) that names their
 * comments; the name is validated by the caller with the domain's `validateGuestName`.
 */
import { AdapterError } from '../../adapters/errors.js';
import { cleanGuestName } from '../../domain/limits.js';
import type { OperationContext } from '../comments/context.js';
import { enforceRate } from '../limits/rate-limit.js';
import { checkSolution } from './challenge.js';
import { guestViewer, newGuestId, signGuestToken, type GuestSession } from './guest.js';

export interface GuestProof {
  /** The ALTCHA payload: base64 of `{ challenge, solution }`. */
  altcha?: string | undefined;
  /** The honeypot: a field people never see and bots fill in. */
  website?: string | undefined;
}

export async function startGuest(context: OperationContext, name: string, proof: GuestProof): Promise<GuestSession> {
  const { store, site, config } = context;
  if (typeof proof.website === 'string' && proof.website !== '') {
    throw AdapterError.invalid({ website: { reason: 'must-be-empty', message: 'Leave this field empty.' } });
  }
  const now = context.now();
  const problem = await checkSolution(store, site, proof.altcha, { now, ttlSeconds: config.guests.challengeTtlSeconds });
  if (problem) throw AdapterError.invalid({ altcha: problem });
  await enforceRate(store, `guest:${site.id}:${context.ipHash}`, config.rateLimits.guestsPerIp, now, 'guest sessions');
  const viewer = guestViewer(newGuestId(), cleanGuestName(name));
  const at = new Date(now).toISOString();
  await store.upsertUser({ siteId: site.id, id: viewer.id, name: viewer.name, avatarUrl: null, roles: [], guest: true, createdAt: at, deletedAt: null });
  return signGuestToken(site, viewer, new Date(now), config.guests.tokenTtlSeconds);
}
