import type { Comment, ReactionSummary } from '../../adapters/contract.js';
import { PleinEvent } from '../../core/events.js';

export interface PleinCommentDetail {
  /** The comment as the backend confirmed it (`status` is `pending` on a pre-moderated thread). */
  comment: Comment;
}

/** The viewer's comment or reply was accepted by the backend. */
export class PleinCommentPostedEvent extends PleinEvent<PleinCommentDetail> {
  static readonly eventName = 'plein-comment-posted';
  constructor(detail: PleinCommentDetail) {
    super(PleinCommentPostedEvent.eventName, detail);
  }
}

/** The viewer's edit of a comment was saved. */
export class PleinCommentEditedEvent extends PleinEvent<PleinCommentDetail> {
  static readonly eventName = 'plein-comment-edited';
  constructor(detail: PleinCommentDetail) {
    super(PleinCommentEditedEvent.eventName, detail);
  }
}

export interface PleinCommentDeletedDetail {
  id: string;
  thread: string;
}

/** The viewer deleted a comment (their own, or any as a moderator). */
export class PleinCommentDeletedEvent extends PleinEvent<PleinCommentDeletedDetail> {
  static readonly eventName = 'plein-comment-deleted';
  constructor(detail: PleinCommentDeletedDetail) {
    super(PleinCommentDeletedEvent.eventName, detail);
  }
}

export interface PleinReactionChangedDetail {
  commentId: string;
  /** The reaction key, e.g. "👍". */
  key: string;
  /** Whether the viewer now has this reaction. */
  on: boolean;
  /** The comment's reactions after the change, as the backend returned them. */
  reactions: ReactionSummary[];
}

/** The viewer added or removed a reaction and the backend confirmed it. */
export class PleinReactionChangedEvent extends PleinEvent<PleinReactionChangedDetail> {
  static readonly eventName = 'plein-reaction-changed';
  constructor(detail: PleinReactionChangedDetail) {
    super(PleinReactionChangedEvent.eventName, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'plein-comment-posted': PleinCommentPostedEvent;
    'plein-comment-edited': PleinCommentEditedEvent;
    'plein-comment-deleted': PleinCommentDeletedEvent;
    'plein-reaction-changed': PleinReactionChangedEvent;
  }
}
