/**
 * One thread as the domain sees it, loaded from the store for one request: its settings, its
 * comments as `CommentRecord`s with their reactions and authors, and the tree (replies oldest
 * first). Operations change it in place after writing to the store, so the answer and the
 * realtime events are computed from the state right after the change.
 */
import type { CommentRecord, CommentRules, ThreadSettings } from '../../domain/comments.js';
import { sortLevel, type LevelEntry } from '../../domain/comments-tree.js';
import type { ThreadSort } from '../../domain/ordering.js';
import { actorId, isModerator, type Actor } from '../../domain/roles.js';
import type { PleinStore, SiteRecord, ThreadRecord } from '../store/types.js';
import { authorOf, commentRules, groupReactions, threadSettings, toRecord } from './records.js';

/** An answer kept serialised: UTF-8 bytes, so serving it encodes nothing; the ETag of those bytes. */
export interface KeptAnswer {
  body: Uint8Array<ArrayBuffer>;
  etag: string;
  /** The body compressed, made on first request for each (`app/encoding.ts`). */
  br?: Uint8Array<ArrayBuffer>;
  gzip?: Uint8Array<ArrayBuffer>;
}

export class ThreadState {
  readonly comments: Map<string, CommentRecord>;
  readonly #children: Map<string | null, CommentRecord[]>;
  /** Sibling lists this state may change; the others are shared with the state it was forked from. */
  readonly #owned: Set<CommentRecord[]> | null;
  /** What was done to this fork, in order, to do it again on a newer state (see `ThreadCache.settle`). */
  readonly changes: ({ kind: 'add' | 'replace'; comment: CommentRecord } | { kind: 'record'; record: ThreadRecord })[] = [];
  /** The state this one was forked from. */
  base: ThreadState | null = null;
  readonly #levels = new Map<string, LevelEntry<CommentRecord>[]>();
  /** Answers shared by a class of viewers (serialised, with their ETag), while this state is cached: see `viewerClass`. */
  readonly answers = new Map<string, KeptAnswer>();
  /** Answers of viewers whose view is their own (see `viewerClass`), oldest first. */
  readonly viewerAnswers = new Map<string, KeptAnswer>();
  /** Who sees this state differently from others of their class: authors of unpublished comments, people who reacted. */
  #involved: { unpublishedAuthors: Set<string>; reactors: Set<string> } | null = null;
  settings: ThreadSettings;
  /**
   * The newest journal id before the thread was read: the state includes every event up to it
   * (`X-Plein-Event-Id`, for resuming an event stream without a gap).
   */
  position = 0;

  constructor(
    readonly site: SiteRecord,
    readonly id: string,
    public record: ThreadRecord | null,
    readonly rules: CommentRules,
    shared?: { comments: Map<string, CommentRecord>; children: Map<string | null, CommentRecord[]>; owned?: Set<CommentRecord[]> },
  ) {
    this.settings = threadSettings(site, record, rules);
    this.comments = shared?.comments ?? new Map();
    this.#children = shared?.children ?? new Map();
    this.#owned = shared ? (shared.owned ?? null) : null;
  }

