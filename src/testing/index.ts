/**
 * The adapter conformance kit. Any test runner with `describe(name, fn)` and `it(name, asyncFn)`
 * runs it, in a browser or in Node:
 *
 * ```ts
 * import { runAdapterConformance } from 'plein/testing';
 * import { createMyAdapter } from '../src/my-adapter.js';
 * runAdapterConformance({ name: 'mine', describe, it, factory: ({ namespace, viewer }) => createMyAdapter({ site: namespace, viewer }) });
 * ```
 *
 * Every test gets a fresh namespace and disposes every adapter it made. Tests of capabilities the
 * adapter does not declare are registered as skipped (through `it.skip` when the runner has it).
 *
 * Adapters with comments also set up `context.threads` (a pre-moderated thread and one open to
 * guests, see `THREAD_FIXTURES`) the way their backend configures threads; for the memory adapter:
 * `createMemoryAdapter({ namespace, viewer, seed: { threads } })`.
 */
import { createRegistrar, readSupports } from './harness.js';
import { SECTIONS } from './sections/index.js';
import type { ConformanceOptions } from './types.js';

export type { AdapterFactory, ConformanceOptions, Describe, FactoryContext, It } from './types.js';
export { personas, type Personas } from './personas.js';
export { ConformanceError } from './assert.js';
export { kitThreads, THREAD_FIXTURES, type ThreadFixture } from './threads.js';

export function runAdapterConformance(options: ConformanceOptions): void {
  const registrar = createRegistrar(options, readSupports(options));
  options.describe(`${options.name} adapter conformance`, () => {
    for (const section of SECTIONS) options.describe(section.title, () => section.register(registrar));
  });
}
