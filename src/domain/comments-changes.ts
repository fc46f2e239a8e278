/**
 * What one change to a comment means to one viewer, for realtime events: comparing the tree
 * before and after the change decides whether something appeared, changed or disappeared for
 * them, so a pending comment reaches only its author and moderators and a hidden one nobody but
 * moderators. Both the memory adapter and the server shape their events with this.
 */
import type { CommentRecord, CommentView } from './comments.js';
import type { Visibility } from './comments-tree.js';
import type { CommentLookup } from './comments-view.js';

/** The tree as one viewer sees it (a `CommentTreeView`). */
export interface SeenTree extends CommentLookup {
  readonly visibility: Visibility<CommentRecord>;
  present(comment: CommentRecord): CommentView;
}

/** A change as one viewer sees it; structurally the contract's realtime events of the same type. */
export type CommentChangeEvent =
  | { type: 'comment-added'; comment: CommentView }
  | { type: 'comment-updated'; comment: CommentView }
  | { type: 'comment-deleted'; id: string; thread: string };

/**
 * The comments whose visibility may change with `comment`: its deleted ancestors (a placeholder
 * is shown only while it has something shown below it), itself, and its whole subtree when its
 * status changed. Parents come before their replies.
 */
export function affectedComments(now: CommentLookup, comment: CommentRecord, before: CommentRecord | null): CommentRecord[] {
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
 * One change, as the viewer of `now` sees it (`then` is the same viewer's view with the change
 * undone): what became visible is `comment-added` (parents before replies), what stays visible
 * and changed is `comment-updated`, what is no longer visible is `comment-deleted` (once, at the
 * top of what disappeared).
 */
export function commentChangeEvents(now: SeenTree, then: SeenTree, comment: CommentRecord, before: CommentRecord | null): CommentChangeEvent[] {
  const events: CommentChangeEvent[] = [];
  for (const node of affectedComments(now, comment, before)) {
    const previous = then.get(node.id);
    const wasShown = previous !== undefined && then.visibility.shown(previous);
    const isShown = now.visibility.shown(node);
    if (!wasShown && isShown) events.push({ type: 'comment-added', comment: now.present(node) });
    else if (wasShown && isShown && node.id === comment.id) events.push({ type: 'comment-updated', comment: now.present(node) });
    else if (wasShown && !isShown) {
      const parent = node.parentId === null ? undefined : now.get(node.parentId);
      if (!parent || now.visibility.shown(parent)) events.push({ type: 'comment-deleted', id: node.id, thread: node.thread });
    }
  }
  return events;
}
