/**
 * A comment as the moderation queue shows it: what it is, where, who wrote it, an excerpt and
 * its open reports. Shared by the memory adapter and the server, whatever their reports look
 * like in storage.
 */
import { commentExcerpt, type CommentRecord } from './comments.js';

export interface QueueReport<R extends string> {
  reason: R;
  note?: string | null | undefined;
  at: string;
}

/** Structurally the contract's `ModerationItem` for a comment. */
export interface CommentQueueItem<R extends string> {
  target: { kind: 'comment'; id: string };
  scope: string;
  status: CommentRecord['status'];
  author: CommentRecord['author'];
  excerpt: string;
  createdAt: string;
  reports: { reason: R; note?: string; at: string }[];
}

export function queueItem<R extends string>(comment: CommentRecord, reports: readonly QueueReport<R>[]): CommentQueueItem<R> {
  return {
    target: { kind: 'comment', id: comment.id },
    scope: comment.thread,
    status: comment.status,
    author: { ...comment.author, ...(comment.author.roles ? { roles: [...comment.author.roles] } : {}) },
    excerpt: commentExcerpt(comment.body),
    createdAt: comment.createdAt,
    // An empty note is no note.
    reports: reports.map(({ reason, note, at }) => ({ reason, ...(note ? { note } : {}), at })),
  };
}