  /**
   * A private copy to change (a write's): the maps are copied, the sibling lists only when the
   * copy changes them, so forking a 10,000-comment thread to add one reply stays cheap.
   */
  fork(): ThreadState {
    const copy = new ThreadState(this.site, this.id, this.record, this.rules, {
      comments: new Map(this.comments),
      children: new Map(this.#children),
      owned: new Set(),
    });
    copy.position = this.position;
    copy.base = this;
    return copy;
  }

  /**
   * This fork's changes done again on `newer` (a state that moved on since the fork), or `null`
   * when they collide: a comment this fork replaced, or the thread's settings, changed there too.
   */
  replayOn(newer: ThreadState): ThreadState | null {
    const base = this.base;
    if (!base) return null;
    for (const change of this.changes) {
      if (change.kind === 'replace' && newer.get(change.comment.id) !== base.get(change.comment.id)) return null;
      if (change.kind === 'record' && newer.record !== base.record) return null;
    }
    const next = newer.fork();
    for (const change of this.changes) {
      if (change.kind === 'record') next.setRecord(change.record);
      else if (change.kind === 'add') next.add(change.comment);
      else next.replace(change.comment);
    }
    return next;
  }

  #siblings(parentId: string | null): CommentRecord[] {
    let siblings = this.#children.get(parentId);
    if (!siblings) this.#children.set(parentId, (siblings = []));
    else if (this.#owned && !this.#owned.has(siblings)) this.#children.set(parentId, (siblings = [...siblings]));
    this.#owned?.add(siblings);
    return siblings;
  }

  /** The same comments under the site's current settings (a cached thread after the site changed). */
  withSite(site: SiteRecord, rules: CommentRules): ThreadState {
    const rebased = new ThreadState(site, this.id, this.record, rules, { comments: this.comments, children: this.#children, ...(this.#owned ? { owned: this.#owned } : {}) });
    rebased.position = this.position;
    return rebased;
  }

  /** One level in one order, sorted once per state (a cached state serves many reads). */
  level(parentId: string | null, sort: ThreadSort): readonly LevelEntry<CommentRecord>[] {
    const key = `${parentId ?? ''}\u0000${sort}`;
    let level = this.#levels.get(key);
    if (!level) this.#levels.set(key, (level = sortLevel(this.children(parentId), sort, parentId)));
    return level;
  }

  /**
   * Which answers this viewer shares. Visibility differs between viewers only by moderation
   * (moderators see every status) and by their own pending comments; presentation only by
   * `mine` on reactions. So a viewer who wrote no unpublished comment and reacted to nothing
   * sees exactly what an anonymous visitor (`'anonymous'`) or any other moderator
   * (`'moderator'`) sees; anyone else gets a class of their own.
   */
  viewerClass(actor: Actor): string {
    const id = actorId(actor);
    const moderator = isModerator(actor);
    if (id !== null) {
      const involved = this.#involvement();
      if (involved.reactors.has(id) || (!moderator && involved.unpublishedAuthors.has(id))) return `${moderator ? 'moderator' : 'viewer'}:${id}`;
    }
    return moderator ? 'moderator' : 'anonymous';
  }

  #involvement(): { unpublishedAuthors: Set<string>; reactors: Set<string> } {
    if (this.#involved) return this.#involved;
    const unpublishedAuthors = new Set<string>();
    const reactors = new Set<string>();
    for (const comment of this.comments.values()) {
      if (comment.status !== 'published') unpublishedAuthors.add(comment.author.id);
      for (const people of Object.values(comment.reactions)) for (const person of people) reactors.add(person);
    }
    return (this.#involved = { unpublishedAuthors, reactors });
  }

  #forgetAnswers(): void {
    this.answers.clear();
    this.viewerAnswers.clear();
    this.#involved = null;
  }

  get(id: string): CommentRecord | undefined {
    return this.comments.get(id);
  }

  children(parentId: string | null): readonly CommentRecord[] {
    return this.#children.get(parentId) ?? [];
  }

  /** Adds a comment after every other (rows arrive oldest first; a new comment is the newest). */
  add(comment: CommentRecord): void {
    this.changes.push({ kind: 'add', comment });
    this.#levels.clear();
    this.#forgetAnswers();
    this.comments.set(comment.id, comment);
    this.#siblings(comment.parentId).push(comment);
  }

  /** Replaces a comment with a changed copy, keeping its place. */
  replace(comment: CommentRecord): void {
    this.changes.push({ kind: 'replace', comment });
    this.#levels.clear();
    this.#forgetAnswers();
    this.comments.set(comment.id, comment);
    const siblings = this.#siblings(comment.parentId);
    const index = siblings.findIndex((sibling) => sibling.id === comment.id);
    if (index >= 0) siblings[index] = comment;
  }

  setRecord(record: ThreadRecord): void {
    this.changes.push({ kind: 'record', record });
    this.#forgetAnswers();
    this.record = record;
    this.settings = threadSettings(this.site, record, this.rules);
  }
}

export async function loadThread(store: PleinStore, site: SiteRecord, thread: string, editWindowMs?: number): Promise<ThreadState> {
  // Before the reads: whatever they see includes at least every event up to here.
  const { last } = await store.journalBounds();
  const [record, rows, reactionRows] = await Promise.all([
    store.getThread(site.id, thread),
    store.listThreadComments(site.id, thread),
    store.listThreadReactions(site.id, thread),
  ]);
  const authorIds = [...new Set(rows.map((row) => row.authorId))];
  const users = new Map((authorIds.length > 0 ? await store.listUsers(site.id, authorIds) : []).map((user) => [user.id, user]));
  const reactions = groupReactions(reactionRows);
  const state = new ThreadState(site, thread, record, commentRules(site, editWindowMs));
  state.position = last;
  const authors = new Map<string, CommentRecord['author']>();
  for (const row of rows) {
    let author = authors.get(row.authorId);
    if (!author) authors.set(row.authorId, (author = authorOf(users.get(row.authorId), row.authorId)));
    state.add(toRecord(row, author, reactions.get(row.id) ?? {}));
  }
  return state;
}
