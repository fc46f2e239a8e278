import type { ReadableAtom } from 'nanostores';
import type {
  Comment,
  CommentSort,
  ModerationAction,
  PleinAdapter,
  ReactionSummary,
  ReportInput,
  Thread,
  Viewer,
} from '../../adapters/contract.js';
import type { AdapterError } from '../../adapters/errors.js';
import type { Decision } from '../../domain/permissions.js';
import type { CommentDrafts } from './drafts.js';
import type { CommentPermission } from './permissions.js';
import type { CommentReport } from './review.js';

export type CommentsStatus = 'idle' | 'loading' | 'ready' | 'error';

/** One row of the thread as rendered: a comment from the backend or one this store is posting. */
export interface CommentEntry {
  /**
   * Stable identity for keyed rendering: the comment id, or the local id of a comment posted
   * through this store (kept after the backend confirmed it, so its element and focus survive).
   */
  readonly key: string;
  readonly comment: Comment;
  /** Only on the viewer's own unconfirmed posts: on its way, or refused (see `error`). */
  readonly local?: 'sending' | 'failed';
  /** Why a `failed` post was refused; a `network` one is sent again by `retry`/`retryAll`. */
  readonly error?: AdapterError;
  /** Hand to `retry`/`discard`; present while `local` is. */
  readonly localId?: string;
}

export interface PostInput {
  body: string;
  /** The comment replied to; omitted or null for a top-level comment. */
  parentId?: string | null;
  /** The name an anonymous visitor posts under where the thread takes guests. */
  guestName?: string;
  /** Names the local entry (for focusing it); generated when omitted. */
  localId?: string;
}

/** The actions that can fail, as named in `$lastError`. */
export type CommentsAction =
  | 'load-more'
  | 'load-all'
  | 'reveal'
  | 'post'
  | 'edit'
  | 'remove'
  | 'react'
  | 'report'
  | 'moderate'
  | 'lock'
  | 'sign-out';

export interface CommentsFailure {
  action: CommentsAction;
  error: AdapterError;
  /** The comment id or local id the action was about. */
  target?: string;
}

export interface CommentsStoreOptions {
  thread: string;
  sort?: CommentSort;
  /** Top-level comments per page; the domain default when omitted. */
  pageSize?: number;
  /** Where drafts live; `localStorage` by default, `null` to keep them in memory only. */
  storage?: Storage | null;
  /** The clock for optimistic timestamps, the edit window and rate limits; `Date.now` by default. */
  now?: () => number;
}

/**
 * One comment thread for one adapter: what to render, and every action a reader can take on it.
 * Stores never touch the DOM; a component listens to the atoms and calls the actions.
 */
export interface CommentsStore {
  readonly adapter: PleinAdapter;
  readonly thread: string;

  /** `null` until loaded, or when the backend knows no such thread yet (it starts on first post). */
  readonly $thread: ReadableAtom<Thread | null>;
  /**
   * The thread in reading order: top-level comments by the sort (pinned first), each followed by
   * its replies, depth first. Unchanged entries keep their identity between updates.
   */
  readonly $items: ReadableAtom<readonly CommentEntry[]>;
  readonly $status: ReadableAtom<CommentsStatus>;
  /** Why the last `load()` failed; `null` otherwise. */
  readonly $error: ReadableAtom<AdapterError | null>;
  readonly $sort: ReadableAtom<CommentSort>;
  readonly $hasMore: ReadableAtom<boolean>;
  readonly $loadingMore: ReadableAtom<boolean>;
  /** Comments from others that arrived live and wait for `showIncoming()`. */
  readonly $incoming: ReadableAtom<number>;
  /** `null`: an anonymous visitor. */
  readonly $viewer: ReadableAtom<Viewer | null>;
  /** The last failed action, for a banner; cleared by `dismissError()`. */
  readonly $lastError: ReadableAtom<CommentsFailure | null>;
  /** Epoch milliseconds until which the backend refuses new posts (rate limit); `null` when free. */
  readonly $postBlockedUntil: ReadableAtom<number | null>;
  /**
   * For moderators: the open reports on this thread's comments, by comment id, from the moderation
   * queue and kept current while listened to (listening loads the part that acts). Empty for others.
   */
  readonly $reports: ReadableAtom<ReadonlyMap<string, readonly CommentReport[]>>;
  /**
   * The viewer's posts from an earlier page that this store sent again on its own (see `load`) and
   * the backend confirmed, in order; it only grows. A component tells the page about each.
   */
  readonly $resent: ReadableAtom<readonly Comment[]>;

