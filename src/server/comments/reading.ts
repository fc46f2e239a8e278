/**
 * Reading a thread: its summary, pages of a level (with replies), one comment. Visibility and
 * paging are the domain's (`createVisibility`, `sortLevel`, `assembleCommentPage`).
 */
import type { Comment, Page, Thread } from '../../adapters/contract.js';
import { cursorRefusal, enforceValid } from '../../adapters/refusals.js';
import { validateThreadId } from '../../domain/comments.js';
import { assembleCommentPage, depthOf } from '../../domain/comments-tree.js';
import { InvalidCursorError } from '../../domain/cursor.js';
import { hasIssues } from '../../domain/limits.js';
import type { ThreadSort } from '../../domain/ordering.js';
import type { OperationContext } from './context.js';
import type { Checkout } from './thread-cache.js';
import type { ThreadState } from './thread-state.js';
import { ThreadView } from './thread-view.js';

/** The thread for a read: shared from the cache, never to be changed. */
export function load(context: OperationContext, thread: string): Promise<ThreadState> {
  return context.threads.get(context.site, thread);
}

/** The thread for a write: a private fork, handed back to `commit` when done. */
export function checkout(context: OperationContext, thread: string): Promise<Checkout> {
  return context.threads.checkout(context.site, thread);
}

export function viewOf(context: OperationContext, state: ThreadState): ThreadView {
  return new ThreadView(state, context.identity.actor);
}

/** Threads need no registration: any valid id names a thread. `null` for an id no thread can have. */
export async function threadState(context: OperationContext, thread: string): Promise<ThreadState | null> {
  return hasIssues(validateThreadId(thread)) ? null : load(context, thread);
}

export function describeThread(context: OperationContext, state: ThreadState): Thread {
  return viewOf(context, state).thread();
}

export interface ListRequest {
  thread: string;
  sort: ThreadSort;
  parentId: string | null;
  cursor: string | null;
  limit?: number;
  withReplies: boolean;
}

/** The thread of a list request; `invalid` on `fields.thread` for an id no thread can have. */
export async function listState(context: OperationContext, thread: string): Promise<ThreadState> {
  enforceValid(validateThreadId(thread));
  return load(context, thread);
}

export function pageOf(context: OperationContext, state: ThreadState, request: ListRequest): Page<Comment> {
  const view = viewOf(context, state);
  let depth = 0;
  if (request.parentId !== null) {
    // Replies of a comment the viewer cannot see are not listed either: the list is empty.
    const parent = view.visible(request.parentId);
    if (!parent) return { items: [], cursor: null };
    depth = depthOf(parent, (id) => view.get(id)) + 1;
  }
  const level = state.level(request.parentId, request.sort);
  try {
    const page = assembleCommentPage(level, { ...request }, view.visibility);
    return { items: page.entries.map((entry) => view.present(entry.comment, depth + entry.offset)), cursor: page.cursor };
  } catch (error) {
    if (error instanceof InvalidCursorError) throw cursorRefusal(error);
    throw error;
  }
}

/** The comment's thread, loaded for reading, and the viewer's view of it; `null` when the comment does not exist. */
export async function locate(context: OperationContext, id: string): Promise<{ state: ThreadState; view: ThreadView } | null> {
  const row = await context.store.getComment(context.site.id, id);
  if (!row) return null;
  const state = await load(context, row.thread);
  return { state, view: viewOf(context, state) };
}

/** The comment's thread, checked out for a write, and the viewer's view of it; `null` when the comment does not exist. */
export async function locateForWrite(context: OperationContext, id: string): Promise<{ checkout: Checkout; state: ThreadState; view: ThreadView } | null> {
  const row = await context.store.getComment(context.site.id, id);
  if (!row) return null;
  const taken = await checkout(context, row.thread);
  return { checkout: taken, state: taken.state, view: viewOf(context, taken.state) };
}

/** The comment as the viewer sees it in `state`; `null` when they may not see it. */
export function commentIn(context: OperationContext, state: ThreadState, id: string): Comment | null {
  const view = viewOf(context, state);
  const comment = view.visible(id);
  return comment ? view.present(comment) : null;
}
