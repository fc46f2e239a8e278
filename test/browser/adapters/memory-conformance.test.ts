import { createMemoryAdapter } from '../../../src/memory.js';
import { runAdapterConformance } from '../../../src/testing.js';

runAdapterConformance({
  name: 'memory',
  describe,
  it,
  factory: ({ namespace, viewer, threads }) => createMemoryAdapter({ namespace, viewer, persist: true, seed: { threads } }),
  persistent: true,
});

after(() => {
  for (const key of Object.keys(localStorage)) if (key.includes(':plein-kit-')) localStorage.removeItem(key);
});
