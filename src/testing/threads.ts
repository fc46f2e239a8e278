/**
 * Threads the kit writes in. Most checks use `kitThreads.open`, which needs no set-up: threads
 * exist on first use with the default settings. A few checks need a thread with settings a
 * visitor cannot change through the contract (pre-moderation, guest posting); the factory gets
 * them as `context.threads` and sets them up however its backend configures threads (a seed,
 * an admin API, a fixture file), as it does sign-in for the personas.
 */
export interface ThreadFixture {
  id: string;
  premoderated?: boolean;
  guests?: boolean;
  locked?: boolean;
  reactions?: string[];
  ownerId?: string | null;
}

export const kitThreads = Object.freeze({
  /** Default settings: open, published on posting, no guests. */
  open: 'plein-kit-thread',
  /** `premoderated: true`. */
  premoderated: 'plein-kit-premoderated',
  /** `guests: true`. */
  guests: 'plein-kit-guests',
});

export const THREAD_FIXTURES: readonly ThreadFixture[] = Object.freeze([
  Object.freeze({ id: kitThreads.premoderated, premoderated: true }),
  Object.freeze({ id: kitThreads.guests, guests: true }),
]);
