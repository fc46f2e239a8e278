import type { Comment } from '../../adapters/contract.js';
import { compareThread, type ThreadSort, type ThreadSortKey } from '../../domain/ordering.js';
import { levelSort } from '../../domain/level-sort.js';
import type { CommentEntry } from './types.js';

type Compare = (a: ThreadSortKey, b: ThreadSortKey) => number;

type Place =
  | { kind: 'root' }
  | { kind: 'child'; parent: string }
  /** Waiting for its parent (by comment id) to arrive, e.g. a reply revealed before its page. */
  | { kind: 'orphan'; parentId: string };

interface Node {
  entry: CommentEntry;
  /** The sort key the node was placed by: positions only change when this is replaced on purpose. */
  order: ThreadSortKey;
  place: Place;
  children: string[];
}

/** A node taken out with its subtree, to put back when an optimistic removal is refused. */
export interface Removed {
  readonly key: string;
  /** The node and every node of its subtree, by key. */
  readonly nodes: ReadonlyMap<string, Node>;
  /** The parent's `replyCount` was lowered for it. */
  readonly uncounted: boolean;
}

/**
 * The thread as a tree of entries: a map by key plus ordered key arrays (the top level and each
 * comment's replies), so finding a comment is O(1), placing one a binary search, and the reading
 * order a depth-first walk done once per change, not per lookup.
 *
 * Entries are keyed by `entry.key` (the comment id, or the local id of a post made here); `ids`
 * maps comment ids to keys. Replies read as a conversation, oldest first, whatever the order of
 * the top level.
 *
 * Sort keys are snapshots taken when a node is placed: a live score change does not move a comment
 * under the reader's eyes, and the arrays stay sorted by the keys they were built with. Pinning
 * and unpinning do move it (`update` with a changed `pinned`).
 */
export class CommentTree {
  readonly #nodes = new Map<string, Node>();
  readonly #ids = new Map<string, string>();
  #roots: string[] = [];
  readonly #orphans = new Map<string, string[]>();
  readonly #rootOrder: Compare;
  readonly #replyOrder: Compare;

  #items: CommentEntry[] = [];
  #index = new Map<string, number>();
  /** The reading order must be walked again. */
  #stale = false;
  /** `#items` was handed out: patch a copy, never the array a listener holds. */
  #shared = false;

  constructor(sort: ThreadSort) {
    // The backend's order of each level, so a page and a live arrival land where a reload would put them.
    this.#rootOrder = compareThread(levelSort(sort, null));
    this.#replyOrder = compareThread(levelSort(sort, 'any reply'));
  }

  get size(): number {
    return this.#nodes.size;
  }

  keyOf(id: string): string | undefined {
    return this.#ids.get(id);
  }

  has(id: string): boolean {
    return this.#ids.has(id);
  }

  entry(key: string): CommentEntry | undefined {
    return this.#nodes.get(key)?.entry;
  }

  byId(id: string): CommentEntry | undefined {
    const key = this.#ids.get(id);
    return key === undefined ? undefined : this.entry(key);
  }

  childCount(key: string): number {
    return this.#nodes.get(key)?.children.length ?? 0;
  }

  parentKey(key: string): string | undefined {
    const place = this.#nodes.get(key)?.place;
    return place?.kind === 'child' ? place.parent : undefined;
  }

  /** Rendered: placed at the top level or under a rendered parent (not waiting as an orphan). */
  isRendered(key: string): boolean {
    let node = this.#nodes.get(key);
    while (node) {
      if (node.place.kind === 'root') return true;
      if (node.place.kind === 'orphan') return false;
      node = this.#nodes.get(node.place.parent);
    }
    return false;
  }

