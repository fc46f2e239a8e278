/**
 * Counts kept between reads of a popular poll. A count is reused while no entry of the poll's
 * topic was journaled after the position read before counting (one indexed query instead of
 * reading every ballot), and for `ttlMs` at most, which bounds what pruning the journal or a
 * change made beside the API could leave unseen. Every poll write journals an entry in its own
 * transaction, so a reused count never misses a ballot committed on any instance.
 */
import { topics } from '../../adapters/contract.js';
import type { PollRecord } from '../../domain/poll-steps.js';
import type { PleinStore } from '../store/types.js';
import { countPoll, type Counted } from './reading.js';

interface Kept {
  position: number;
  counted: Counted;
  at: number;
  /** The record counted for: a count belongs to its options, type and scale. */
  record: string;
}

const MAX_POLLS = 1000;
const kept = new WeakMap<PleinStore, Map<string, Kept>>();

export async function cachedCount(store: PleinStore, siteId: string, poll: PollRecord, now: number, ttlMs: number): Promise<Counted> {
  if (ttlMs <= 0) return countPoll(store, siteId, poll);
  let polls = kept.get(store);
  if (!polls) kept.set(store, (polls = new Map()));
  const key = `${siteId}\u0000${poll.id}`;
  const record = JSON.stringify(poll);
  const entry = polls.get(key);
  if (entry && entry.record === record && now - entry.at < ttlMs) {
    const newer = await store.eventsSince(siteId, [topics.poll(poll.id)], entry.position, 1);
    if (newer.length === 0) return entry.counted;
  }
  const position = (await store.journalBounds()).last;
  const counted = await countPoll(store, siteId, poll);
  polls.delete(key);
  if (polls.size >= MAX_POLLS) polls.delete(polls.keys().next().value!);
  polls.set(key, { position, counted, at: now, record });
  return counted;
}
