/**
 * Sites by id, cached briefly: every request reads its site, and a change made with the CLI
 * (another process) reaches a running server within `siteCacheMs`. An unchanged site keeps its
 * record object, so what is remembered per record (verified tokens, rebased threads) stays.
 */
import type { PleinStore, SiteRecord } from '../store/types.js';

const MAX_CACHED = 1_000;

export class SiteCache {
  readonly #cache = new Map<string, { site: SiteRecord; json: string; until: number }>();

  constructor(
    private readonly store: PleinStore,
    private readonly ttlMs: number,
  ) {}

  /** The site if it is cached and fresh; `undefined` when only `get` can tell. */
  peek(id: string, now: number): SiteRecord | undefined {
    const cached = this.#cache.get(id);
    return cached && cached.until > now ? cached.site : undefined;
  }

  async get(id: string, now: number): Promise<SiteRecord | null> {
    const cached = this.#cache.get(id);
    if (cached && cached.until > now) return cached.site;
    const read = await this.store.getSite(id);
    if (!read) {
      this.#cache.delete(id);
      return null;
    }
    const json = JSON.stringify(read);
    const site = cached && cached.json === json ? cached.site : read;
    if (this.#cache.size >= MAX_CACHED) this.#cache.clear();
    if (this.ttlMs > 0) this.#cache.set(id, { site, json, until: now + this.ttlMs });
    return site;
  }
}
