/**
 * Members exist in the store from their first write: their profile (name, avatar, roles) comes
 * from the site's token and is refreshed when it changes, so comments show the current name.
 * Profiles written recently are remembered per store for a minute, to spare a read per write.
 */
import type { Viewer } from '../../adapters/contract.js';
import type { PleinStore, SiteRecord, UserRecord } from '../store/types.js';

const REMEMBER_MS = 60_000;
const MAX_REMEMBERED = 10_000;
const remembered = new WeakMap<PleinStore, Map<string, { profile: string; at: number }>>();

function profileOf(user: Pick<Viewer, 'name' | 'avatarUrl' | 'roles' | 'guest'>): string {
  return JSON.stringify([user.name, user.avatarUrl ?? null, user.roles, user.guest === true]);
}

export async function rememberUser(store: PleinStore, site: SiteRecord, viewer: Viewer, now: number): Promise<void> {
  let cache = remembered.get(store);
  if (!cache) remembered.set(store, (cache = new Map()));
  const key = `${site.id}\u0000${viewer.id}`;
  const profile = profileOf(viewer);
  const hit = cache.get(key);
  if (hit && hit.profile === profile && now - hit.at < REMEMBER_MS) return;
  const existing = await store.getUser(site.id, viewer.id);
  if (!existing || existing.deletedAt !== null || profileOf(existing) !== profile) {
    const record: UserRecord = {
      siteId: site.id,
      id: viewer.id,
      name: viewer.name,
      avatarUrl: viewer.avatarUrl ?? null,
      roles: [...viewer.roles],
      guest: viewer.guest === true,
      createdAt: existing?.createdAt ?? new Date(now).toISOString(),
      deletedAt: null,
    };
    await store.upsertUser(record);
  }
  if (cache.size >= MAX_REMEMBERED) cache.clear();
  cache.set(key, { profile, at: now });
}