  /** Every entry, rendered or waiting, in no particular order. */
  entries(): CommentEntry[] {
    return Array.from(this.#nodes.values(), (node) => node.entry);
  }

  /**
   * Adds a new entry under its parent. `counted`: the parent's `replyCount` already includes it
   * (it came in a page); otherwise the parent's count goes up by one.
   */
  insert(entry: CommentEntry, counted: boolean): void {
    const key = entry.key;
    const node: Node = { entry, order: sortKeyOf(entry.comment), place: { kind: 'root' }, children: [] };
    this.#nodes.set(key, node);
    this.#ids.set(entry.comment.id, key);
    this.#attach(key, node, counted);
    // Replies that arrived before this comment now have their parent.
    const waiting = this.#orphans.get(entry.comment.id);
    if (waiting) {
      this.#orphans.delete(entry.comment.id);
      for (const child of waiting) {
        const orphan = this.#nodes.get(child);
        if (orphan) this.#attach(child, orphan, true);
      }
    }
    this.#stale = true;
  }

  /**
   * Replaces a node's entry. Its comment id may change (a local post confirmed by the backend);
   * a change of `pinned` or of id re-places it by the new key, anything else keeps its position.
   */
  update(key: string, entry: CommentEntry): void {
    const node = this.#nodes.get(key);
    if (!node) return;
    const before = node.entry.comment;
    node.entry = entry;
    if (before.id !== entry.comment.id) {
      this.#ids.delete(before.id);
      this.#ids.set(entry.comment.id, key);
    }
    if (before.id !== entry.comment.id || before.pinned !== entry.comment.pinned) {
      this.#detach(key, node);
      node.order = sortKeyOf(entry.comment);
      this.#attach(key, node, true);
      this.#stale = true;
      return;
    }
    this.#patch(key, entry);
  }

  /** Takes a node and its subtree out; the parent's `replyCount` drops by one. */
  remove(key: string): Removed | undefined {
    const node = this.#nodes.get(key);
    if (!node) return undefined;
    const uncounted = node.place.kind === 'child';
    this.#detach(key, node);
    if (node.place.kind === 'child') this.#adjustReplies(node.place.parent, -1);
    const nodes = new Map<string, Node>();
    this.#forget(key, node, nodes);
    this.#stale = true;
    return { key, nodes, uncounted };
  }

  /** Puts back what `remove` took, unless the comment came back meanwhile. */
  restore(removed: Removed): void {
    const node = removed.nodes.get(removed.key);
    if (!node || this.#nodes.has(removed.key) || this.#ids.has(node.entry.comment.id)) return;
    for (const [key, each] of removed.nodes) {
      this.#nodes.set(key, each);
      this.#ids.set(each.entry.comment.id, key);
    }
    this.#attach(removed.key, node, !removed.uncounted);
    this.#stale = true;
  }

  /** Empties the tree, then puts back the entries `keep` picks (posts still being sent). */
  clear(keep: (entry: CommentEntry) => boolean = () => false): CommentEntry[] {
    const kept = [...this.#nodes.values()].map((node) => node.entry).filter(keep);
    this.#nodes.clear();
    this.#ids.clear();
    this.#orphans.clear();
    this.#roots = [];
    this.#stale = true;
    return kept;
  }

  /** The reading order; the same array until something changes. */
  items(): readonly CommentEntry[] {
    if (this.#stale) this.#walk();
    this.#shared = true;
    return this.#items;
  }

  #attach(key: string, node: Node, counted: boolean): void {
    const parentId = node.entry.comment.parentId;
    if (parentId === null) {
      node.place = { kind: 'root' };
      this.#insertSorted(this.#roots, node.order, key, this.#rootOrder);
      return;
    }
    const parentKey = this.#ids.get(parentId);
    const parent = parentKey === undefined ? undefined : this.#nodes.get(parentKey);
    if (parentKey === undefined || !parent) {
      node.place = { kind: 'orphan', parentId };
      const waiting = this.#orphans.get(parentId) ?? [];
      waiting.push(key);
      this.#orphans.set(parentId, waiting);
      return;
    }
    node.place = { kind: 'child', parent: parentKey };
    this.#insertSorted(parent.children, node.order, key, this.#replyOrder);
    if (!counted) this.#adjustReplies(parentKey, 1);
  }

  #detach(key: string, node: Node): void {
    const place = node.place;
    if (place.kind === 'root') this.#removeSorted(this.#roots, node.order, key, this.#rootOrder);
    else if (place.kind === 'child') {
      const parent = this.#nodes.get(place.parent);
      if (parent) this.#removeSorted(parent.children, node.order, key, this.#replyOrder);
    } else {
      const waiting = this.#orphans.get(place.parentId);
      const at = waiting?.indexOf(key) ?? -1;
      if (waiting && at >= 0) waiting.splice(at, 1);
      if (waiting?.length === 0) this.#orphans.delete(place.parentId);
    }
  }

  #forget(key: string, node: Node, into: Map<string, Node>): void {
    into.set(key, node);
    this.#nodes.delete(key);
    if (this.#ids.get(node.entry.comment.id) === key) this.#ids.delete(node.entry.comment.id);
    for (const child of node.children) {
      const childNode = this.#nodes.get(child);
      if (childNode) this.#forget(child, childNode, into);
    }
  }

  #adjustReplies(parentKey: string, delta: number): void {
    const parent = this.#nodes.get(parentKey);
    if (!parent) return;
    const comment = parent.entry.comment;
    const entry = { ...parent.entry, comment: { ...comment, replyCount: Math.max(0, comment.replyCount + delta) } };
    parent.entry = entry;
    this.#patch(parentKey, entry);
  }

  #patch(key: string, entry: CommentEntry): void {
    if (this.#stale) return;
    const at = this.#index.get(key);
    if (at === undefined) return;
    if (this.#shared) {
      this.#items = this.#items.slice();
      this.#shared = false;
    }
    this.#items[at] = entry;
  }

  #walk(): void {
    const items: CommentEntry[] = [];
    const index = new Map<string, number>();
    const stack: string[] = [];
    for (let i = this.#roots.length - 1; i >= 0; i--) stack.push(this.#roots[i] as string);
    while (stack.length > 0) {
      const key = stack.pop() as string;
      const node = this.#nodes.get(key);
      if (!node) continue;
      index.set(key, items.length);
      items.push(node.entry);
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as string);
    }
    this.#items = items;
    this.#index = index;
    this.#stale = false;
    this.#shared = false;
  }

  #orderOf(key: string): ThreadSortKey {
    return this.#nodes.get(key)?.order ?? { id: key, createdAt: '' };
  }

  /** The first position whose key sorts after `order`. */
  #search(list: readonly string[], order: ThreadSortKey, compare: Compare): number {
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(this.#orderOf(list[middle] as string), order) <= 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  #insertSorted(list: string[], order: ThreadSortKey, key: string, compare: Compare): void {
    list.splice(this.#search(list, order, compare), 0, key);
  }

  #removeSorted(list: string[], order: ThreadSortKey, key: string, compare: Compare): void {
    const after = this.#search(list, order, compare);
    // Keys are unique (ids break ties), so the node sits just before `after`.
    const at = list[after - 1] === key ? after - 1 : list.indexOf(key);
    if (at >= 0) list.splice(at, 1);
  }
}

/**
 * What a comment sorts by, as the backend ranks it (`commentSortKey` in the domain): `top` counts
 * the score plus every reaction, and only top-level comments can be pinned.
 */
export function sortKeyOf(comment: Comment): ThreadSortKey {
  let rank = comment.score;
  for (const reaction of comment.reactions) rank += reaction.count;
  return { id: comment.id, createdAt: comment.createdAt, score: rank, pinned: comment.parentId === null && comment.pinned };
}

export function entryOf(comment: Comment): CommentEntry {
  return { key: comment.id, comment };
}
