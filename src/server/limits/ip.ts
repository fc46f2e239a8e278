/**
 * Client IPs exist in this server only as salted hashes, rotated daily: enough to count one
 * client's requests for rate limits, useless to identify anyone or follow them across days.
 */
import { createHmac } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppEnv } from '../app/env.js';

/**
 * With `trustProxy`, the last `X-Forwarded-For` entry: the one the proxy in front of this server
 * appended. Entries before it come from the client, which can write anything there, so counting
 * by the first would let a client pick a new address for every request and dodge every per-IP
 * limit. (Behind a chain of proxies, this would count the outer proxy's address: have the
 * outermost one set the header and the others pass it on unchanged.)
 */
export function clientIp(c: Context<AppEnv>, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('X-Forwarded-For')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  if (!c.env?.incoming) return 'unknown';
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export function hashIp(ip: string, salt: string, now: number): string {
  const day = new Date(now).toISOString().slice(0, 10);
  return createHmac('sha256', salt).update(`${day}\u0000${ip}`).digest('base64url').slice(0, 22);
}
