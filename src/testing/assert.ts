/**
 * The kit's own small assertions, so it runs in any runner, in browsers and in Node, without
 * chai or node:assert.
 */
export class ConformanceError extends Error {
  override readonly name = 'ConformanceError';
}

export function fail(message: string): never {
  throw new ConformanceError(message);
}

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) fail(message);
}

export function show(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

export function checkEqual<T>(actual: unknown, expected: T, what: string): asserts actual is T {
  check(Object.is(actual, expected), `${what}: expected ${show(expected)}, got ${show(actual)}.`);
}

/** The error `work` rejects with; fails when it resolves instead. */
export async function rejection(work: Promise<unknown>, what: string): Promise<unknown> {
  let value: unknown;
  try {
    value = await work;
  } catch (error) {
    return error;
  }
  return fail(`${what} should have been rejected, but resolved with ${show(value)}.`);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
