/** `plein/memory`: the in-memory adapter for demos, stories and tests. */
export {
  createMemoryAdapter,
  demoPeople,
  demoSeed,
  demoViewers,
  mergeSeeds,
  seedThread,
  storageKey,
} from './adapters/memory/index.js';
export type {
  MemoryAdapter,
  MemoryAdapterOptions,
  MemorySeed,
  SeedComment,
  SeedReport,
  SeedThread,
  SeedThreadOptions,
} from './adapters/memory/index.js';
