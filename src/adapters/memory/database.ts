import { EventBus, type BusMessage } from './bus.js';
import type { MemorySeed } from './seed.js';
import { localStateStorage, storageKey, type StateStorage, type StoredSlices } from './storage.js';

/**
 * One section's part of a namespace's data (the session, the comments, …), stored under `key`.
 * Sections declare their slice next to their methods, so adding a family adds data without
 * touching the database.
 */
export interface Slice<T> {
  key: string;
  /** The value for a namespace with nothing stored: usually built from the seed. */
  initial(seed: MemorySeed): T;
  /** Turns the stored JSON back into a value, or `undefined` when it is unusable. */
  revive(stored: unknown): T | undefined;
}

export interface DatabaseConfig {
  namespace: string;
  persist: boolean;
  seed: MemorySeed;
}

/**
 * A namespace's data, shared by every adapter instance of that namespace on the page, with the
 * bus that carries its events. Values are kept as revived objects; `update` is the only way to
 * change them, and persists right away when storage is on.
 */
export class Database {
  readonly namespace: string;
  readonly persist: boolean;
  readonly bus: EventBus;
  #seed: MemorySeed;
  #storage: StateStorage | null;
  #stored: StoredSlices;
  #live = new Map<string, unknown>();
  #unsaved = false;

  constructor(config: DatabaseConfig) {
    this.namespace = config.namespace;
    this.persist = config.persist;
    this.#seed = config.seed;
    this.#storage = config.persist ? localStateStorage(config.namespace) : null;
    this.#stored = this.#storage?.load() ?? {};
    // Other tabs can only follow a change they can reload, so no storage means no broadcasting.
    this.bus = new EventBus(this.#storage ? storageKey(config.namespace) : null, () => this.reload());
  }

  read<T>(slice: Slice<T>): T {
    if (this.#live.has(slice.key)) return this.#live.get(slice.key) as T;
    let value: T | undefined;
    if (slice.key in this.#stored) {
      value = slice.revive(this.#stored[slice.key]);
      if (value === undefined) console.warn(`[plein/memory] stored "${slice.key}" data is unusable; using the seed.`);
    }
    value ??= slice.initial(this.#seed);
    this.#live.set(slice.key, value);
    return value;
  }

  /** Applies `change` (mutating the value or returning a new one) and persists the result. */
  update<T>(slice: Slice<T>, change: (value: T) => T | void): T {
    // Another tab may have written since we last read; start from its version, unless our own
    // changes could not be saved and exist only here.
    if (this.#storage && !this.#unsaved) this.reload();
    const current = this.read(slice);
    const next = change(current) ?? current;
    this.#live.set(slice.key, next);
    if (this.#storage) {
      this.#stored = { ...this.#stored, ...Object.fromEntries(this.#live) };
      this.#unsaved = !this.#storage.save(this.#stored);
    }
    return next;
  }

  /** Forgets revived values so the next read comes from storage again. */
  reload(): void {
    if (!this.#storage) return;
    this.#stored = this.#storage.load();
    this.#live.clear();
    this.#unsaved = false;
  }

  publish(message: BusMessage): void {
    this.bus.publish(message);
  }

  close(): void {
    this.bus.close();
  }
}
