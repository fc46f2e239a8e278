import type { ConformanceOptions } from '../../../src/testing.js';
import { runAdapterConformance } from '../../../src/testing.js';

export type Outcome = 'passed' | 'failed' | 'skipped';

export interface Result {
  title: string;
  outcome: Outcome;
  error?: unknown;
}

/**
 * Runs the conformance kit inside a minimal runner of our own, so a test can look at which kit
 * tests passed, failed or were skipped. `withSkip: false` plays a runner without `it.skip`.
 */
export async function runKit(
  options: Omit<ConformanceOptions, 'describe' | 'it'>,
  { withSkip = true } = {},
): Promise<Result[]> {
  const registered: { title: string; fn: () => Promise<void>; skipped: boolean }[] = [];
  const path: string[] = [];
  const describe = (name: string, fn: () => void) => {
    path.push(name);
    try {
      fn();
    } finally {
      path.pop();
    }
  };
  const add = (skipped: boolean) => (name: string, fn: () => Promise<void>) => {
    registered.push({ title: [...path.slice(1), name].join(' › '), fn, skipped });
  };
  const it = Object.assign(add(false), withSkip ? { skip: add(true) } : {});

  runAdapterConformance({ ...options, describe, it });

  const results: Result[] = [];
  for (const test of registered) {
    if (test.skipped) {
      results.push({ title: test.title, outcome: 'skipped' });
      continue;
    }
    try {
      await test.fn();
      results.push({ title: test.title, outcome: 'passed' });
    } catch (error) {
      results.push({ title: test.title, outcome: 'failed', error });
    }
  }
  return results;
}

export const titles = (results: Result[], outcome: Outcome) =>
  results.filter((result) => result.outcome === outcome).map((result) => result.title);
