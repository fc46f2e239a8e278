import { commentChangeEvents } from '../../domain/comments-changes.js';
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

/** One change, as this viewer sees it (see `commentChangeEvents`). */
function shapeCommentChange(instance: MemoryInstance, id: string, before: CommentRecord | null): RealtimeEvent[] {
  const state = instance.db.read(commentsSlice);
  const comment = own(state.comments, id);
  if (!comment) return [];
  const actor = instance.actor();
  return commentChangeEvents(new CommentsView(state, actor), new CommentsView(state, actor, { id, record: before }), comment, before);
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
