/** `root` for a new top-level comment, `reply:<comment id>`, `edit:<comment id>`. */
export type DraftKey = 'root' | `reply:${string}` | `edit:${string}`;

export interface CommentDrafts {
  /** The saved text, `''` when there is none. */
  get(key: DraftKey): string;
  /** Saves at once; an empty text clears. */
  set(key: DraftKey, text: string): void;
  clear(key: DraftKey): void;
}

export interface ThreadDrafts extends CommentDrafts {
  /** Clears only while the draft still holds `text`: the writer may have started something new since. */
  clearIf(key: DraftKey, text: string): void;
}

export function draftStorageKey(thread: string, key: DraftKey): string {
  return `plein:draft:${thread}:${key}`;
}

/** Where the posts of `thread` that the backend has not confirmed yet are kept, one entry each. */
export const unsentStoragePrefix = (thread: string): string => `plein:unsent:${thread}:`;

/**
 * Whether `storage` holds posts of `thread` that were never confirmed: left by an earlier page,
 * say. Whose they are is for the writing half to check (see `unsent.ts`), which this one loads.
 */
export function hasUnsent(thread: string, storage: Storage | null): boolean {
  const prefix = unsentStoragePrefix(thread);
  try {
    for (let index = 0; storage && index < storage.length; index++) if (storage.key(index)?.startsWith(prefix)) return true;
  } catch {
    // A storage that cannot be read holds nothing to restore.
  }
  return false;
}

export function replyDraftKey(parentId: string | null | undefined): DraftKey {
  return parentId ? `reply:${parentId}` : 'root';
}

// Drafts that storage refused (quota, privacy mode, sandboxed frame) live here for the rest of the
// page, so they still outlive the store that took them; a later successful write moves them back.
const refused = new Map<string, string>();

/** The page's localStorage, or null where merely touching it throws (sandboxed, cookies blocked). */
export function defaultDraftStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function createDrafts(thread: string, storage: Storage | null): ThreadDrafts {
  const read = (name: string): string => {
    if (refused.has(name)) return refused.get(name) ?? '';
    try {
      return storage?.getItem(name) ?? '';
    } catch {
      return '';
    }
  };

  const drop = (name: string): void => {
    refused.delete(name);
    try {
      storage?.removeItem(name);
    } catch {
      // Nothing to undo: a storage that cannot be read holds nothing we wrote.
    }
  };

  const drafts: ThreadDrafts = {
    get: (key) => read(draftStorageKey(thread, key)),
    set(key, text) {
      const name = draftStorageKey(thread, key);
      if (text === '') {
        drop(name);
        return;
      }
      if (storage) {
        try {
          storage.setItem(name, text);
          refused.delete(name);
          return;
        } catch {
          // QuotaExceededError or SecurityError: keep it in memory instead, and make sure an older
          // stored version cannot come back in its place.
          drop(name);
        }
      }
      refused.set(name, text);
    },
    clear: (key) => drop(draftStorageKey(thread, key)),
    clearIf(key, text) {
      if (drafts.get(key) === text) drafts.clear(key);
    },
  };
  return drafts;
}
