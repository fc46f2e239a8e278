import type { RealtimeEvent, PleinAdapter } from '../../../src/adapter.js';

let count = 0;

/** A namespace no other test (or parallel test file) uses. */
export function uniqueNamespace(label: string): string {
  return `plein-test-${label}-${++count}-${Math.random().toString(36).slice(2, 10)}`;
}

export function collect(adapter: PleinAdapter, topic: string): RealtimeEvent[] {
  const events: RealtimeEvent[] = [];
  adapter.subscribe?.(topic, (event) => events.push(event));
  return events;
}

export const settle = (ms = 30) => new Promise((resolve) => setTimeout(resolve, ms));

export async function until(condition: () => boolean, ms = 2000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > ms) throw new Error(`Condition not met within ${ms} ms`);
    await settle(10);
  }
}

/** Records console.warn calls until `restore()`. */
export function captureWarnings(): { messages: string[]; restore: () => void } {
  const original = console.warn;
  const messages: string[] = [];
  console.warn = (...args: unknown[]) => {
    messages.push(args.map(String).join(' '));
  };
  return { messages, restore: () => (console.warn = original) };
}

export function clearTestStorage(): void {
  for (const key of Object.keys(localStorage)) if (key.includes(':plein-test-')) localStorage.removeItem(key);
}
