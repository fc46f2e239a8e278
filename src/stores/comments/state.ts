import { atom } from 'nanostores';
import {
  supports,
  type AdapterWith,
  type Capability,
  type Comment,
  type CommentSort,
  type PleinAdapter,
  type PostCommentInput,
  type Thread,
  type Viewer,
} from '../../adapters/contract.js';
import { AdapterError } from '../../adapters/errors.js';
import { toAdapterError } from '../../core/errors.js';
import { clampPageSize } from '../../domain/page-size.js';
import { createDrafts, defaultDraftStorage, type DraftKey, type ThreadDrafts } from './drafts.js';
import type { CommentReport } from './review.js';
import { CommentTree, entryOf } from './tree.js';
import type { CommentEntry, CommentsAction, CommentsFailure, CommentsStatus, CommentsStoreOptions } from './types.js';

/** A post of the viewer's that the backend has not confirmed yet. */
export interface Outgoing {
  localId: string;
  input: PostCommentInput;
  draft: DraftKey;
  /** The request in flight, while there is one. */
  sending?: Promise<Comment>;
  /** Kept in storage (see `unsent.ts`), so `draft` need not hold the text meanwhile. */
  kept?: boolean;
  /** Written on an earlier page and shown again by this one. */
  restored?: boolean;
}

/**
 * Everything one comments store knows, shared by its parts (reading, live events, posting,
 * changes): the atoms it publishes, the tree behind `$items`, and the helpers that place backend
 * comments in it.
 */
export class CommentsState {
  readonly adapter: PleinAdapter;
  readonly thread: string;
  readonly now: () => number;
  readonly pageSize: number;
  readonly drafts: ThreadDrafts;
  /** Where drafts and unsent posts are kept; `null`: in memory only. */
  readonly storage: Storage | null;

  readonly $thread = atom<Thread | null>(null);
  readonly $items = atom<readonly CommentEntry[]>([]);
  readonly $status = atom<CommentsStatus>('idle');
  readonly $error = atom<AdapterError | null>(null);
  readonly $sort;
  readonly $hasMore = atom(false);
  readonly $loadingMore = atom(false);
  readonly $incoming = atom(0);
  readonly $viewer = atom<Viewer | null>(null);
  readonly $lastError = atom<CommentsFailure | null>(null);
  readonly $postBlockedUntil = atom<number | null>(null);
  readonly $reports = atom<ReadonlyMap<string, readonly CommentReport[]>>(new Map());
  readonly $resent = atom<readonly Comment[]>([]);

  tree: CommentTree;
  /** Live arrivals from others, by id, until `showIncoming()`. */
  readonly incoming = new Map<string, Comment>();
  /** Ids that went away live, so a page fetched just before cannot bring them back. */
  readonly tombstones = new Set<string>();
  /** The viewer's posts not yet confirmed, in the order they were written. */
  readonly outbox = new Map<string, Outgoing>();
  cursor: string | null = null;
  /** Bumped by every (re)load and by dispose: answers to an older generation's reads are dropped. */
  generation = 0;
  reads = new AbortController();
  loading: Promise<void> | undefined;
  more: Promise<void> | undefined;
  /** Bumped on every viewer change, so a slow load cannot overwrite a newer viewer from realtime. */
  viewerVersion = 0;
  disposed = false;
  /**
   * Read inside the store instead of `$status.get()`, which would mount the atom and so start the
   * load that mounting starts.
   */
  status: CommentsStatus = 'idle';


  constructor(adapter: PleinAdapter, options: CommentsStoreOptions) {
    this.adapter = adapter;
    this.thread = options.thread;
    this.now = options.now ?? Date.now;
    this.pageSize = clampPageSize(options.pageSize);
    this.storage = options.storage === undefined ? defaultDraftStorage() : options.storage;
    this.drafts = createDrafts(options.thread, this.storage);
    this.$sort = atom<CommentSort>(options.sort ?? 'newest');
    this.tree = new CommentTree(this.$sort.get());
  }

  setStatus(next: CommentsStatus): void {
    this.status = next;
    this.$status.set(next);
  }

  /** The adapter as one that has `capability`; a `forbidden` AdapterError when it has not. */
  need<C extends Capability>(capability: C): AdapterWith<C> {
    if (supports(this.adapter, capability)) return this.adapter;
    throw new AdapterError('forbidden', `Adapter "${this.adapter.name}" does not offer ${capability}.`);
  }

  /** Publishes a failure in `$lastError` and returns it as an AdapterError, to throw. */
  fail(action: CommentsAction, caught: unknown, target?: string): AdapterError {
    const error = toAdapterError(caught);
    this.$lastError.set(target === undefined ? { action, error } : { action, error, target });
    return error;
  }

  /** The entry of comment `id` if it is in view (not waiting for its parent). */
  rendered(id: string): CommentEntry | null {
    const key = this.tree.keyOf(id);
    return key !== undefined && this.tree.isRendered(key) ? (this.tree.entry(key) ?? null) : null;
  }

  /**
   * An arrival `showIncoming()` can put in view: a top-level comment, or a reply to a comment in
   * view or itself arriving. A reply to a comment on a page not loaded yet waits for that page,
   * which brings it along.
   */
  showable(comment: Comment): boolean {
    let parentId = comment.parentId;
    for (let hops = 0; parentId !== null && hops <= this.incoming.size; hops++) {
      if (this.rendered(parentId)) return true;
      const parent = this.incoming.get(parentId);
      if (!parent) return false;
      parentId = parent.parentId;
    }
    return parentId === null;
  }

  /** Publishes the tree and the count of showable arrivals. */
  commit(): void {
    this.$items.set(this.tree.items());
    let count = 0;
    for (const comment of this.incoming.values()) if (this.showable(comment)) count++;
    this.$incoming.set(count);
  }

  /** Adds or refreshes a backend comment; `counted`: its parent's replyCount already includes it. */
  upsert(comment: Comment, counted: boolean): void {
    this.incoming.delete(comment.id);
    const key = this.tree.keyOf(comment.id);
    const entry = key === undefined ? undefined : this.tree.entry(key);
    if (key === undefined || !entry) this.tree.insert(entryOf(comment), counted);
    else this.tree.update(key, { key, comment });
  }

  placePage(comments: readonly Comment[]): void {
    // Replies of a comment skipped here wait unseen, as they should: they went with it.
    for (const comment of comments) {
      if (comment.thread === this.thread && !this.tombstones.has(comment.id)) this.upsert(comment, true);
    }
  }
}
