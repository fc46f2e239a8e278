import type { RealtimeMethods } from '../../contract.js';
import type { MemorySection } from './section.js';

/** `subscribe`: events of the namespace (from this page and, with `persist`, other tabs). */
export const realtimeSection: MemorySection<RealtimeMethods> = {
  capabilities: ['realtime'],
  methods: (instance) => ({
    subscribe: (topic, onEvent) => {
      if (instance.disposed) return () => {};
      return instance.listeners.add(topic, onEvent);
    },
  }),
};
