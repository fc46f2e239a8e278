/**
 * The guest session: the token the server signed for a name-only visitor, kept in storage so it
 * survives reloads (and is shared by the tabs of one site, as the visitor expects). Storage is a
 * convenience, never a reason to fail: unavailable storage, a full quota or a corrupt value cost
 * only the persistence.
 */
import type { Viewer } from '../contract.js';
import type { GuestStorage } from './options.js';

export interface StoredGuest {
  token: string;
  viewer: Viewer;
  /** ISO time the server stops accepting the token. */
  expiresAt: string;
}

function memoryStorage(): GuestStorage {
  const values = new Map<string, string>();
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, String(value)),
    removeItem: (key) => void values.delete(key),
  };
}

function defaultStorage(): GuestStorage {
  try {
    // Sandboxed frames and some privacy settings throw on mere access.
    if (globalThis.localStorage) return globalThis.localStorage;
  } catch {
    // Fall through to memory.
  }
  return memoryStorage();
}

function isStoredGuest(value: unknown): value is StoredGuest {
  const guest = value as Partial<StoredGuest> | null;
  return (
    typeof guest?.token === 'string' &&
    typeof guest.expiresAt === 'string' &&
    typeof guest.viewer?.id === 'string' &&
    typeof guest.viewer.name === 'string' &&
    Array.isArray(guest.viewer.roles)
  );
}

export class GuestSessions {
  readonly key: string;
  readonly #storage: GuestStorage;
  /** This page's copy, for when the storage cannot be read or written. */
  #memory: string | null = null;

  constructor(baseUrl: string, storage: GuestStorage | null | undefined) {
    this.key = `plein:http:guest:${baseUrl}`;
    this.#storage = storage === undefined ? defaultStorage() : (storage ?? memoryStorage());
  }

  /** The stored session, unless it expired (then it is forgotten). */
  read(now = Date.now()): StoredGuest | null {
    let text: string | null;
    try {
      // The storage is the truth when it works: another tab may have signed the guest out.
      text = this.#storage.getItem(this.key);
    } catch {
      text = this.#memory;
    }
    const guest = parse(text);
    if (guest && Date.parse(guest.expiresAt) <= now) {
      this.clear();
      return null;
    }
    return guest;
  }

  write(guest: StoredGuest): void {
    this.#memory = JSON.stringify(guest);
    try {
      this.#storage.setItem(this.key, this.#memory);
    } catch {
      // A full quota or blocked storage: the session lasts as long as this page.
    }
  }

  clear(): void {
    this.#memory = null;
    try {
      this.#storage.removeItem(this.key);
    } catch {
      // Nothing stored, then.
    }
  }
}

/** A stored value (from storage, or a `storage` event from another tab); `null` when absent or corrupt. */
export function parse(text: string | null): StoredGuest | null {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return isStoredGuest(value) ? value : null;
  } catch {
    return null;
  }
}