  readonly drafts: CommentDrafts;

  /**
   * (Re)loads the thread, the viewer and the first page, then shows again, and sends, the
   * viewer's posts an earlier page kept but never saw confirmed. Never rejects: see `$status`/`$error`.
   */
  load(): Promise<void>;
  /** Appends the next page; concurrent calls share one request. Rejects with an AdapterError. */
  loadMore(): Promise<void>;
  /**
   * Fetches the remaining pages one after another, yielding to the main thread between them,
   * until the whole thread is in (also after a `setSort` reload). Resolves `true` when complete,
   * `false` when the signal or `dispose()` stopped it; rejects with an AdapterError.
   */
  loadAll(options?: { signal?: AbortSignal }): Promise<boolean>;
  /** Places the buffered live arrivals in the thread; returns their entries. */
  showIncoming(): CommentEntry[];
  /** Loads until comment `id` is present (a permalink); `null` when it does not exist for this viewer. */
  reveal(id: string): Promise<CommentEntry | null>;
  setSort(sort: CommentSort): Promise<void>;

  /**
   * Shows the comment at once (`local: 'sending'`, keyed by its local id), then the backend's
   * version in the same place and under the same key. The text is written to the draft `root` or
   * `reply:<parentId>` as it is sent, and that draft is cleared once the backend confirmed (unless
   * the writer has started something else in it meanwhile): a composer clears its field, not the
   * draft.
   *
   * Refusals reject with the AdapterError (also in `$lastError`). `network`, `unavailable` and
   * `rate-limited` keep the entry as `failed` with its `error`, for `retry`. Any other refusal is
   * the writer's to fix (`invalid` body, `forbidden`, `unauthorized`, …): the entry goes and the
   * draft holds the text for the composer; should the draft hold other text by then, the entry
   * stays as `failed` instead, so no text is ever dropped.
   */
  post(input: PostInput): Promise<Comment>;
  retry(localId: string): Promise<Comment>;
  /** Sends every post that failed for want of a network again, oldest first. Never rejects. */
  retryAll(): Promise<void>;
  /** Drops a failed post (and its draft, if the draft still holds the same text). */
  discard(localId: string): void;
  /** Optimistic; rolls back and rejects on failure. Clears draft `edit:<id>` once confirmed. */
  edit(id: string, body: string): Promise<Comment>;
  /** Soft delete, optimistic; rolls back and rejects on failure. */
  remove(id: string): Promise<void>;
  /** Optimistic toggle; rolls back and rejects on failure. */
  react(id: string, key: string, on: boolean): Promise<ReactionSummary[]>;
  report(id: string, input: ReportInput): Promise<void>;
  /** For moderators; optimistic (pinning moves the comment), rolls back and rejects on failure. */
  moderate(id: string, action: ModerationAction): Promise<void>;
  setLocked(locked: boolean): Promise<void>;
  /**
   * Ends the viewer's session where the adapter owns it (a guest's); a member's session belongs to
   * the site, which signs them out itself. The viewer is anonymous afterwards; rejects with an
   * AdapterError, leaving the viewer as it was.
   */
  signOut(): Promise<void>;
  dismissError(): void;

  /** What the current viewer may do, by the domain rules and this thread's facts. */
  can(action: CommentPermission, comment?: Comment): Decision;

  /** Stops realtime and in-flight reads. Writes already sent finish, so their drafts still clear. */
  dispose(): void;
}
