/**
 * Verified tokens, remembered per site record: a widget sends the same token with every request,
 * and verifying a signature costs more than the rest of a cached page read. A remembered token
 * is still checked against the clock (`exp`) on every use. The memory is tied to the site record
 * the token was verified against, so a changed secret or key (a new record) verifies again.
 */
import type { Identity } from '../app/env.js';
import type { SiteRecord } from '../store/types.js';

const MAX_PER_SITE = 10_000;

interface Remembered {
  identity: Identity;
  /** Epoch seconds. */
  exp: number;
}

const bySite = new WeakMap<SiteRecord, Map<string, Remembered>>();

export function rememberedIdentity(site: SiteRecord, token: string, nowSeconds: number, toleranceSeconds: number): Identity | null {
  const found = bySite.get(site)?.get(token);
  return found && found.exp + toleranceSeconds > nowSeconds ? found.identity : null;
}

export function rememberIdentity(site: SiteRecord, token: string, identity: Identity, exp: number): void {
  let tokens = bySite.get(site);
  if (!tokens) bySite.set(site, (tokens = new Map()));
  if (tokens.size >= MAX_PER_SITE) tokens.clear();
  tokens.set(token, { identity, exp });
}
