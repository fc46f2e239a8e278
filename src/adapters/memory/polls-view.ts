import { pollView, type PollRecord, type PollViewer } from '../../domain/poll-steps.js';
import type { Poll } from '../contract.js';
import type { MemoryInstance } from './instance.js';
import { device, knownDevice } from './polls-device.js';
import { ballotsOf, hasVoted, isAnonymous, type StoredPoll } from './polls-state.js';
import { own } from './comments-state.js';

/**
 * Whose ballot the instance's viewer casts: a member's own, wherever they vote; under `device`
 * integrity an anonymous visitor's or a guest's is the device's (see `polls-device.ts`).
 * `null` when the viewer has no ballot to cast here (the permission rule then says why). The
 * device id is only made when `create` is set, so reading a poll stores nothing.
 */
export function voterKey(instance: MemoryInstance, poll: PollRecord, create = false): string | null {
  const actor = instance.actor();
  if (actor.kind === 'member') return `member:${actor.id}`;
  if (poll.integrity !== 'device') return null;
  const id = create ? device(instance) : knownDevice(instance);
  return id === null ? null : `device:${id}`;
}

/** What the poll knows about the viewer: whether they voted and, where it keeps the link, how. */
export function viewerOf(instance: MemoryInstance, poll: StoredPoll): PollViewer {
  const key = voterKey(instance, poll.record);
  const voted = hasVoted(poll, key);
  const vote = voted && !isAnonymous(poll) ? own(poll.votes, key!) : undefined;
  return { actor: instance.actor(), voted, myBallot: vote ? vote.ballot : null };
}

/** The poll as the instance's viewer may see it, as a copy the caller may change. */
export function presentPoll(instance: MemoryInstance, poll: StoredPoll): Poll {
  return structuredClone(pollView(poll.record, ballotsOf(poll), viewerOf(instance, poll)));
}
