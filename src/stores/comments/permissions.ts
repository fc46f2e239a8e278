import type { Comment, Thread, Viewer } from '../../adapters/contract.js';
import type { ContentFacts, Decision, PermissionAction, PlaceFacts } from '../../domain/permissions.js';
import { canInThread as can } from '../../domain/permissions-thread.js';
import { actorOf } from '../../core/actor.js';

export { actorOf };

/** The permission questions a comment thread asks. */
export type CommentPermission = Extract<
  PermissionAction,
  | 'comment.read'
  | 'comment.post'
  | 'comment.edit'
  | 'comment.delete'
  | 'comment.react'
  | 'comment.report'
  | 'moderation.approve'
  | 'moderation.hide'
  | 'moderation.pin'
  | 'moderation.unpin'
  | 'thread.lock'
>;

function contentFacts(comment: Comment): ContentFacts {
  return { authorId: comment.author.id, status: comment.status, deleted: comment.deleted, createdAt: comment.createdAt };
}

/**
 * The domain's verdict for this viewer in this thread. Without a comment it answers "could they
 * ever?" (offer the control?); with one, for that comment (ownership, edit window, status).
 */
export function decide(
  action: CommentPermission,
  viewer: Viewer | null,
  thread: Thread | null,
  comment: Comment | undefined,
  now: number,
): Decision {
  const actor = actorOf(viewer);
  const place: PlaceFacts = { locked: thread?.locked === true, guests: thread?.guests };
  switch (action) {
    case 'comment.post':
      return can(actor, action, place);
    case 'comment.read':
    case 'comment.report':
      return can(actor, action, comment && contentFacts(comment));
    case 'comment.edit':
      return can(actor, action, comment && { ...contentFacts(comment), ...place, now });
    case 'comment.delete':
    case 'comment.react':
      return can(actor, action, comment && { ...contentFacts(comment), ...place });
    default:
      return can(actor, action);
  }
}
