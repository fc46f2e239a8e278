import type { CommentEntry } from '../../stores/comments/types.js';

/** A comment as placed on screen. */
export interface DisplayNode {
  readonly entry: CommentEntry;
  /** The replies listed under it (deeper ones flattened into the deepest allowed level). */
  readonly children: DisplayNode[];
  /** Position in reading order, which is also document order: chunked rendering counts by it. */
  readonly index: number;
  /** Comments listed under it, at any level. */
  descendants: number;
  /** Listed under an ancestor, not under the comment it replies to ("replying to @name"). */
  readonly flattened: boolean;
  /** Nesting level on screen: 0 at the top, never more than `maxDepth`. */
  readonly level: number;
  readonly parent: DisplayNode | null;
  /** The top-level comment it belongs to (itself at the top level). */
  root: DisplayNode;
}

export interface DisplayTree {
  readonly roots: DisplayNode[];
  /** Every node in reading order. */
  readonly order: DisplayNode[];
  readonly byKey: Map<string, DisplayNode>;
  readonly byId: Map<string, DisplayNode>;
  readonly maxDepth: number;
}

/**
 * Places the store's reading order (each comment followed by its replies, depth first) into
 * nested lists, at most `maxDepth` levels of replies deep: a reply to a comment at the deepest
 * level joins that comment's list instead of nesting further. The reading order is kept, so a
 * node's position in `order` is its position in the document.
 */
export function buildDisplayTree(items: readonly CommentEntry[], maxDepth: number): DisplayTree {
  return appendToTree({ roots: [], order: [], byKey: new Map(), byId: new Map(), maxDepth }, items, 0);
}

/**
 * The tree for `items`, reusing `tree` when `items` only adds entries after the ones it holds (a
 * page loaded in the background): then only the new entries are placed, and `tree` is extended
 * in place. Otherwise the tree is built anew.
 */
export function updateDisplayTree(tree: DisplayTree, items: readonly CommentEntry[], maxDepth: number): DisplayTree {
  const { order } = tree;
  let appended = tree.maxDepth === maxDepth && items.length >= order.length;
  for (let index = 0; appended && index < order.length; index++) appended = items[index] === order[index]?.entry;
  return appended ? appendToTree(tree, items, order.length) : buildDisplayTree(items, maxDepth);
}

function appendToTree(tree: DisplayTree, items: readonly CommentEntry[], from: number): DisplayTree {
  const { roots, order, byKey, byId, maxDepth } = tree;
  for (let index = from; index < items.length; index++) {
    const entry = items[index] as CommentEntry;
    const { parentId } = entry.comment;
    let parent = parentId === null ? null : (byId.get(parentId) ?? null);
    while (parent && parent.level >= maxDepth) parent = parent.parent;
    const node: DisplayNode = {
      entry,
      children: [],
      index: order.length,
      descendants: 0,
      flattened: parentId !== null && parent?.entry.comment.id !== parentId,
      level: parent ? parent.level + 1 : 0,
      parent,
      root: parent?.root as DisplayNode,
    };
    node.root ??= node;
    (parent ? parent.children : roots).push(node);
    order.push(node);
    byKey.set(entry.key, node);
    byId.set(entry.comment.id, node);
    for (let up = parent; up; up = up.parent) up.descendants += 1;
  }
  return tree;
}

/** The replies under `node` a reader sees as comments: not the "[deleted]" places kept for their replies. */
export function shownReplies(node: DisplayNode): number {
  return node.children.reduce((count, child) => count + shownReplies(child) + (child.entry.comment.deleted ? 0 : 1), 0);
}

/** A run of top-level threads rendered (and re-rendered) as one unit. */
export interface Block {
  readonly roots: DisplayNode[];
  /** Reading-order index of its first comment. */
  readonly start: number;
  /** Reading-order index after its last comment. */
  end: number;
}

/**
 * Cuts the top level into runs of about `size` comments (whole threads only). The cut depends only
 * on the order before it, so pages appended at the end leave every earlier block as it was.
 */
export function partition(roots: readonly DisplayNode[], size: number): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  for (const root of roots) {
    if (!current || current.end - current.start >= size) {
      current = { roots: [], start: root.index, end: root.index };
      blocks.push(current);
    }
    current.roots.push(root);
    current.end = root.index + 1 + root.descendants;
  }
  return blocks;
}

/** The block holding reading-order `index` (blocks are sorted and contiguous). */
export function blockAt(blocks: readonly Block[], index: number): number {
  let low = 0;
  let high = blocks.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((blocks[middle]?.start ?? 0) <= index) low = middle;
    else high = middle - 1;
  }
  return low;
}
