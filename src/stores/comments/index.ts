/**
 * The comments store: one thread for one adapter, as nanostores atoms and plain actions.
 * `<plein-comments>` renders it; anything else (another framework's component, a test) can too.
 */
export { createCommentsStore, loadCommentsReveal, loadCommentsWriting } from './store.js';
export { draftStorageKey, type CommentDrafts, type DraftKey } from './drafts.js';
export type { CommentPermission } from './permissions.js';
export type { CommentReport } from './review.js';
export type {
  CommentEntry,
  CommentsAction,
  CommentsFailure,
  CommentsStatus,
  CommentsStore,
  CommentsStoreOptions,
  PostInput,
} from './types.js';
