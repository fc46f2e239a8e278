import type { Author, Viewer } from '../../../src/adapters/contract.js';
import type { AdapterError } from '../../../src/adapters/errors.js';
import { createMemoryAdapter, demoViewers, type MemoryAdapter, type MemorySeed } from '../../../src/adapters/memory/index.js';
import type { SeedComment, SeedThread } from '../../../src/adapters/memory/seed.js';
import { createCommentsStore, loadCommentsWriting, type CommentsStore, type CommentsStoreOptions } from '../../../src/stores/comments/index.js';

// The store's writing half (posting, changes) is a chunk of its own; these tests check that its
// actions are optimistic at once, which holds once it is loaded, so every test file loads it first.
before(() => loadCommentsWriting());

let count = 0;

/** A namespace and thread no other test (or parallel test file) uses. */
export function unique(label: string): string {
  return `plein-test-${label}-${++count}-${Math.random().toString(36).slice(2, 8)}`;
}

export const member: Viewer = demoViewers.member;
export const moderator: Viewer = demoViewers.moderator;
export const ada: Viewer = { id: 'demo-ada', name: 'Ada Bakker', avatarUrl: null, roles: ['member'] };
export const kees: Viewer = { id: 'demo-kees', name: 'Kees Smit', avatarUrl: null, roles: ['member'] };
const people: Author[] = [member, moderator, ada, kees];

/** Failures a test switches on and off: `failures.set('postComment', error)`. */
export type Failures = Map<string, AdapterError>;

export interface World {
  namespace: string;
  thread: string;
  failures: Failures;
  /** Every adapter method called, in order (including ones that failed). */
  calls: string[];
  adapters: MemoryAdapter[];
  stores: CommentsStore[];
  /** Another adapter instance on the same namespace: another person on another device. */
  adapter(viewer: Viewer | null, options?: { latency?: number }): MemoryAdapter;
  store(adapter: MemoryAdapter, options?: Partial<CommentsStoreOptions>): CommentsStore;
  dispose(): void;
}

export interface WorldOptions {
  comments?: SeedComment[];
  thread?: Partial<SeedThread>;
  seed?: (thread: string) => MemorySeed;
}

/** A namespace seeded with one thread, and handles to open adapters and stores on it. */
export function world(label: string, options: WorldOptions = {}): World {
  const namespace = unique(label);
  const thread = options.thread?.id ?? `${label}-thread`;
  const failures: Failures = new Map();
  const calls: string[] = [];
  const seed: MemorySeed = options.seed?.(thread) ?? {
    people,
    threads: [{ ...options.thread, id: thread }],
    comments: (options.comments ?? []).map((comment) => ({ ...comment, thread })),
  };
  const result: World = {
    namespace,
    thread,
    failures,
    calls,
    adapters: [],
    stores: [],
    adapter(viewer, adapterOptions = {}) {
      const adapter = createMemoryAdapter({
        namespace,
        viewer,
        seed,
        latency: adapterOptions.latency ?? 0,
        failWith: (method) => {
          calls.push(method);
          return failures.get(method);
        },
      });
      result.adapters.push(adapter);
      return adapter;
    },
    store(adapter, storeOptions = {}) {
      const store = createCommentsStore(adapter, { thread, storage: null, ...storeOptions });
      result.stores.push(store);
      return store;
    },
    dispose() {
      for (const store of result.stores) store.dispose();
      for (const adapter of result.adapters) adapter.dispose();
    },
  };
  return result;
}

// Ten minutes before the tests started: seeded comments are still within the edit window, and
// anything posted during a test is newer than all of them.
const start = Date.now() - 10 * 60_000;

/** `minutes` (0 to 9) after the seeds' start, as ISO; seeds read as a conversation in time. */
export function at(minutes: number): string {
  return new Date(start + minutes * 60_000).toISOString();
}

export function seedComment(id: string, minutes: number, fields: Partial<SeedComment> = {}): SeedComment {
  return { id, thread: '', author: ada.id, body: `Comment ${id}`, createdAt: at(minutes), ...fields };
}

export const settle = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));

export async function until(condition: () => boolean, ms = 3000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > ms) throw new Error(`Condition not met within ${ms} ms`);
    await settle(5);
  }
}

/** The rejection of `promise`, or a failure if it resolved. */
export async function rejection(promise: Promise<unknown>): Promise<AdapterError> {
  try {
    await promise;
  } catch (error) {
    return error as AdapterError;
  }
  throw new Error('Expected the promise to reject');
}

export const ids = (store: CommentsStore) => store.$items.get().map((entry) => entry.comment.id);

/** A Storage whose writes fail like a full or forbidden localStorage. */
export class RefusingStorage implements Storage {
  readonly #data = new Map<string, string>();
  refuse: 'quota' | 'security' | null = 'quota';

  get length(): number {
    return this.#data.size;
  }
  clear(): void {
    this.#data.clear();
  }
  getItem(key: string): string | null {
    if (this.refuse === 'security') throw new DOMException('Access denied', 'SecurityError');
    return this.#data.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.#data.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    if (this.refuse === 'security') throw new DOMException('Access denied', 'SecurityError');
    this.#data.delete(key);
  }
  setItem(key: string, value: string): void {
    if (this.refuse === 'quota') throw new DOMException('Quota exceeded', 'QuotaExceededError');
    if (this.refuse === 'security') throw new DOMException('Access denied', 'SecurityError');
    this.#data.set(key, value);
  }
}
