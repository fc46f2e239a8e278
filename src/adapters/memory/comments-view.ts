import { resolveThreadSettings, type ThreadSettings } from '../../domain/comments.js';
import { countShown } from '../../domain/comments-tree.js';
import { CommentTreeView, summarizeThread, type Overlay } from '../../domain/comments-view.js';
import { isModerator, type Actor } from '../../domain/roles.js';
import type { Thread } from '../contract.js';
import { indexOf, type CommentIndex } from './comments-index.js';
import { commentsSlice, own, type CommentsState } from './comments-state.js';
import type { MemoryInstance } from './instance.js';

function settingsIn(state: CommentsState, thread: string): ThreadSettings {
  return resolveThreadSettings(own(state.threads, thread), state.rules);
}

/**
 * The domain's view of the comments over the memory database, for one request (visibility is
 * memoised, so make a new view after a change), with the database's index for listing and
 * counting. With an overlay it shows the tree as it was before that one change.
 */
export class CommentsView extends CommentTreeView {
  readonly index: CommentIndex;

  constructor(
    readonly state: CommentsState,
    actor: Actor,
    overlay?: Overlay,
  ) {
    const index = indexOf(state);
    const lookup = {
      get: (id: string) => own(state.comments, id),
      children: (id: string) => {
        const parent = own(state.comments, id);
        return parent ? index.thread(parent.thread).children(id) : [];
      },
    };
    super(actor, lookup, (thread) => settingsIn(state, thread), overlay);
    this.index = index;
  }

  // Moderators all see the same; others differ by their own pending comments.
  #viewerKey(): string {
    return isModerator(this.actor) ? 'moderator' : `reader:${this.viewerId ?? ''}`;
  }

  thread(id: string): Thread {
    const index = this.index.thread(id);
    return summarizeThread(id, this.settings(id), index.count(this.#viewerKey(), () => countShown(index.all, this.visibility)));
  }
}

/** The comments as the instance's viewer sees them right now. */
export function viewFor(instance: MemoryInstance): CommentsView {
  return new CommentsView(instance.db.read(commentsSlice), instance.actor());
}
