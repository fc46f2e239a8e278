import type { Capabilities, Capability, PleinAdapter, Viewer } from '../adapters/contract.js';
import { ConformanceError } from './assert.js';
import { THREAD_FIXTURES } from './threads.js';
import type { ConformanceOptions, It } from './types.js';

/** What a test needs; without it the test is registered as skipped, with the reason. */
export interface Needs {
  capabilities?: readonly Capability[];
  persistent?: boolean;
}

/** One running test: its namespace and the adapters it opened, all disposed when it ends. */
export interface KitTest {
  readonly namespace: string;
  /** How long to wait for something that should happen (a realtime event). */
  readonly patience: number;
  /** An adapter acting as `viewer` (a persona, or null for anonymous) on this test's namespace. */
  open(viewer: Viewer | null): Promise<PleinAdapter>;
  /** Disposes every adapter opened so far, as closing every tab of a site would. */
  disposeAll(): Promise<void>;
}

export interface Registrar {
  /** The adapter's declaration, or null when the factory is async and it is read per test. */
  readonly supports: Capabilities | null;
  test(title: string, needs: Needs, body: (t: KitTest) => Promise<void>): void;
}

const DEFAULT_TIMEOUT = 3000;

let namespaces = 0;

function freshNamespace(name: string): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 24);
  return `plein-kit-${slug}-${(++namespaces).toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

/**
 * Reads `supports` from a synchronous factory while tests are registered, so that tests of
 * undeclared capabilities can be registered as skipped. Async factories are read per test.
 */
export function readSupports(options: ConformanceOptions): Capabilities | null {
  let adapter: unknown;
  try {
    adapter = options.factory({ namespace: freshNamespace(`${options.name}-probe`), viewer: null, threads: THREAD_FIXTURES });
  } catch {
    return null; // Every test will call the factory again and report the error itself.
  }
  if (isThenable(adapter)) {
    adapter.then((created) => disposeQuietly(created as PleinAdapter), () => {});
    return null;
  }
  const supports = (adapter as PleinAdapter | null)?.supports;
  disposeQuietly(adapter as PleinAdapter);
  return typeof supports === 'object' && supports !== null ? { ...supports } : null;
}

function disposeQuietly(adapter: PleinAdapter | null | undefined): void {
  try {
    const result = adapter?.dispose?.();
    if (isThenable(result)) result.then(undefined, () => {});
  } catch {
    // Disposal problems are reported by the tests that dispose, not by the probe.
  }
}

function unmetPersistence(needs: Needs, options: ConformanceOptions): string | null {
  return needs.persistent && !options.persistent ? 'the factory is not declared persistent' : null;
}

function missingCapabilities(needs: Needs, supports: Capabilities): string | null {
  const missing = (needs.capabilities ?? []).filter((capability) => supports[capability] !== true);
  return missing.length > 0 ? `capability not declared: ${missing.join(', ')}` : null;
}

function registerSkipped(it: It, title: string, reason: string): void {
  const label = `${title} [skipped: ${reason}]`;
  if (typeof it.skip === 'function') it.skip(label, async () => {});
  else it(label, async () => {});
}

/** Skips from inside a running test: mocha's `this.skip()`, node:test's and vitest's `t.skip()`. */
function skipNow(runnerThis: unknown, args: unknown[], reason: string): void {
  for (const candidate of [runnerThis, args[0]]) {
    const skip = (candidate as { skip?: unknown } | null | undefined)?.skip;
    if (typeof skip === 'function') {
      skip.call(candidate, reason);
      return;
    }
  }
  console.info(`[plein/testing] passed without running: ${reason}`);
}

async function withinTimeout(work: Promise<void>, ms: number, title: string): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ConformanceError(`"${title}" did not finish within ${ms} ms.`)), ms);
  });
  try {
    await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

class TestRun implements KitTest {
  readonly namespace: string;
  readonly patience: number;
  #adapters: PleinAdapter[] = [];
  #ended = false;

  constructor(private readonly options: ConformanceOptions) {
    this.namespace = freshNamespace(options.name);
    this.patience = Math.max(100, (options.timeout ?? DEFAULT_TIMEOUT) / 2);
  }

  async open(viewer: Viewer | null): Promise<PleinAdapter> {
    const adapter = await this.options.factory({
      namespace: this.namespace,
      viewer: viewer && structuredClone(viewer),
      threads: THREAD_FIXTURES,
    });
    if (typeof adapter !== 'object' || adapter === null) {
      throw new ConformanceError(`The factory returned ${String(adapter)} instead of an adapter.`);
    }
    this.#adapters.push(adapter);
    if (this.#ended) {
      // A body still running after its timeout must not leave adapters behind.
      await this.disposeAll();
      throw new ConformanceError('The test already ended.');
    }
    return adapter;
  }

  async disposeAll(): Promise<void> {
    const adapters = this.#adapters.splice(0);
    for (const adapter of adapters) await adapter.dispose?.();
  }

  end(): Promise<void> {
    this.#ended = true;
    return this.disposeAll();
  }
}

export function createRegistrar(options: ConformanceOptions, supports: Capabilities | null): Registrar {
  const timeout = options.timeout ?? DEFAULT_TIMEOUT;
  return {
    supports,
    test(title, needs, body) {
      const reason = unmetPersistence(needs, options) ?? (supports ? missingCapabilities(needs, supports) : null);
      if (reason) {
        registerSkipped(options.it, title, reason);
        return;
      }
      options.it(title, async function (this: unknown, ...args: unknown[]) {
        const run = new TestRun(options);
        let failed = true;
        try {
          if (!supports) {
            const lateReason = missingCapabilities(needs, (await run.open(null)).supports ?? {});
            if (lateReason) {
              failed = false;
              skipNow(this, args, lateReason);
              return;
            }
          }
          await withinTimeout(body(run), timeout, title);
          failed = false;
        } finally {
          // A disposal failure fails a test that passed; it must not hide the failure of one that did not.
          await run.end().catch((error: unknown) => {
            if (!failed) throw error;
          });
        }
      });
    },
  };
}
