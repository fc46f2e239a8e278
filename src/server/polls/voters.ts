/**
 * Who a ballot belongs to. Under `member` integrity the voter is the member (anyone else is
 * refused by the permission rule). Under `device` integrity a member is still their member id,
 * and anybody else is their device: the random token the HTTP adapter keeps in the browser,
 * stored only as an HMAC under the site's secret, so the database never holds a token that
 * could be replayed, and the key stays stable across restarts and instances.
 */
import { createHmac } from 'node:crypto';
import type { PollRecord } from '../../domain/poll-steps.js';
import type { Actor } from '../../domain/roles.js';
import type { SiteRecord } from '../store/types.js';

export const DEVICE_PREFIX = 'device:';

export function deviceKey(site: SiteRecord, token: string): string {
  return DEVICE_PREFIX + createHmac('sha256', site.secret).update(`plein-device\u0000${site.id}\u0000${token}`).digest('base64url');
}

/** The voter key of this actor (and device) in `poll`; `null` when they cannot hold a ballot there. */
export function voterKeyOf(poll: Pick<PollRecord, 'integrity'>, site: SiteRecord, actor: Actor, device: string | null): string | null {
  if (actor.kind === 'member') return actor.id;
  if (poll.integrity !== 'device' || device === null) return null;
  return deviceKey(site, device);
}

export const isDeviceKey = (key: string): boolean => key.startsWith(DEVICE_PREFIX);
