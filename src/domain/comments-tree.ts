/**
 * The comment tree as one viewer sees it, and pages of it.
 *
 * Visibility: a published comment is seen by everyone, a pending one by its author and
 * moderators, a hidden one by moderators (`can(actor, 'comment.read')`). A reply is seen only
 * where its parent is: hiding a comment hides the conversation under it, and replies to a pending
 * comment wait with it. A deleted comment is shown, as a placeholder, only while it still has a
 * shown reply.
 *
 * Pages: the listed level (the top level, or the replies of one comment) is ordered by
 * `compareThread` — the top level by the requested sort, replies oldest first — and paged with a
 * keyset cursor, so comments arriving between pages neither repeat nor push others out. With
 * `withReplies`, each listed comment is followed by its whole shown subtree, depth-first, replies
 * oldest first.
 */
import { commentRank, type CommentRecord } from './comments.js';
import { InvalidCursorError, decodeCursor, encodeCursor } from './cursor.js';
import { clampPageSize } from './limits.js';
import { compareThread, type ThreadSort, type ThreadSortKey } from './ordering.js';
import { levelSort } from './level-sort.js';
import { can } from './permissions.js';
import type { Actor } from './roles.js';

/** What visibility reads from a comment. */
export type VisibilityFacts = Pick<CommentRecord, 'id' | 'parentId' | 'author' | 'status' | 'deleted'>;

/** Access to the stored tree; `children` in oldest-first order. */
export interface TreeLookup<R> {
  get(id: string): R | undefined;
  children(id: string): readonly R[];
}

export interface Visibility<R> {
  /** Shown to this viewer (a deleted comment as a placeholder). */
  shown(comment: R): boolean;
  /** The shown direct replies, oldest first. */
  shownChildren(comment: R): R[];
}

/** Visibility for one actor over one state of the tree; answers are memoised, so make one per request. */
export function createVisibility<R extends VisibilityFacts>(actor: Actor, tree: TreeLookup<R>): Visibility<R> {
  const reachable = new Map<string, boolean>();
  const shownMemo = new Map<string, boolean>();

  const statusAllows = (comment: R) => can(actor, 'comment.read', { authorId: comment.author.id, status: comment.status }).allowed;

  // Walks up without recursion: a reply chain can be thousands deep.
  const isReachable = (comment: R): boolean => {
    const path: R[] = [];
    const seen = new Set<string>();
    let current: R | undefined = comment;
    let answer = true;
    while (current) {
      const known = reachable.get(current.id);
      if (known !== undefined) {
        answer = known;
        break;
      }
      // A cycle (corrupt data) would never reach the top.
      if (seen.has(current.id)) {
        answer = false;
        break;
      }
      seen.add(current.id);
      path.push(current);
      if (!statusAllows(current)) {
        answer = false;
        break;
      }
      if (current.parentId === null) break;
      current = tree.get(current.parentId);
      // A reply whose parent is missing from the store cannot be placed in the tree.
      if (!current) answer = false;
    }
    // Every comment passed on the way up was allowed by its status, so each shares the answer:
    // refused at or above it, or reachable all the way to the top.
    for (const node of path) reachable.set(node.id, answer);
    return reachable.get(comment.id) ?? false;
  };

  const shown = (comment: R): boolean => {
    const known = shownMemo.get(comment.id);
    if (known !== undefined) return known;
    let value = isReachable(comment);
    if (value && comment.deleted) value = tree.children(comment.id).some(shown);
    shownMemo.set(comment.id, value);
    return value;
  };

  return {
    shown,
    shownChildren: (comment) => tree.children(comment.id).filter(shown),
  };
}

// ---------------------------------------------------------------------------------------------
// Ordering of a level

export { levelSort };

/** The key a comment sorts by: its rank for `top`, pinned only at the top level. */
export function commentSortKey(comment: Pick<CommentRecord, 'id' | 'createdAt' | 'parentId' | 'pinned' | 'score' | 'reactions'>): ThreadSortKey {
  return {
    id: comment.id,
    createdAt: comment.createdAt,
    score: commentRank(comment),
    pinned: comment.parentId === null && comment.pinned,
  };
}

export interface LevelEntry<R> {
  key: ThreadSortKey;
  comment: R;
}

/** One level's comments in the level's order, with their keys, ready to be paged (and cached). */
export function sortLevel<R extends CommentRecord>(comments: readonly R[], sort: ThreadSort, parentId: string | null): LevelEntry<R>[] {
  const compare = compareThread(levelSort(sort, parentId));
  return comments.map((comment) => ({ key: commentSortKey(comment), comment })).sort((a, b) => compare(a.key, b.key));
}

