/**
 * What a comments operation works with: the store, realtime, the request's site and identity,
 * the clock and the settings. Routes build one per request.
 */
import type { Identity } from '../app/env.js';
import type { ServerConfig } from '../config.js';
import type { Realtime } from '../realtime/index.js';
import type { PleinStore, SiteRecord } from '../store/types.js';
import type { JournalPayload } from './changes.js';
import type { Checkout, ThreadCache } from './thread-cache.js';

export interface OperationContext {
  store: PleinStore;
  realtime: Realtime;
  config: ServerConfig;
  threads: ThreadCache;
  site: SiteRecord;
  identity: Identity;
  /** Epoch milliseconds. */
  now(): number;
  /** A creation time for a new comment (see `monotonicStamps`). */
  stamp(): string;
  ipHash: string;
}

export interface Publication {
  topic: string;
  payload: JournalPayload | null;
}

/**
 * Creation times: now, or 1 ms after the previous one handed out, so comments posted in one
 * millisecond keep their order (the domain orders by time, then id).
 */
export function monotonicStamps(clock: () => number): () => string {
  let last = 0;
  return () => {
    last = Math.max(clock(), last + 1);
    return new Date(last).toISOString();
  };
}

/**
 * Writes and its journal entries in one transaction: an acknowledged change always has its
 * event, and the event exists only if the change does. Delivery to this instance's streams
 * follows the commit (other instances hear of it through the journal or NOTIFY). `checkout` is
 * the thread the write changed: once committed, its state is the one this instance serves.
 * `publications` may be a function, called after `write`, when what to tell depends on what the
 * write read back.
 */
export async function commit(
  context: OperationContext,
  write: (tx: PleinStore) => Promise<void>,
  publications: readonly Publication[] | (() => readonly Publication[]),
  checkout?: Checkout,
): Promise<void> {
  let entries: (Publication & { payload: JournalPayload })[] = [];
  const threadEvents: number[] = [];
  try {
    await context.store.transaction(async (tx) => {
      await write(tx);
      entries = (typeof publications === 'function' ? publications() : publications).filter(
        (entry): entry is Publication & { payload: JournalPayload } => entry.payload !== null,
      );
      for (const { topic, payload } of entries) {
        const stored = await tx.appendEvent({ siteId: context.site.id, topic, payload });
        if (checkout && topic === `thread:${checkout.thread}`) threadEvents.push(stored.id);
      }
    });
  } catch (error) {
    // The write may have raced a reader's load: forget what was cached of the thread.
    if (checkout) context.threads.invalidate(checkout.siteId, checkout.thread);
    throw error;
  }
  if (checkout) context.threads.settle(checkout, threadEvents);
  if (entries.length > 0) await context.realtime.flush().catch(() => undefined);
}
