import type { Capability } from '../../contract.js';
import type { MemoryInstance, Shaper } from '../instance.js';

/**
 * One family of the memory adapter (session, comments, polls, …): the capabilities it implements,
 * its methods for an instance and, when its events carry per-viewer fields, how to shape them.
 * Its data lives in a `Slice` declared next to it.
 */
export interface MemorySection<Methods extends object> {
  capabilities: readonly Capability[];
  methods(instance: MemoryInstance): Methods;
  shape?: Shaper;
}
