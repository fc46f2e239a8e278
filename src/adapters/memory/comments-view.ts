import { presentComment, resolveThreadSettings, type CommentRecord, type ThreadSettings } from '../../domain/comments.js';
import { countShown, createVisibility, depthOf, type Visibility } from '../../domain/comments-tree.js';
import { actorId, isModerator, type Actor } from '../../domain/roles.js';
import type { Comment, Thread } from '../contract.js';
import { indexOf, type CommentIndex } from './comments-index.js';
import { commentsSlice, own, type CommentsState } from './comments-state.js';
import type { MemoryInstance } from './instance.js';

/** The state of one comment before a change (`null`: it did not exist), to see the tree as it was. */
export interface Overlay {
  id: string;
  record: CommentRecord | null;
}

/**
 * The comments as one actor sees them, for one request (visibility is memoised, so make a new
 * view after a change). With an overlay it shows the tree as it was before that one change.
 */
export class CommentsView {
  readonly viewerId: string | null;
  readonly visibility: Visibility<CommentRecord>;
  readonly index: CommentIndex;

  constructor(
    readonly state: CommentsState,
    readonly actor: Actor,
    private readonly overlay?: Overlay,
  ) {
    this.viewerId = actorId(actor);
    this.index = indexOf(state);
    this.visibility = createVisibility(actor, { get: (id) => this.get(id), children: (id) => this.children(id) });
  }

  get(id: string): CommentRecord | undefined {
    if (this.overlay?.id === id) return this.overlay.record ?? undefined;
    return own(this.state.comments, id);
  }

  children(id: string): readonly CommentRecord[] {
    const parent = own(this.state.comments, id);
    if (!parent) return [];
    const children = this.index.thread(parent.thread).children(id);
    const overlay = this.overlay;
    if (!overlay || !children.some((child) => child.id === overlay.id)) return children;
    return children.flatMap((child) => (child.id !== overlay.id ? [child] : overlay.record ? [overlay.record] : []));
  }

  /** The comment, if this viewer sees it. */
  visible(id: string): CommentRecord | undefined {
    const comment = this.get(id);
    return comment && this.visibility.shown(comment) ? comment : undefined;
  }

  settings(thread: string): ThreadSettings {
    return resolveThreadSettings(own(this.state.threads, thread), this.state.rules);
  }

  present(comment: CommentRecord, depth?: number): Comment {
    const parent = comment.parentId === null ? null : (this.get(comment.parentId) ?? null);
    return presentComment(comment, {
      viewerId: this.viewerId,
      allowedReactions: this.settings(comment.thread).reactions,
      depth: depth ?? depthOf(comment, (id) => this.get(id)),
      replyCount: this.visibility.shownChildren(comment).length,
      parent,
    });
  }

  // Moderators all see the same; others differ by their own pending comments.
  #viewerKey(): string {
    return isModerator(this.actor) ? 'moderator' : `reader:${this.viewerId ?? ''}`;
  }

  thread(id: string): Thread {
    const settings = this.settings(id);
    return {
      id,
      locked: settings.locked,
      commentCount: this.index.thread(id).count(this.#viewerKey(), () => countShown(this.index.thread(id).all, this.visibility)),
      premoderated: settings.premoderated,
      ownerId: settings.ownerId,
      reactions: [...settings.reactions],
      guests: settings.guests,
    };
  }
}

/** The comments as the instance's viewer sees them right now. */
export function viewFor(instance: MemoryInstance): CommentsView {
  return new CommentsView(instance.db.read(commentsSlice), instance.actor());
}