/** Names a list in its cursors, so a cursor of another thread, level or sort is refused. */
export function levelScope(thread: string, parentId: string | null, sort: ThreadSort): string {
  return `comments:${thread}:${parentId ?? '-'}:${levelSort(sort, parentId)}`;
}

function isSortKey(value: unknown): value is ThreadSortKey {
  const key = value as Partial<ThreadSortKey> | null;
  return (
    typeof key?.id === 'string' &&
    typeof key.createdAt === 'string' &&
    !Number.isNaN(Date.parse(key.createdAt)) &&
    typeof key.score === 'number' &&
    typeof key.pinned === 'boolean'
  );
}

// ---------------------------------------------------------------------------------------------
// Pages

export interface CommentPageRequest {
  thread: string;
  sort: ThreadSort;
  parentId: string | null;
  cursor?: string | null;
  limit?: number;
  withReplies?: boolean;
}

export interface CommentPageEntry<R> {
  comment: R;
  /** Levels below the listed level: 0 for a listed comment, 1 for its replies, … */
  offset: number;
}

/**
 * One page of a level: `limit` shown comments after the cursor (each followed by its shown
 * subtree when `withReplies`), and the cursor of the next page, `null` when no shown comment
 * follows. `level` must be in the level's order (from `sortLevel`). Throws `InvalidCursorError`.
 */
export function assembleCommentPage<R extends CommentRecord>(
  level: readonly LevelEntry<R>[],
  request: CommentPageRequest,
  visibility: Visibility<R>,
): { entries: CommentPageEntry<R>[]; cursor: string | null } {
  const sort = levelSort(request.sort, request.parentId);
  const compare = compareThread(sort);
  const scope = levelScope(request.thread, request.parentId, request.sort);
  const limit = clampPageSize(request.limit);

  let start = 0;
  if (request.cursor) {
    const after = decodeCursor(request.cursor, scope);
    if (!isSortKey(after)) throw new InvalidCursorError();
    // The first entry after the cursor's key; the level is sorted, so halve the range.
    let low = 0;
    let high = level.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(level[middle]!.key, after) > 0) high = middle;
      else low = middle + 1;
    }
    start = low;
  }

  const entries: CommentPageEntry<R>[] = [];
  let listed = 0;
  let last: LevelEntry<R> | undefined;
  let index = start;
  for (; index < level.length && listed < limit; index++) {
    const entry = level[index]!;
    if (!visibility.shown(entry.comment)) continue;
    listed++;
    last = entry;
    entries.push({ comment: entry.comment, offset: 0 });
    if (request.withReplies) appendSubtree(entry.comment, visibility, entries);
  }
  let more = false;
  for (; index < level.length && !more; index++) more = visibility.shown(level[index]!.comment);
  return { entries, cursor: more && last ? encodeCursor(scope, last.key) : null };
}

function appendSubtree<R extends CommentRecord>(root: R, visibility: Visibility<R>, out: CommentPageEntry<R>[]): void {
  // Depth-first without recursion; children pushed in reverse so the oldest comes out first.
  const stack: CommentPageEntry<R>[] = visibility
    .shownChildren(root)
    .reverse()
    .map((comment) => ({ comment, offset: 1 }));
  while (stack.length > 0) {
    const entry = stack.pop()!;
    out.push(entry);
    const children = visibility.shownChildren(entry.comment);
    for (let index = children.length - 1; index >= 0; index--) stack.push({ comment: children[index]!, offset: entry.offset + 1 });
  }
}

/** Comments the viewer sees in the thread, placeholders of deleted ones not counted. */
export function countShown<R extends CommentRecord>(comments: Iterable<R>, visibility: Visibility<R>): number {
  let count = 0;
  for (const comment of comments) if (!comment.deleted && visibility.shown(comment)) count++;
  return count;
}

/** Depth of a comment in its thread: 0 at the top level. */
export function depthOf<R extends Pick<CommentRecord, 'id' | 'parentId'>>(comment: R, get: (id: string) => R | undefined): number {
  const seen = new Set<string>([comment.id]);
  let depth = 0;
  let current = comment;
  while (current.parentId !== null) {
    const parent = get(current.parentId);
    if (!parent || seen.has(parent.id)) break;
    seen.add(parent.id);
    depth++;
    current = parent;
  }
  return depth;
}
