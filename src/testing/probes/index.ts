import { commentProbes } from './comments.js';
import { guestProbes } from './guests.js';
import { pollProbes } from './polls.js';
import { sessionProbes } from './session.js';
import type { CapabilityProbes } from './types.js';

export type { AbortProbe, CapabilityProbes, ErrorProbe, EventTrigger, PersistenceProbe } from './types.js';

/** Every family's probes; a new family appends its own. */
export const PROBES: readonly CapabilityProbes[] = [sessionProbes, guestProbes, commentProbes, pollProbes];

export const abortProbes = PROBES.flatMap((probes) => probes.abort ?? []);
export const errorProbes = PROBES.flatMap((probes) => probes.errors ?? []);
export const eventTriggers = PROBES.flatMap((probes) => probes.triggers ?? []);
export const persistenceProbes = PROBES.flatMap((probes) => probes.persistence ?? []);
