import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ReadableAtom } from 'nanostores';
import type { PleinAdapter } from '../adapters/contract.js';

export interface StoreControllerOptions<K, S> {
  /** Which store the host wants now, e.g. `() => this.thread`; `undefined`/`null`/`''` means none. */
  key: () => K | undefined | null;
  /** Builds the store for a key and adapter. Called again when either changes. */
  create: (key: K, adapter: PleinAdapter) => S;
  /** Releases a store the host no longer uses (aborts requests, closes subscriptions). */
  dispose?: (store: S) => void;
  /** The atoms whose changes re-render the host. Listening also mounts them (nanostores `onMount`). */
  atoms: (store: S) => readonly ReadableAtom<unknown>[];
  /** Compares keys; `Object.is` by default. */
  sameKey?: (a: K, b: K) => boolean;
  /** Where the adapter comes from; the host's `adapter` (provider, then `configure()`) by default. */
  adapter?: () => PleinAdapter | null | undefined;
}

type Host = ReactiveControllerHost & { readonly adapter?: PleinAdapter | null };

interface Entry<K, S> {
  key: K;
  adapter: PleinAdapter;
  store: S;
  unlisten: () => void;
}

/**
 * Gives a component the store for its current key and adapter:
 *
 * ```ts
 * private comments = new StoreController(this, {
 *   key: () => this.thread,
 *   create: (thread, adapter) => createCommentsStore(adapter, thread),
 *   dispose: (store) => store.dispose(),
 *   atoms: (store) => [store.$comments, store.$status],
 * });
 * render() { const store = this.comments.value; … }
 * ```
 *
 * The store is created when the host connects, replaced (the old one disposed) when the key or the
 * adapter changes, and disposed when the host leaves the page. Moving the host within the page
 * (disconnect and reconnect in the same task) keeps the store, so nothing refetches.
 */
export class StoreController<K, S> implements ReactiveController {
  readonly #host: Host;
  readonly #options: StoreControllerOptions<K, S>;
  #entry: Entry<K, S> | undefined;
  #connected = false;

  constructor(host: Host, options: StoreControllerOptions<K, S>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The current store; `undefined` while there is no key or no adapter. */
  get value(): S | undefined {
    return this.#entry?.store;
  }

  get key(): K | undefined {
    return this.#entry?.key;
  }

  hostConnected(): void {
    this.#connected = true;
    if (this.#sync()) this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#connected = false;
    queueMicrotask(() => {
      if (!this.#connected) this.#release();
    });
  }

  /** Runs before every render, so a changed key or adapter renders with its new store at once. */
  hostUpdate(): void {
    if (this.#connected) this.#sync();
  }

  /** Creates, keeps or replaces the store; true when it changed. */
  #sync(): boolean {
    const key = this.#options.key();
    const adapter = (this.#options.adapter ?? (() => this.#host.adapter))() ?? null;
    const wanted = key !== undefined && key !== null && key !== '' && adapter !== null;
    const current = this.#entry;
    if (current && wanted && current.adapter === adapter && (this.#options.sameKey ?? Object.is)(current.key, key)) {
      return false;
    }
    if (!current && !wanted) return false;
    this.#release();
    if (wanted) this.#entry = this.#open(key, adapter);
    return true;
  }

  #open(key: K, adapter: PleinAdapter): Entry<K, S> {
    const store = this.#options.create(key, adapter);
    const stops = this.#options.atoms(store).map((atom) => atom.listen(() => this.#host.requestUpdate()));
    return { key, adapter, store, unlisten: () => stops.forEach((stop) => stop()) };
  }

  #release(): void {
    const entry = this.#entry;
    if (!entry) return;
    this.#entry = undefined;
    entry.unlisten();
    this.#options.dispose?.(entry.store);
  }
}
