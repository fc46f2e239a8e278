/**
 * A thread as one actor sees it: visibility, presentation and the thread summary, all decided by
 * `src/domain`. Mirrors the memory adapter's `CommentsView`, over a `ThreadState` instead of the
 * memory database. With an overlay it shows the tree as it was before one change.
 */
import { presentComment, type CommentRecord } from '../../domain/comments.js';
import { countShown, createVisibility, depthOf, type Visibility } from '../../domain/comments-tree.js';
import { actorId, type Actor } from '../../domain/roles.js';
import type { Comment, Thread } from '../../adapters/contract.js';
import type { ThreadState } from './thread-state.js';

export interface Overlay {
  id: string;
  /** The comment before the change; `null`: it did not exist. */
  record: CommentRecord | null;
}

export class ThreadView {
  readonly viewerId: string | null;
  readonly visibility: Visibility<CommentRecord>;

  constructor(
    readonly state: ThreadState,
    readonly actor: Actor,
    private readonly overlay?: Overlay,
  ) {
    this.viewerId = actorId(actor);
    this.visibility = createVisibility(actor, { get: (id) => this.get(id), children: (id) => this.children(id) });
  }

  get(id: string): CommentRecord | undefined {
    if (this.overlay?.id === id) return this.overlay.record ?? undefined;
    return this.state.get(id);
  }

  children(id: string): readonly CommentRecord[] {
    const children = this.state.children(id);
    const overlay = this.overlay;
    if (!overlay || !children.some((child) => child.id === overlay.id)) return children;
    return children.flatMap((child) => (child.id !== overlay.id ? [child] : overlay.record ? [overlay.record] : []));
  }

  /** The comment, if this viewer sees it. */
  visible(id: string): CommentRecord | undefined {
    const comment = this.get(id);
    return comment && this.visibility.shown(comment) ? comment : undefined;
  }

  present(comment: CommentRecord, depth?: number): Comment {
    const parent = comment.parentId === null ? null : (this.get(comment.parentId) ?? null);
    return presentComment(comment, {
      viewerId: this.viewerId,
      allowedReactions: this.state.settings.reactions,
      depth: depth ?? depthOf(comment, (id) => this.get(id)),
      replyCount: this.visibility.shownChildren(comment).length,
      parent,
    });
  }

  thread(): Thread {
    const settings = this.state.settings;
    return {
      id: this.state.id,
      locked: settings.locked,
      commentCount: countShown(this.state.comments.values(), this.visibility),
      premoderated: settings.premoderated,
      ownerId: settings.ownerId,
      reactions: [...settings.reactions],
      guests: settings.guests,
    };
  }
}
