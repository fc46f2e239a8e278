import type { Comment, ModerationAction, ReactionSummary, Thread, Viewer } from '../../adapters/contract.js';
import { initialStatus } from '../../domain/comment-status.js';
import { actorOf } from './permissions.js';

let localCount = 0;

/** An id for a post that has no backend id yet; unique on the page. */
export function localCommentId(): string {
  localCount += 1;
  return `local-${localCount}-${Math.random().toString(36).slice(2, 8)}`;
}

export interface LocalCommentFacts {
  localId: string;
  thread: string;
  body: string;
  parent: Comment | null;
  viewer: Viewer | null;
  guestName?: string;
  info: Thread | null;
  now: number;
}

/**
 * What the viewer's post will most likely look like once the backend has it, so it can be shown
 * at once: their name, now, and "awaiting approval" where the thread is pre-moderated.
 */
export function localComment(facts: LocalCommentFacts): Comment {
  const { viewer, parent } = facts;
  const author = viewer
    ? structuredClone(viewer)
    : { id: facts.localId, name: facts.guestName?.trim() ?? '', avatarUrl: null, roles: [], guest: true };
  return {
    id: facts.localId,
    thread: facts.thread,
    parentId: parent?.id ?? null,
    author,
    body: facts.body,
    createdAt: new Date(facts.now).toISOString(),
    editedAt: null,
    deleted: false,
    status: initialStatus(actorOf(viewer), { premoderated: facts.info?.premoderated === true, held: false }),
    pinned: false,
    reactions: [],
    replyCount: 0,
    score: 0,
    depth: parent ? parent.depth + 1 : 0,
    replyTo: parent && !parent.deleted ? { id: parent.author.id, name: parent.author.name } : null,
  };
}

/** The summary after the viewer sets (`on`) or clears reaction `key`; the same array when nothing changes. */
export function toggleReaction(reactions: readonly ReactionSummary[], key: string, on: boolean): ReactionSummary[] {
  const found = reactions.find((reaction) => reaction.key === key);
  if (!found) return on ? [...reactions, { key, count: 1, mine: true }] : [...reactions];
  if (found.mine === on) return [...reactions];
  return reactions
    .map((reaction) =>
      reaction.key === key ? { ...reaction, count: Math.max(0, reaction.count + (on ? 1 : -1)), mine: on } : reaction,
    )
    .filter((reaction) => reaction.count > 0 || reaction.mine);
}

/** The comment as a moderation action leaves it. */
export function moderated(comment: Comment, action: ModerationAction): Comment {
  switch (action) {
    case 'approve':
      return { ...comment, status: 'published' };
    case 'hide':
      return { ...comment, status: 'hidden' };
    case 'pin':
      return { ...comment, pinned: true };
    case 'unpin':
      return { ...comment, pinned: false };
  }
}

/** A deleted comment as the backend shows it while replies hang under it: nothing of what it said or who said it. */
export function placeholder(comment: Comment): Comment {
  return { ...comment, deleted: true, body: '', author: { id: '', name: '' }, reactions: [] };
}
