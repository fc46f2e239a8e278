import type { CommentRecord } from '../../domain/comments.js';
import { isModerator } from '../../domain/roles.js';
import { topics, type RealtimeEvent } from '../contract.js';
import { commentsSlice, own } from './comments-state.js';
import { CommentsView } from './comments-view.js';
import type { MemoryInstance, Shaper } from './instance.js';

/**
 * Comment events travel the bus without content: the bus message names what changed (and how
 * the comment was before), and each instance builds the events its own viewer may see from the
 * shared data. A pending comment therefore cannot reach a viewer who may not see it, whatever a
 * subscriber does.
 */
type Detail =
  | { kind: 'comment'; id: string; before: CommentRecord | null }
  | { kind: 'reactions'; id: string }
  | { kind: 'thread'; id: string }
  | { kind: 'queue' };

const blank = (thread: string, id: string): RealtimeEvent => ({ type: 'comment-deleted', id, thread });

/** A comment was added or changed; `before` is a copy of it before the change (`null`: new). */
export function publishCommentChange(instance: MemoryInstance, comment: CommentRecord, before: CommentRecord | null): void {
  const detail: Detail = { kind: 'comment', id: comment.id, before };
  instance.db.publish({ topic: topics.thread(comment.thread), event: blank(comment.thread, comment.id), detail });
}

export function publishReactions(instance: MemoryInstance, comment: CommentRecord): void {
  const detail: Detail = { kind: 'reactions', id: comment.id };
  instance.db.publish({
    topic: topics.thread(comment.thread),
    event: { type: 'reactions-changed', commentId: comment.id, reactions: [] },
    detail,
  });
}

export function publishThread(instance: MemoryInstance, thread: string): void {
  const detail: Detail = { kind: 'thread', id: thread };
  const placeholder = { id: thread, locked: false, commentCount: 0, premoderated: false, reactions: [], guests: false };
  instance.db.publish({ topic: topics.thread(thread), event: { type: 'thread-updated', thread: placeholder }, detail });
}

export function publishQueueChanged(instance: MemoryInstance): void {
  const detail: Detail = { kind: 'queue' };
  instance.db.publish({ topic: topics.moderation(), event: { type: 'moderation-queue-changed' }, detail });
}

function isDetail(value: unknown): value is Detail {
  const kind = (value as { kind?: unknown } | null)?.kind;
  return kind === 'comment' || kind === 'reactions' || kind === 'thread' || kind === 'queue';
}

/** Comments that may change visibility with `comment`: its deleted ancestors, itself, and its subtree when its status changed. */
function affected(now: CommentsView, comment: CommentRecord, before: CommentRecord | null): CommentRecord[] {
  const ancestors: CommentRecord[] = [];
  let parent = comment.parentId === null ? undefined : now.get(comment.parentId);
  while (parent?.deleted) {
    ancestors.unshift(parent);
    parent = parent.parentId === null ? undefined : now.get(parent.parentId);
  }
  const list = [...ancestors, comment];
  if (before && before.status !== comment.status) {
    const stack = [...now.children(comment.id)].reverse();
    while (stack.length > 0) {
      const next = stack.pop()!;
      list.push(next);
      stack.push(...[...now.children(next.id)].reverse());
    }
  }
  return list;
}

/**
 * One change, as this viewer sees it: what became visible is `comment-added` (parents before
 * replies), what stays visible and changed is `comment-updated`, what is no longer visible is
 * `comment-deleted` (once, at the top of what disappeared).
 */
function shapeCommentChange(instance: MemoryInstance, id: string, before: CommentRecord | null): RealtimeEvent[] {
  const state = instance.db.read(commentsSlice);
  const comment = own(state.comments, id);
  if (!comment) return [];
  const actor = instance.actor();
  const now = new CommentsView(state, actor);
  const then = new CommentsView(state, actor, { id, record: before });
  const events: RealtimeEvent[] = [];
  for (const node of affected(now, comment, before)) {
    const previous = then.get(node.id);
    const wasShown = previous !== undefined && then.visibility.shown(previous);
    const isShown = now.visibility.shown(node);
    if (!wasShown && isShown) events.push({ type: 'comment-added', comment: now.present(node) });
    else if (wasShown && isShown && node.id === id) events.push({ type: 'comment-updated', comment: now.present(node) });
    else if (wasShown && !isShown) {
      const parent = node.parentId === null ? undefined : now.get(node.parentId);
      if (!parent || now.visibility.shown(parent)) events.push({ type: 'comment-deleted', id: node.id, thread: node.thread });
    }
  }
  return events;
}

export const shapeCommentEvents: Shaper = (_topic, event, instance, detail) => {
  if (!isDetail(detail)) return event;
  switch (detail.kind) {
    case 'comment':
      return shapeCommentChange(instance, detail.id, detail.before);
    case 'reactions': {
      const view = new CommentsView(instance.db.read(commentsSlice), instance.actor());
      const comment = view.visible(detail.id);
      return comment ? { type: 'reactions-changed', commentId: comment.id, reactions: view.present(comment).reactions } : null;
    }
    case 'thread':
      return { type: 'thread-updated', thread: new CommentsView(instance.db.read(commentsSlice), instance.actor()).thread(detail.id) };
    case 'queue':
      return isModerator(instance.actor()) ? event : null;
  }
};
