/**
 * Optional persistence of a namespace's data to localStorage. Storage is a convenience for demos,
 * never a reason to crash: unavailable storage, a full quota or a corrupt value only cost
 * persistence, and each is reported once through `console.warn`.
 */

/** Bump when the stored shape changes incompatibly; old values are then ignored, not misread. */
export const STORAGE_VERSION = 1;

export function storageKey(namespace: string): string {
  return `plein:memory:v${STORAGE_VERSION}:${namespace}`;
}

/** What is kept per namespace: one JSON value per section's slice of the data. */
export type StoredSlices = Record<string, unknown>;

export interface StateStorage {
  load(): StoredSlices;
  /** Returns false when the data could not be written (the data then lives in memory only). */
  save(slices: StoredSlices): boolean;
}

function warn(message: string, error?: unknown): void {
  console.warn(`[plein/memory] ${message}`, ...(error === undefined ? [] : [error]));
}

function openLocalStorage(): Storage | null {
  try {
    if (globalThis.localStorage) return globalThis.localStorage;
    warn('localStorage is not available here; data will not persist.');
    return null;
  } catch (error) {
    // Sandboxed frames and some privacy settings throw on mere access.
    warn('localStorage is not available; data will not persist.', error);
    return null;
  }
}

export function localStateStorage(namespace: string): StateStorage | null {
  const storage = openLocalStorage();
  if (!storage) return null;
  const key = storageKey(namespace);
  let warnedAboutSaving = false;

  return {
    load() {
      let text: string | null;
      try {
        text = storage.getItem(key);
      } catch (error) {
        warn(`could not read "${key}"; starting from the seed.`, error);
        return {};
      }
      if (text === null) return {};
      try {
        const parsed: unknown = JSON.parse(text);
        const slices = (parsed as { slices?: unknown } | null)?.slices;
        if (typeof slices === 'object' && slices !== null && !Array.isArray(slices)) return slices as StoredSlices;
        warn(`"${key}" does not hold Plein data; starting from the seed.`);
      } catch (error) {
        warn(`"${key}" holds corrupt JSON; starting from the seed.`, error);
      }
      return {};
    },
    save(slices) {
      try {
        storage.setItem(key, JSON.stringify({ version: STORAGE_VERSION, slices }));
        warnedAboutSaving = false;
        return true;
      } catch (error) {
        if (!warnedAboutSaving) warn(`could not save "${key}" (storage full?); changes are kept in memory only.`, error);
        warnedAboutSaving = true;
        return false;
      }
    },
  };
}
