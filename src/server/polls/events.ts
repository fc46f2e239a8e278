/**
 * Realtime for polls. A poll change is journaled with the stored definition only: no ballot and
 * no count, so the journal holds nothing that tells what anybody chose, and concurrent ballots
 * on several instances cannot leave a stale count as the last word. Each instance counts the poll
 * once per delivered entry (shared by all its streams) and shapes it for each subscriber with the
 * same `present` a read uses: the tally and quiz answers appear only for viewers who may see
 * them, and `voted`/`myBallot` are the subscriber's own. What the subscriber has to do with the
 * poll is looked up once per stream and again only when it may have changed: when the entry names
 * the subscriber as the voter who acted, or, for `anonymous` polls (whose entries name nobody),
 * until the subscriber is known to have voted. For those, one question per entry asks which of
 * all the streams' voters have voted, not one per stream.
 */
import { topics, type RealtimeEvent } from '../../adapters/contract.js';
import type { PollRecord } from '../../domain/poll-steps.js';
import type { Actor } from '../../domain/roles.js';
import type { PleinStore, SiteRecord, StoredEvent } from '../store/types.js';
import { NOT_VOTED, countPoll, participation, present, type Counted, type Participation } from './reading.js';
import { voterKeyOf } from './voters.js';

export interface PollJournalPayload {
  v: 1;
  /** Empty: the comment shaping delivers nothing of a poll entry; `pollStreamShaper` does. */
  views: Record<string, never>;
  poll: {
    record: PollRecord;
    /** The voter whose ballot changed; absent for `anonymous` polls and for changes by nobody's ballot. */
    voter?: string;
  };
}

export function pollPayload(record: PollRecord, voter: string | null): PollJournalPayload {
  const named = voter !== null && record.voters !== 'anonymous';
  return { v: 1, views: {}, poll: { record, ...(named ? { voter } : {}) } };
}

function isPollPayload(value: unknown): value is PollJournalPayload {
  const poll = (value as Partial<PollJournalPayload> | null)?.poll;
  return typeof poll === 'object' && poll !== null && typeof poll.record === 'object' && poll.record !== null;
}

/** One count per journal entry delivered on this instance, whichever streams deliver it. */
const counts = new WeakMap<StoredEvent, Promise<Counted>>();

function countFor(event: StoredEvent, store: PleinStore, record: PollRecord): Promise<Counted> {
  let counted = counts.get(event);
  if (!counted) {
    counted = countPoll(store, event.siteId, record);
    // Awaited by each stream in turn; marked handled now so a failure is not "unhandled" meanwhile.
    counted.catch(() => undefined);
    counts.set(event, counted);
  }
  return counted;
}

/** The voters whose streams deliver an entry of an anonymous poll, asked about in one query. */
interface VotedLookup {
  keys: Set<string>;
  voted: Promise<Set<string>>;
  asked: boolean;
}

const votedLookups = new WeakMap<StoredEvent, VotedLookup>();

/**
 * Whether `voterKey` voted in the anonymous poll of `event`. The streams delivering an entry ask in
 * the same turn, so their keys go out together once that turn ends; a stream asking later (still
 * replaying) starts the next batch.
 */
async function votedAnonymously(event: StoredEvent, store: PleinStore, record: PollRecord, voterKey: string): Promise<Participation> {
  let lookup = votedLookups.get(event);
  if (!lookup || lookup.asked) {
    const keys = new Set<string>();
    const batch: VotedLookup = {
      keys,
      asked: false,
      voted: Promise.resolve().then(async () => {
        batch.asked = true;
        return new Set(await store.pollVotedAmong(event.siteId, record.id, [...keys]));
      }),
    };
    // Awaited by each stream in turn; marked handled now so a failure is not "unhandled" meanwhile.
    batch.voted.catch(() => undefined);
    votedLookups.set(event, (lookup = batch));
  }
  lookup.keys.add(voterKey);
  return (await lookup.voted).has(voterKey) ? { voted: true, myBallot: null } : NOT_VOTED;
}

export interface PollStreamViewer {
  store: PleinStore;
  site: SiteRecord;
  actor: Actor;
  device: string | null;
  now: () => number;
}

/**
 * For one stream: the events a poll entry holds for its viewer, or `null` for entries of other
 * topics (delivered as before).
 */
export function pollStreamShaper(viewer: PollStreamViewer): (event: StoredEvent) => Promise<RealtimeEvent[]> | null {
  const known = new Map<string, { voterKey: string | null; mine: Participation }>();
  return (event) => {
    if (!event.topic.startsWith(topics.poll('')) || !isPollPayload(event.payload)) return null;
    const { record, voter } = event.payload.poll;
    return (async () => {
      const counted = countFor(event, viewer.store, record);
      const voterKey = voterKeyOf(record, viewer.site, viewer.actor, viewer.device);
      let entry = known.get(record.id);
      const stale =
        !entry || entry.voterKey !== voterKey || (voter !== undefined && voter === voterKey) || (record.voters === 'anonymous' && !entry.mine.voted);
      if (stale) {
        const mine =
          record.voters === 'anonymous' && voterKey !== null
            ? await votedAnonymously(event, viewer.store, record, voterKey)
            : await participation(viewer.store, viewer.site.id, record, voterKey);
        entry = { voterKey, mine };
        known.set(record.id, entry);
      }
      return [{ type: 'poll-updated', poll: present(record, await counted, viewer.actor, entry!.mine, viewer.now()) }];
    })();
  };
}
