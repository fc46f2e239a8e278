import { expect } from '@open-wc/testing';
import type { PleinAdapter } from '../../../src/adapter.js';
import { createMemoryAdapter, type MemoryAdapter } from '../../../src/memory.js';
import type { FactoryContext } from '../../../src/testing.js';
import { titles, type Result } from './fake-runner.js';

/** The memory adapter as the kit's factory makes it: persisted, seeded with the kit's threads. */
export const memory = ({ namespace, viewer, threads }: FactoryContext) =>
  createMemoryAdapter({ namespace, viewer, persist: true, seed: { threads } });

/** The memory adapter with some of its parts replaced; `other` opens a second instance on the same namespace. */
export function broken(overrides: (inner: MemoryAdapter, other: (viewer: FactoryContext['viewer']) => MemoryAdapter) => Partial<PleinAdapter>) {
  return (context: FactoryContext): PleinAdapter => {
    const inner = memory(context);
    const extra: MemoryAdapter[] = [];
    const other = (viewer: FactoryContext['viewer']) => {
      const adapter = memory({ ...context, viewer });
      extra.push(adapter);
      return adapter;
    };
    const parts = overrides(inner, other);
    return {
      ...inner,
      ...parts,
      dispose() {
        for (const adapter of extra) adapter.dispose();
        inner.dispose();
      },
    };
  };
}

export const failed = (results: Result[]) => titles(results, 'failed');

/** The kit failed exactly the `expected` tests against a broken adapter, and no others. */
export function expectOnlyFailures(results: Result[], expected: string[]) {
  const failures = failed(results);
  for (const title of expected) expect(failures, `"${title}" should fail`).to.include(title);
  expect(failures.length, `unexpected failures:\n${failures.join('\n')}`).to.equal(expected.length);
}
