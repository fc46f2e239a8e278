import { defineAdapter } from '../define.js';
import { topics, type AdapterWith, type Capabilities, type Capability, type Viewer } from '../contract.js';
import type { AdapterError } from '../errors.js';
import { MemoryInstance } from './instance.js';
import type { DatabaseRegistry } from './registry.js';
import { demoSeed, type MemorySeed } from './seed.js';
import { commentsSection } from './sections/comments.js';
import { moderationSection } from './sections/moderation.js';
import { pollsSection } from './sections/polls.js';
import { reactionsSection } from './sections/reactions.js';
import { realtimeSection } from './sections/realtime.js';
import { reportsSection } from './sections/reports.js';
import { sessionSection } from './sections/session.js';

export interface MemoryAdapterOptions {
  /**
   * Instances with the same namespace on a page share data and realtime events; with `persist`,
   * also across tabs. They are also one device for polls with `device` integrity (see
   * `polls-device.ts`). Default `"default"`.
   */
  namespace?: string;
  /**
   * Who this instance acts as. Without one (or `null`) it follows the device: the namespace's
   * guest session when a visitor started one, else anonymous.
   */
  viewer?: Viewer | null;
  /** Keep the namespace's data in localStorage and share events with other tabs. Default false. */
  persist?: boolean;
  /** Starting data when nothing is stored yet; default `demoSeed`. The first instance's seed wins. */
  seed?: MemorySeed;
  /** Milliseconds every call waits before answering, to show loading states. Default 0. */
  latency?: number;
  /** Called with each method's name; a returned AdapterError fails that call (error states, retries). */
  failWith?: (method: string) => AdapterError | undefined;
}

/** Families implemented so far; each section brings its capabilities, methods and event shaping. */
const SECTIONS = [sessionSection, realtimeSection, commentsSection, reactionsSection, reportsSection, moderationSection, pollsSection] as const;

type MemoryCapability = 'session' | 'guests' | 'realtime' | 'comments' | 'reactions' | 'reports' | 'moderation' | 'polls';

export interface MemoryAdapter extends AdapterWith<MemoryCapability> {
  readonly name: 'memory';
  readonly namespace: string;
  /** Switches who this instance acts as (`null`: anonymous) and emits `viewer-changed` to its subscribers. */
  setViewer(viewer: Viewer | null): void;
  /** Stops this instance; the namespace's data is dropped when its last instance is disposed. */
  dispose(): void;
}

function supportsOf(sections: readonly { capabilities: readonly Capability[] }[]): Capabilities {
  return Object.fromEntries(sections.flatMap((section) => section.capabilities).map((capability) => [capability, true]));
}

/** Builds an adapter on a given registry; `createMemoryAdapter` uses the page's. */
export function buildMemoryAdapter(registry: DatabaseRegistry, options: MemoryAdapterOptions = {}): MemoryAdapter {
  const namespace = options.namespace ?? 'default';
  const db = registry.acquire({ namespace, persist: options.persist === true, seed: options.seed ?? demoSeed });
  const shapers = SECTIONS.flatMap((section) => (section.shape ? [section.shape] : []));
  const instance = new MemoryInstance(db, options, shapers);

  return defineAdapter<MemoryAdapter>({
    name: 'memory',
    namespace,
    supports: supportsOf(SECTIONS),
    ...sessionSection.methods(instance),
    ...realtimeSection.methods(instance),
    ...commentsSection.methods(instance),
    ...reactionsSection.methods(instance),
    ...reportsSection.methods(instance),
    ...moderationSection.methods(instance),
    ...pollsSection.methods(instance),
    setViewer(viewer) {
      if (instance.disposed) return;
      instance.actAs(viewer);
      instance.emit(topics.session(), { type: 'viewer-changed', viewer: viewer && structuredClone(viewer) });
    },
    dispose() {
      if (instance.disposed) return;
      instance.dispose();
      registry.release(db);
    },
  });
}
