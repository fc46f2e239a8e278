/**
 * Holding one request's transaction while another runs, so tests of writes that meet are
 * deterministic: the held request either has read but not yet begun to write, or is inside its
 * transaction holding what it wrote (the row locks on PostgreSQL, the database on SQLite).
 */
import type { PleinStore } from '../../../../src/server/store/types.js';

export interface Hold {
  /** Resolves when a transaction reached the hold. */
  waiting: Promise<void>;
  release: () => void;
}

function gate(): Hold & { reached: () => void; released: Promise<void> } {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let reached!: () => void;
  const waiting = new Promise<void>((resolve) => (reached = resolve));
  return { waiting, release, reached, released };
}

/** Holds the next transaction begun on `store` until `release`, before it begins. */
export function holdNextTransaction(store: PleinStore): Hold {
  const original = store.transaction;
  const { waiting, release, reached, released } = gate();
  store.transaction = (async (fn: (tx: PleinStore) => Promise<unknown>) => {
    store.transaction = original;
    reached();
    await released;
    return original.call(store, fn);
  }) as PleinStore['transaction'];
  return { waiting, release };
}

/** Holds the next transaction begun on `store` inside it, just before its first call of `method`, until `release`. */
export function holdInsideNextTransaction(store: PleinStore, method: keyof PleinStore): Hold {
  const original = store.transaction;
  const { waiting, release, reached, released } = gate();
  store.transaction = (async (fn: (tx: PleinStore) => Promise<unknown>) => {
    store.transaction = original;
    return original.call(store, (tx) => {
      let held = false;
      const wrapped = new Proxy(tx, {
        get(target, key, receiver) {
          const value = Reflect.get(target, key, receiver) as unknown;
          if (key !== method || held || typeof value !== 'function') return value;
          return async (...args: unknown[]) => {
            held = true;
            reached();
            await released;
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        },
      });
      return fn(wrapped);
    });
  }) as PleinStore['transaction'];
  return { waiting, release };
}
