/** `plein/memory`: the in-memory adapter for demos, stories and tests. */
export { createMemoryAdapter, demoSeed, demoViewers, storageKey } from './adapters/memory/index.js';
export type { MemoryAdapter, MemoryAdapterOptions, MemorySeed } from './adapters/memory/index.js';
