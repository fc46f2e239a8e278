import type { ThreadSort } from './ordering.js';

/**
 * Replies are read as a conversation: oldest first, whatever the top level's sort. Its own module
 * so the browser store can order a thread without pulling in the paging rules of `comments-tree.ts`.
 */
export function levelSort(sort: ThreadSort, parentId: string | null): ThreadSort {
  return parentId === null ? sort : 'oldest';
}
