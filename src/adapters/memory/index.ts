/**
 * The in-memory adapter: a complete Plein backend inside the page, for demos, stories and tests.
 * Optionally persisted to localStorage, with realtime between instances and tabs, simulated
 * latency and failures.
 */
import { buildMemoryAdapter, type MemoryAdapter, type MemoryAdapterOptions } from './adapter.js';
import { pageRegistry } from './registry.js';

export type { MemoryAdapter, MemoryAdapterOptions } from './adapter.js';
export { demoSeed, demoViewers, type MemorySeed } from './seed.js';
export { storageKey } from './storage.js';

export function createMemoryAdapter(options: MemoryAdapterOptions = {}): MemoryAdapter {
  return buildMemoryAdapter(pageRegistry, options);
}
