import { pollView } from '../../domain/poll-steps.js';
import { ANONYMOUS } from '../../domain/roles.js';
import { topics } from '../contract.js';
import { own } from './comments-state.js';
import type { MemoryInstance, Shaper } from './instance.js';
import { ballotsOf, pollsSlice, type StoredPoll } from './polls-state.js';
import { presentPoll } from './polls-view.js';

/**
 * A poll's events travel the bus as the poll an anonymous visitor would see (nothing more is
 * public) plus the poll's id in `detail`; each instance replaces it with the poll as its own
 * viewer sees it now, so a tally reaches only the viewers who may see it.
 */
interface Detail {
  kind: 'poll';
  id: string;
}

const isDetail = (value: unknown): value is Detail =>
  (value as Partial<Detail> | null)?.kind === 'poll' && typeof (value as Detail).id === 'string';

export function publishPollChange(instance: MemoryInstance, poll: StoredPoll): void {
  const detail: Detail = { kind: 'poll', id: poll.record.id };
  const publicView = structuredClone(pollView(poll.record, ballotsOf(poll), { actor: ANONYMOUS, voted: false, myBallot: null }));
  instance.db.publish({ topic: topics.poll(poll.record.id), event: { type: 'poll-updated', poll: publicView }, detail });
}

export const shapePollEvents: Shaper = (_topic, event, instance, detail) => {
  if (!isDetail(detail)) return event;
  const poll = own(instance.db.read(pollsSlice).polls, detail.id);
  return poll ? { type: 'poll-updated', poll: presentPoll(instance, poll) } : null;
};
