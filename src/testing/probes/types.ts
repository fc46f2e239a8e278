import type { AdapterErrorCode, Capability, PleinAdapter, RealtimeEvent } from '../../adapters/contract.js';
import type { KitTest } from '../harness.js';

/**
 * What each capability contributes to the kit's cross-cutting sections (abort signals, error
 * shapes, realtime, persistence). A new family adds one file of probes here and one section of
 * its own behaviour; the cross-cutting sections pick its probes up without changes.
 */
export interface CapabilityProbes {
  abort?: AbortProbe[];
  errors?: ErrorProbe[];
  triggers?: EventTrigger[];
  persistence?: PersistenceProbe[];
}

interface Probe {
  /** Capabilities the probe uses; its tests are skipped unless all are declared. */
  capabilities: readonly Capability[];
}

/** A method called with an already-aborted signal. */
export interface AbortProbe extends Probe {
  method: string;
  /** Reads may also be checked for rejecting with the caller's own abort reason. */
  kind: 'read' | 'write';
  /** Prepares the adapter to call (by default an anonymous one). */
  open?(t: KitTest): Promise<PleinAdapter>;
  call(adapter: PleinAdapter, signal: AbortSignal): Promise<unknown>;
  /** For writes: fails when the aborted write took effect anyway. */
  verifyNoEffect?(adapter: PleinAdapter): Promise<void>;
}

/** A call that must fail with a specific AdapterError code. */
export interface ErrorProbe extends Probe {
  /** Completes "throws … when <title>". */
  title: string;
  code: AdapterErrorCode;
  /** For `invalid`: the field that must carry the problem. */
  field?: string;
  provoke(t: KitTest): Promise<unknown>;
}

/** Something that causes a realtime event, and who should hear it. */
export interface EventTrigger extends Probe {
  /** Completes "delivers <title>". */
  title: string;
  setup(t: KitTest): Promise<{
    listener: PleinAdapter;
    topic: string;
    fire(): Promise<unknown>;
    matches(event: RealtimeEvent): boolean;
  }>;
}

/** Data written by one instance and looked for in a new instance after all were disposed. */
export interface PersistenceProbe extends Probe {
  /** Completes "keeps <title> …". */
  title: string;
  write(t: KitTest): Promise<unknown>;
  verify(t: KitTest, written: unknown): Promise<void>;
}
