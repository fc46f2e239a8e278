import type { Actor } from '../../domain/roles.js';
import type { CallOptions, RealtimeEvent, Viewer } from '../contract.js';
import { AdapterError } from '../errors.js';
import type { Database } from './database.js';
import { Listeners } from './listeners.js';
import { sessionSlice } from './session-state.js';
import { wait } from './simulate.js';

/**
 * Reshapes a namespace-wide event for one instance's viewer (its `mine`, `myVote`, visibility):
 * `null` keeps the event from that instance, a list delivers several (a comment that became
 * visible together with the replies under it). `detail` is the bus message's `detail`.
 */
export type Shaper = (
  topic: string,
  event: RealtimeEvent,
  instance: MemoryInstance,
  detail?: unknown,
) => RealtimeEvent | readonly RealtimeEvent[] | null;

export interface InstanceOptions {
  viewer?: Viewer | null;
  latency?: number;
  failWith?: (method: string) => AdapterError | undefined;
}

/**
 * One adapter instance: who it acts as, its listeners and its simulated network. Sections get it
 * to implement their methods; the data itself lives in the shared `db`.
 *
 * Who it acts as: a fixed viewer (given at creation or through `setViewer`), or, when created
 * without one, "this device": the namespace's guest session if there is one, else anonymous —
 * just as a real site's anonymous visitor gets their guest cookie back.
 */
export class MemoryInstance {
  readonly db: Database;
  readonly listeners = new Listeners();
  #fixed: { viewer: Viewer | null } | null;
  #latency: number;
  #failWith: InstanceOptions['failWith'];
  #shapers: readonly Shaper[];
  #stopListening: () => void;
  #disposed = false;

  constructor(db: Database, options: InstanceOptions, shapers: readonly Shaper[]) {
    this.db = db;
    this.#fixed = options.viewer ? { viewer: structuredClone(options.viewer) } : null;
    this.#latency = Math.max(0, options.latency ?? 0);
    this.#failWith = options.failWith;
    this.#shapers = shapers;
    this.#stopListening = db.bus.on(({ topic, event, detail }) => this.#receive(topic, event, detail));
  }

  get disposed(): boolean {
    return this.#disposed;
  }

  /** Acting as this device's guest session (or anonymous) rather than a fixed viewer. */
  get followsDevice(): boolean {
    return this.#fixed === null;
  }

  viewer(): Viewer | null {
    return this.#fixed ? this.#fixed.viewer : this.db.read(sessionSlice).guest;
  }

  actor(): Actor {
    const viewer = this.viewer();
    if (!viewer) return { kind: 'anonymous' };
    if (viewer.guest) return { kind: 'guest', id: viewer.id, name: viewer.name };
    return { kind: 'member', id: viewer.id, name: viewer.name, roles: viewer.roles };
  }

  actAs(viewer: Viewer | null): void {
    this.#fixed = { viewer: viewer && structuredClone(viewer) };
  }

  followDevice(): void {
    this.#fixed = null;
  }

  /**
   * Runs one adapter method the way a network call behaves: refuses after dispose, honours the
   * abort signal before, during and after the simulated latency, then lets `failWith` fail it.
   */
  async call<T>(method: string, options: CallOptions | undefined, body: () => T): Promise<T> {
    const signal = options?.signal;
    signal?.throwIfAborted();
    this.#assertOpen();
    if (this.#latency > 0) await wait(this.#latency, signal);
    signal?.throwIfAborted();
    this.#assertOpen();
    const failure = this.#failWith?.(method);
    if (failure) throw failure;
    return body();
  }

  /** Delivers to this instance's own listeners only (e.g. its viewer changed). */
  emit(topic: string, event: RealtimeEvent): void {
    queueMicrotask(() => {
      if (!this.#disposed) this.listeners.deliver(topic, event);
    });
  }

  dispose(): void {
    this.#disposed = true;
    this.#stopListening();
    this.listeners.clear();
  }

  #receive(topic: string, event: RealtimeEvent, detail: unknown): void {
    if (this.#disposed || !this.listeners.has(topic)) return;
    let shaped: readonly RealtimeEvent[] = [event];
    for (const shape of this.#shapers) {
      shaped = shaped.flatMap((one) => {
        const result = shape(topic, one, this, detail);
        return result === null ? [] : Array.isArray(result) ? result : [result as RealtimeEvent];
      });
      if (shaped.length === 0) return;
    }
    for (const one of shaped) this.listeners.deliver(topic, one);
  }

  #assertOpen(): void {
    if (this.#disposed) throw new AdapterError('unavailable', 'This memory adapter has been disposed.');
  }
}
