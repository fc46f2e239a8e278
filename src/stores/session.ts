import { atom, onMount, type ReadableAtom } from 'nanostores';
import { supports, topics, type PleinAdapter, type Viewer } from '../adapters/contract.js';
import { AdapterError, isAbortError } from '../adapters/errors.js';
import { rethrowAsAdapterError, toAdapterError } from '../core/errors.js';

export type SessionStatus = 'idle' | 'loading' | 'ready' | 'error';

/**
 * Who is using the page, for one adapter. Loads when first listened to (nanostores `onMount`),
 * follows `viewer-changed` on the session topic while listened to (when the adapter has realtime),
 * and stops listening a moment after the last listener leaves.
 */
export interface SessionStore {
  readonly adapter: PleinAdapter;
  /** `null`: an anonymous visitor. */
  readonly $viewer: ReadableAtom<Viewer | null>;
  readonly $status: ReadableAtom<SessionStatus>;
  /** Why the last load failed; `null` otherwise. */
  readonly $error: ReadableAtom<AdapterError | null>;
  /** (Re)loads the viewer; concurrent calls share one request. Never rejects: failures go to `$error`. */
  load(): Promise<void>;
  /** Rejects with an AdapterError (or an abort) and leaves the viewer as it was on failure. */
  signOut(): Promise<void>;
  /** Starts a name-only guest session; rejects with `forbidden` when the adapter has no guests. */
  signInAsGuest(name: string): Promise<Viewer>;
  /** Stops loading and realtime for good. */
  dispose(): void;
}

export function createSessionStore(adapter: PleinAdapter): SessionStore {
  const $viewer = atom<Viewer | null>(null);
  const $status = atom<SessionStatus>('idle');
  const $error = atom<AdapterError | null>(null);
  // Bumped on every viewer change, so a slow load cannot overwrite a newer sign-in or event.
  let version = 0;
  let loading: Promise<void> | undefined;
  let controller: AbortController | undefined;
  let unsubscribe: (() => void) | undefined;
  let mounted = 0;

  const setViewer = (viewer: Viewer | null): void => {
    version += 1;
    $viewer.set(viewer);
    $status.set('ready');
    $error.set(null);
  };

  const load = (): Promise<void> => {
    if (loading) return loading;
    const started = version;
    controller = new AbortController();
    const { signal } = controller;
    $status.set('loading');
    loading = adapter
      .getViewer({ signal })
      .then(
        (viewer) => {
          if (version === started) setViewer(viewer);
          else $status.set('ready');
        },
        (error: unknown) => {
          if (isAbortError(error)) {
            $status.set(version === started ? 'idle' : 'ready');
            return;
          }
          $error.set(toAdapterError(error));
          $status.set('error');
        },
      )
      .finally(() => {
        loading = undefined;
      });
    return loading;
  };

  const start = (): void => {
    if (supports(adapter, 'realtime')) {
      unsubscribe = adapter.subscribe(topics.session(), (event) => {
        if (event.type === 'viewer-changed') setViewer(event.viewer);
      });
    }
    // Only the first mount loads: nanostores also mounts briefly on a bare `get()`, which must not
    // cost a request each time. `load()` refreshes on demand; realtime keeps it current meanwhile.
    if ($status.get() === 'idle') void load();
  };

  const stop = (): void => {
    unsubscribe?.();
    unsubscribe = undefined;
    controller?.abort();
  };

  // Any of the three atoms keeps the session live; a component may listen to just `$status`.
  for (const store of [$viewer, $status, $error]) {
    onMount(store, () => {
      if (mounted++ === 0) start();
      return () => {
        if (--mounted === 0) stop();
      };
    });
  }

  return {
    adapter,
    $viewer,
    $status,
    $error,
    load,
    async signOut() {
      try {
        await adapter.signOut();
      } catch (error) {
        rethrowAsAdapterError(error);
      }
      setViewer(null);
    },
    async signInAsGuest(name) {
      if (!supports(adapter, 'guests')) {
        throw new AdapterError('forbidden', `Adapter "${adapter.name}" does not offer guest sign-in.`);
      }
      let viewer: Viewer;
      try {
        viewer = await adapter.signInAsGuest({ name });
      } catch (error) {
        rethrowAsAdapterError(error);
      }
      setViewer(viewer);
      return viewer;
    },
    dispose: stop,
  };
}

const shared = new WeakMap<PleinAdapter, SessionStore>();

/** The one session store for `adapter`, shared by every element on the page that uses it. */
export function sessionStoreFor(adapter: PleinAdapter): SessionStore {
  let store = shared.get(adapter);
  if (!store) {
    store = createSessionStore(adapter);
    shared.set(adapter, store);
  }
  return store;
}
