/**
 * A thread's comments as one actor sees them: visibility, presentation and the thread summary,
 * over any store of `CommentRecord`s (the memory adapter's database, the server's loaded thread).
 * With an overlay it shows the tree as it was before one change, which is how realtime events
 * compare "before" and "after" (see `comments-changes.ts`).
 */
import { presentComment, type CommentRecord, type CommentView, type ThreadSettings } from './comments.js';
import { createVisibility, depthOf, type TreeLookup, type Visibility } from './comments-tree.js';
import { actorId, type Actor } from './roles.js';

/** Stored comments by id, and a comment's replies oldest first. */
export type CommentLookup = TreeLookup<CommentRecord>;

/** The state of one comment before a change (`null`: it did not exist), to see the tree as it was. */
export interface Overlay {
  id: string;
  record: CommentRecord | null;
}

/** A thread as its summary shows it; structurally the contract's `Thread`. */
export interface ThreadSummary {
  id: string;
  locked: boolean;
  commentCount: number;
  premoderated: boolean;
  ownerId: string | null;
  reactions: string[];
  guests: boolean;
}

export function summarizeThread(id: string, settings: ThreadSettings, commentCount: number): ThreadSummary {
  return {
    id,
    locked: settings.locked,
    commentCount,
    premoderated: settings.premoderated,
    ownerId: settings.ownerId,
    reactions: [...settings.reactions],
    guests: settings.guests,
  };
}

/** `lookup` with one comment as it was before a change: replaced, or gone when it was new. */
export function withOverlay(lookup: CommentLookup, overlay: Overlay | undefined): CommentLookup {
  if (!overlay) return lookup;
  return {
    get: (id) => (id === overlay.id ? (overlay.record ?? undefined) : lookup.get(id)),
    children: (id) => {
      const children = lookup.children(id);
      if (!children.some((child) => child.id === overlay.id)) return children;
      return children.flatMap((child) => (child.id !== overlay.id ? [child] : overlay.record ? [overlay.record] : []));
    },
  };
}

/**
 * The comments as one actor sees them, for one request: visibility is memoised, so make a new
 * view after a change.
 */
export class CommentTreeView {
  readonly viewerId: string | null;
  readonly visibility: Visibility<CommentRecord>;
  readonly #tree: CommentLookup;

  constructor(
    readonly actor: Actor,
    lookup: CommentLookup,
    /** The settings of the thread a comment belongs to (its allowed reactions). */
    private readonly settingsOf: (thread: string) => ThreadSettings,
    overlay?: Overlay,
  ) {
    this.viewerId = actorId(actor);
    this.#tree = withOverlay(lookup, overlay);
    this.visibility = createVisibility(actor, this.#tree);
  }

  get(id: string): CommentRecord | undefined {
    return this.#tree.get(id);
  }

  children(id: string): readonly CommentRecord[] {
    return this.#tree.children(id);
  }

  /** The settings of a thread. */
  settings(thread: string): ThreadSettings {
    return this.settingsOf(thread);
  }

  /** The comment, if this viewer sees it. */
  visible(id: string): CommentRecord | undefined {
    const comment = this.get(id);
    return comment && this.visibility.shown(comment) ? comment : undefined;
  }

  present(comment: CommentRecord, depth?: number): CommentView {
    const parent = comment.parentId === null ? null : (this.get(comment.parentId) ?? null);
    return presentComment(comment, {
      viewerId: this.viewerId,
      allowedReactions: this.settings(comment.thread).reactions,
      depth: depth ?? depthOf(comment, (id) => this.get(id)),
      replyCount: this.visibility.shownChildren(comment).length,
      parent,
    });
  }
}
