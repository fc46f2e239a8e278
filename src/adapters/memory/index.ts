/**
 * The in-memory adapter: a complete Plein backend inside the page, for demos, stories and tests.
 * Optionally persisted to localStorage, with realtime between instances and tabs, simulated
 * latency and failures.
 */
import { buildMemoryAdapter, type MemoryAdapter, type MemoryAdapterOptions } from './adapter.js';
import { pageRegistry } from './registry.js';

export type { MemoryAdapter, MemoryAdapterOptions } from './adapter.js';
export {
  demoPeople,
  demoSeed,
  demoViewers,
  demoYou,
  mergeSeeds,
  type MemorySeed,
  type SeedComment,
  type SeedReport,
  type SeedThread,
} from './seed.js';
export { seedThread, type SeedThreadOptions } from './seed-thread.js';
export { storageKey } from './storage.js';

export function createMemoryAdapter(options: MemoryAdapterOptions = {}): MemoryAdapter {
  return buildMemoryAdapter(pageRegistry, options);
}
