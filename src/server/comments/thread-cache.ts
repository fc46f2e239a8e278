/**
 * Threads kept loaded per instance: loading a thread means decoding every comment, which would
 * otherwise be paid by every page view and every write.
 *
 * Reads share the cached state and never change it. A write works on a fork (`checkout`) and,
 * once committed, its fork becomes the cached state (`settle`). When other writes of this
 * instance settled meanwhile, the fork's changes are done again on their state, unless they
 * touched the same comments (or the thread's settings): then, as after anything else that
 * touched the thread, the entry is dropped and the next request reloads it.
 * An entry is also dropped when the realtime hub delivers an event on the thread that is not
 * one of this instance's own settled writes (a write on another instance, or a local write that
 * could not settle), and after `ttlMs` at the latest, for changes made beside the server (the
 * CLI's `delete-user`). `peek` hands out a fresh cached state without waiting for anything, for
 * the fast read path.
 */
import { commentRules } from './records.js';
import { loadThread, type ThreadState } from './thread-state.js';
import type { Realtime } from '../realtime/index.js';
import type { PleinStore, SiteRecord } from '../store/types.js';

interface Entry {
  state: ThreadState;
  until: number;
  unsubscribe: () => void;
  /** Journal ids of events this instance's settled writes produced, expected from the hub. */
  own: Set<number>;
}

export interface ThreadCacheOptions {
  /** 0 turns the cache off. */
  ttlMs: number;
  maxThreads: number;
  editWindowMs?: number | undefined;
  now: () => number;
}

/** A write's private copy of a thread, and what `settle` needs to know whether it is still current. */
export interface Checkout {
  readonly state: ThreadState;
  readonly siteId: string;
  readonly thread: string;
  /** The cache entry the fork was taken from; `null` when the thread was not cached. */
  readonly entry: object | null;
}

const keyOf = (siteId: string, thread: string) => `${siteId}\u0000${thread}`;

export class ThreadCache {
  readonly #entries = new Map<string, Entry>();
  /** Bumped by every change to an entry, so a load or write that raced another does not cache what it saw. */
  readonly #generations = new Map<string, number>();

  constructor(
    private readonly store: PleinStore,
    private readonly realtime: Realtime,
    private readonly options: ThreadCacheOptions,
  ) {}

  /** The thread for reading: shared, never to be changed. */
  async get(site: SiteRecord, thread: string): Promise<ThreadState> {
    const key = keyOf(site.id, thread);
    const now = this.options.now();
    const entry = this.#entries.get(key);
    if (entry && entry.until > now) {
      // Most recently used last: eviction takes the first.
      this.#entries.delete(key);
      this.#entries.set(key, entry);
      // The site was read again (its cache expired, or it changed): keep the comments, take its rules.
      if (entry.state.site !== site) entry.state = entry.state.withSite(site, commentRules(site, this.options.editWindowMs));
      return entry.state;
    }
    if (entry) this.invalidate(site.id, thread);
    const generation = this.#generation(key);
    const state = await loadThread(this.store, site, thread, this.options.editWindowMs);
    if (this.options.ttlMs > 0 && this.#generation(key) === generation && !this.#entries.has(key)) this.#keep(key, site.id, thread, state, now);
    return state;
  }

  /**
   * The cached state for reading, if it is fresh and read under this very site record; `null`
   * when only `get` can tell (it loads, or takes the site's new rules).
   */
  peek(site: SiteRecord, thread: string): ThreadState | null {
    const key = keyOf(site.id, thread);
    const entry = this.#entries.get(key);
    if (!entry || entry.until <= this.options.now() || entry.state.site !== site) return null;
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.state;
  }

  /** The thread for a write: a private fork of the current state. */
  async checkout(site: SiteRecord, thread: string): Promise<Checkout> {
    const state = (await this.get(site, thread)).fork();
    return { state, siteId: site.id, thread, entry: this.#entries.get(keyOf(site.id, thread)) ?? null };
  }

  /** After the write committed (with these journal events on the thread): its state becomes the cached one. */
  settle(checkout: Checkout, eventIds: readonly number[]): void {
    const key = keyOf(checkout.siteId, checkout.thread);
    const entry = this.#entries.get(key);
    // Dropped or reloaded since the checkout: something else changed the thread.
    if (!entry || entry !== checkout.entry) {
      this.invalidate(checkout.siteId, checkout.thread);
      return;
    }
    const current = entry.state;
    const next = checkout.state.base === current ? checkout.state : checkout.state.replayOn(current);
    if (!next) {
      this.invalidate(checkout.siteId, checkout.thread);
      return;
    }
    this.#bump(key);
    entry.state = next.site === current.site ? next : next.withSite(current.site, current.rules);
    for (const id of eventIds) entry.own.add(id);
  }

  invalidate(siteId: string, thread: string): void {
    const key = keyOf(siteId, thread);
    this.#bump(key);
    this.#drop(key);
  }

  clear(): void {
    for (const key of [...this.#entries.keys()]) this.#drop(key);
  }

  #generation(key: string): number {
    return this.#generations.get(key) ?? 0;
  }

  #bump(key: string): void {
    // Forgetting every generation only makes racing loads and writes miss the cache once.
    if (this.#generations.size > 10_000) this.#generations.clear();
    this.#generations.set(key, this.#generation(key) + 1);
  }

  #keep(key: string, siteId: string, thread: string, state: ThreadState, now: number): void {
    while (this.#entries.size >= this.options.maxThreads) this.#drop(this.#entries.keys().next().value!);
    const own = new Set<number>();
    const unsubscribe = this.realtime.subscribe(siteId, [`thread:${thread}`], (event) => {
      if (!own.delete(event.id)) {
        this.invalidate(siteId, thread);
        return;
      }
      // The hub delivers in journal order: every earlier event on this thread has come by now,
      // and any that was not ours dropped the entry. So the state includes all up to this one.
      const entry = this.#entries.get(key);
      if (entry) entry.state.position = Math.max(entry.state.position, event.id);
    });
    this.#entries.set(key, { state, until: now + this.options.ttlMs, unsubscribe, own });
  }

  #drop(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    entry.unsubscribe();
  }
}
