import type { PostCommentInput } from '../../adapters/contract.js';
import type { DraftKey } from './drafts.js';
import { unsentStoragePrefix } from './drafts.js';

/** A post the backend has not confirmed, as kept in storage until it has. */
export interface UnsentPost {
  input: PostCommentInput;
  draft: DraftKey;
  /** Whose post it is (`null`: a visitor posting as a guest), so no one else's session sends it. */
  viewer: string | null;
  /** When it was written (epoch ms). */
  at: number;
}

/**
 * The viewer's posts not confirmed yet, one storage entry each, so that closing or reloading the
 * page loses none of them, and two tabs of the site never overwrite each other's. An entry is
 * removed once the backend has the post, it is discarded, or the writer takes it back to fix it.
 */
export interface UnsentPosts {
  /** Keeps `post`; `false` when storage refused it (the caller keeps the text another way). */
  keep(localId: string, post: UnsentPost): boolean;
  /** Removes the post's entry (the backend has it, or it was discarded or taken back), and lets go of it. */
  forget(localId: string): void;
  /**
   * Makes this page the one that sends `localId` for as long as it is open (a Web Lock, which the
   * browser lets go of when the page goes): `false` when another open page of the site still has
   * it after a moment. Without Web Locks (an insecure context) every page may.
   */
  hold(localId: string): Promise<boolean>;
  /** Lets another page take `localId` over (this one will not send it). */
  release(localId: string): void;
  releaseAll(): void;
  /** Every kept post of the thread, by local id, oldest first. */
  all(): [string, UnsentPost][];
}

export function createUnsentPosts(thread: string, storage: Storage | null): UnsentPosts {
  const prefix = unsentStoragePrefix(thread);
  const attempt = <T>(act: (storage: Storage) => T, otherwise: T): T => {
    try {
      return storage ? act(storage) : otherwise;
    } catch {
      return otherwise;
    }
  };
  const parse = (text: string | null): UnsentPost | null => {
    try {
      const post = JSON.parse(text ?? 'null') as Partial<UnsentPost> | null;
      return typeof post?.input?.body === 'string' && typeof post.draft === 'string' && typeof post.at === 'number' ? (post as UnsentPost) : null;
    } catch {
      return null;
    }
  };
  /** Lets go of a lock; `undefined` while it is being granted (then it is let go of at once). */
  const held = new Map<string, (() => void) | undefined>();
  const release = (localId: string): void => {
    held.get(localId)?.();
    held.delete(localId);
  };
  return {
    keep: (localId, post) =>
      attempt((store) => {
        store.setItem(prefix + localId, JSON.stringify(post));
        return true;
      }, false),
    forget(localId) {
      attempt((store) => store.removeItem(prefix + localId), undefined);
      release(localId);
    },
    hold(localId) {
      const locks = globalThis.navigator?.locks;
      if (!locks || held.has(localId)) return Promise.resolve(true);
      held.set(localId, undefined);
      return new Promise<boolean>((resolve) => {
        // A page that was just closed (or a widget just removed) lets go within moments.
        locks
          .request(prefix + localId, { signal: AbortSignal.timeout(250) }, () => {
            resolve(true);
            // Let go of at once when it was forgotten while the lock was on its way.
            if (!held.has(localId)) return undefined;
            return new Promise<void>((done) => held.set(localId, done));
          })
          .catch((error: unknown) => {
            const waitedInVain = error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError');
            if (waitedInVain) held.delete(localId);
            resolve(!waitedInVain);
          });
      });
    },
    release,
    releaseAll() {
      for (const localId of [...held.keys()]) release(localId);
    },
    all: () =>
      attempt((store) => {
        const posts: [string, UnsentPost][] = [];
        for (let index = 0; index < store.length; index++) {
          const name = store.key(index);
          const post = name?.startsWith(prefix) ? parse(store.getItem(name)) : null;
          if (name && post) posts.push([name.slice(prefix.length), post]);
        }
        return posts.sort((a, b) => a[1].at - b[1].at);
      }, []),
  };
}
