import type { CommentRecord } from '../../domain/comments.js';
import { commentSortKey, levelSort, sortLevel, type LevelEntry } from '../../domain/comments-tree.js';
import { compareThread, type ThreadSort } from '../../domain/ordering.js';
import type { CommentsState } from './comments-state.js';

const oldestFirst = compareThread('oldest');

/** Index of insertion: after every entry that sorts before or with `item`. */
function insertionPoint<T>(list: readonly T[], item: T, compare: (a: T, b: T) => number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compare(list[middle]!, item) > 0) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * One thread's comments by parent (replies oldest first) and, built on first use, each level
 * in each sort with its keys. Adding a comment updates both in place (a binary insertion), so a
 * 10,000-comment thread is sorted once, not on every post.
 */
export class ThreadIndex {
  readonly all: CommentRecord[] = [];
  #children = new Map<string | null, CommentRecord[]>();
  #levels = new Map<string, LevelEntry<CommentRecord>[]>();
  #counts = new Map<string, number>();

  /**
   * The comment count one kind of viewer sees, computed once per change of the thread: counting
   * means deciding visibility for every comment, which costs milliseconds at 10,000.
   */
  count(viewerKey: string, compute: () => number): number {
    let count = this.#counts.get(viewerKey);
    if (count === undefined) this.#counts.set(viewerKey, (count = compute()));
    return count;
  }

  /** Something in the thread changed (a status, a deletion): counts are computed again. */
  touch(): void {
    this.#counts.clear();
  }

  children(parentId: string | null): readonly CommentRecord[] {
    return this.#children.get(parentId) ?? [];
  }

  level(parentId: string | null, sort: ThreadSort): readonly LevelEntry<CommentRecord>[] {
    const key = levelKey(parentId, sort);
    let level = this.#levels.get(key);
    if (!level) this.#levels.set(key, (level = sortLevel(this.children(parentId), sort, parentId)));
    return level;
  }

  /** While building: appends without keeping order; `finish()` sorts once. */
  load(comment: CommentRecord): void {
    this.all.push(comment);
    const siblings = this.#children.get(comment.parentId);
    if (siblings) siblings.push(comment);
    else this.#children.set(comment.parentId, [comment]);
  }

  finish(): void {
    for (const siblings of this.#children.values()) siblings.sort(oldestFirst);
  }

  add(comment: CommentRecord): void {
    this.touch();
    this.all.push(comment);
    let siblings = this.#children.get(comment.parentId);
    if (!siblings) this.#children.set(comment.parentId, (siblings = []));
    siblings.splice(insertionPoint(siblings, comment, oldestFirst), 0, comment);
    const entry = { key: commentSortKey(comment), comment };
    for (const sort of ['newest', 'oldest', 'top'] as const) {
      const level = this.#levels.get(levelKey(comment.parentId, sort));
      if (!level) continue;
      const compare = compareThread(levelSort(sort, comment.parentId));
      level.splice(insertionPoint(level, entry, (a, b) => compare(a.key, b.key)), 0, entry);
    }
  }

  /** A comment's place in its level may have changed (pinned, reacted to): sort that level again when next asked. */
  reorder(comment: CommentRecord): void {
    this.touch();
    for (const sort of ['newest', 'oldest', 'top'] as const) this.#levels.delete(levelKey(comment.parentId, sort));
  }
}

function levelKey(parentId: string | null, sort: ThreadSort): string {
  return `${parentId === null ? '' : `#${parentId}`}\u0000${levelSort(sort, parentId)}`;
}

/** Every thread's index for one state value, built in one pass on first use. */
export class CommentIndex {
  #threads = new Map<string, ThreadIndex>();

  constructor(state: CommentsState) {
    for (const id in state.comments) {
      const comment = state.comments[id]!;
      let thread = this.#threads.get(comment.thread);
      if (!thread) this.#threads.set(comment.thread, (thread = new ThreadIndex()));
      thread.load(comment);
    }
    for (const thread of this.#threads.values()) thread.finish();
  }

  thread(id: string): ThreadIndex {
    let thread = this.#threads.get(id);
    if (!thread) this.#threads.set(id, (thread = new ThreadIndex()));
    return thread;
  }
}

// Keyed by the state value: when storage hands out a fresh value (another tab wrote), its index
// is built afresh, and the old one goes with the old value.
const indexes = new WeakMap<CommentsState, CommentIndex>();

export function indexOf(state: CommentsState): CommentIndex {
  let index = indexes.get(state);
  if (!index) indexes.set(state, (index = new CommentIndex(state)));
  return index;
}

/** The index if one was built; changes to a state without one need no bookkeeping. */
export function existingIndex(state: CommentsState): CommentIndex | undefined {
  return indexes.get(state);
}
