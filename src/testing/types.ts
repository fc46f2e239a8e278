import type { PleinAdapter, Viewer } from '../adapters/contract.js';
import type { ThreadFixture } from './threads.js';

/** `describe(name, fn)` of mocha, node:test, vitest, jasmine, … */
export type Describe = (name: string, fn: () => void) => unknown;

type TestRegistrar = (name: string, fn: () => Promise<void>) => unknown;

/** `it(name, asyncFn)`; its `it.skip` is used, when present, for tests of undeclared capabilities. */
export type It = TestRegistrar & { skip?: TestRegistrar };

export interface FactoryContext {
  /** Fresh for every test; every adapter of one test shares it, as people on one site do. */
  namespace: string;
  /** Who the adapter acts as: `null` for an anonymous visitor, else one of the kit's `personas`. */
  viewer: Viewer | null;
  /**
   * Threads that must exist in the namespace with these settings (pre-moderated, open to
   * guests) before the kit uses them; the same list on every call. Adapters without comments
   * ignore it. With the memory adapter: `seed: { threads }`.
   */
  threads: readonly ThreadFixture[];
}

export type AdapterFactory = (context: FactoryContext) => PleinAdapter | Promise<PleinAdapter>;

export interface ConformanceOptions {
  /** Shown in the suite title, e.g. "memory". */
  name: string;
  describe: Describe;
  it: It;
  /**
   * Makes an adapter for one person on one namespace. Called several times per test, with the
   * same namespace, to act as different people; every adapter is disposed after its test. Also
   * called once while tests are registered, to read `supports` (and disposed right away).
   */
  factory: AdapterFactory;
  /**
   * Data outlives the adapter: what one instance wrote is there after every instance of the
   * namespace is disposed and a new one is created. Turns on the persistence checks.
   */
  persistent?: boolean;
  /**
   * Milliseconds one test may take; a realtime event may take half of it to arrive. Default 3000.
   * Keep the runner's own timeout above it (mocha's default is 2000 ms) to get the kit's messages.
   */
  timeout?: number;
}
