/**
 * A thread as one actor sees it: the domain's `CommentTreeView` over a `ThreadState`, as the
 * memory adapter's `CommentsView` is over its database. With an overlay it shows the tree as it
 * was before one change.
 */
import { countShown } from '../../domain/comments-tree.js';
import { CommentTreeView, summarizeThread, type Overlay } from '../../domain/comments-view.js';
import type { Actor } from '../../domain/roles.js';
import type { Thread } from '../../adapters/contract.js';
import type { ThreadState } from './thread-state.js';

export class ThreadView extends CommentTreeView {
  constructor(
    readonly state: ThreadState,
    actor: Actor,
    overlay?: Overlay,
  ) {
    super(actor, { get: (id) => state.get(id), children: (id) => state.children(id) }, () => state.settings, overlay);
  }

  thread(): Thread {
    return summarizeThread(this.state.id, this.state.settings, countShown(this.state.comments.values(), this.visibility));
  }
}
