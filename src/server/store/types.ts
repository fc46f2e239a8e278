/**
 * The server's storage interface. One implementation (`createKyselyStore`) serves SQLite and
 * PostgreSQL; both pass the same store test suite.
 *
 * Conventions:
 * - Every method is async. Times are ISO 8601 UTC strings (`2026-11-27T10:00:00.000Z`), stored as
 *   text, so they sort as strings; rate-limit times are epoch milliseconds.
 * - `siteId` scopes everything except sites themselves, rate-limit keys (put the site in the key)
 *   and `eventsAfter`/`journalBounds`/`pruneEvents`, which work on the whole journal.
 * - "Not found" is `null`; writes to a missing row are no-ops that report `false`.
 * - The store keeps data; it decides nothing. Visibility, permissions, limits and presentation are
 *   in `src/domain/`, called by the routes.
 * - A write resolves only once it is durable (SQLite `synchronous = FULL` with group commit,
 *   PostgreSQL `synchronous_commit = on`): neither kill -9 nor a power cut loses an acknowledged write.
 * - IP addresses are never stored, only salted hashes (`CommentRow.ipHash`), and only to enforce limits.
 */

export type Dialect = 'sqlite' | 'postgres';
export type JwtAlgorithm = 'HS256' | 'RS256' | 'EdDSA';
export type UserRole = 'member' | 'moderator' | 'admin';
export type CommentStatus = 'published' | 'pending' | 'hidden';
export type ReportReason = 'spam' | 'abuse' | 'off-topic' | 'other';

export interface SiteRecord {
  id: string;
  name: string;
  /** Allowed origins for CORS, matched exactly (`https://example.org`). */
  origins: string[];
  /** HS256 signing secret for this site's JWTs. */
  secret: string;
  /** Pinned algorithms; `publicKey` (PEM) or `jwksFile` for RS256/EdDSA. */
  jwt: { algorithms: JwtAlgorithm[]; publicKey?: string; jwksFile?: string };
  guests: boolean;
  premoderation: boolean;
  bannedWords: string[];
  bannedWordsAction: 'reject' | 'pending';
  maxLinks: number;
  createdAt: string;
}

export interface UserRecord {
  siteId: string;
  id: string;
  name: string;
  avatarUrl: string | null;
  roles: UserRole[];
  guest: boolean;
  createdAt: string;
  /** Set by `deleteUser`: the row stays (anonymised) so ids in the tree and audit still resolve. */
  deletedAt: string | null;
}

/** Settings a thread has of its own; `null` fields fall back to the site (see `resolveThreadSettings`). */
export interface ThreadRecord {
  siteId: string;
  id: string;
  locked: boolean;
  premoderated: boolean | null;
  guests: boolean | null;
  ownerId: string | null;
  reactions: string[] | null;
  createdAt: string;
}

/** Settings a change of a thread names; the others stay as they are. */
export type ThreadPatch = Partial<Pick<ThreadRecord, 'locked' | 'premoderated' | 'guests' | 'ownerId' | 'reactions'>>;

export interface CommentRow {
  siteId: string;
  id: string;
  thread: string;
  parentId: string | null;
  authorId: string;
  /** Markdown source; emptied when deleted. */
  body: string;
  createdAt: string;
  editedAt: string | null;
  /** Soft delete: the domain shows a placeholder while shown replies remain. */
  deletedAt: string | null;
  status: CommentStatus;
  pinned: boolean;
  score: number;
  /** Salted hash of the poster's IP, for limits; never the IP itself. */
  ipHash: string | null;
}

/** The fields of a comment that change after posting; identity and placement never do. */
export type CommentPatch = Partial<Pick<CommentRow, 'body' | 'editedAt' | 'deletedAt' | 'status' | 'pinned' | 'score' | 'ipHash'>>;

/**
 * A comment as a writer read it, for a conditional `updateComment`. Whatever an edit, a deletion
 * or a moderator changes moves one of these (the text changes only with `editedAt` or the
 * deletion), so together they stand for the row's version: a write decided on an older read
 * changes nothing.
 */
export interface CommentExpectation {
  status: CommentStatus;
  pinned: boolean;
  editedAt: string | null;
  deleted: boolean;
}

export interface ReactionRow {
  commentId: string;
  userId: string;
  key: string;
}

/** One member's open report on a comment; a second report by the same member replaces the first. */
export interface ReportRow {
  siteId: string;
  commentId: string;
  userId: string;
  reason: ReportReason;
  note: string | null;
  at: string;
}

/**
 * A moderation action. `target` names what was acted on: `comment:<id>`, `thread:<id>`,
 * `user:<id>` (export and delete find entries about a member by these).
 */
export interface AuditEntry {
  siteId: string;
  at: string;
  actorId: string;
  action: string;
  target: string;
  detail: unknown;
}

export interface AuditRow extends AuditEntry {
  id: number;
}

export interface RateLimitHit {
  /** Hits in the current window, this one included. */
  count: number;
  /** When the current window ends (epoch ms); `Retry-After` is `resetAt - now`. */
  resetAt: number;
}

export interface NewEvent {
  siteId: string;
  topic: string;
  payload: unknown;
  /** Defaults to now; given only when importing or testing retention. */
  at?: string;
}

/** A journal entry. Ids increase in commit order, on both dialects, so "after id N" is exact. */
export interface StoredEvent {
  id: number;
  siteId: string;
  topic: string;
  payload: unknown;
  at: string;
}

export interface JournalBounds {
  /** Oldest retained id, `null` when the journal is empty. */
  first: number | null;
  /** Newest id, 0 when no event was ever retained. */
  last: number;
}

export interface UserExport {
  siteId: string;
  userId: string;
  exportedAt: string;
  user: UserRecord | null;
  comments: CommentRow[];
  reactions: (ReactionRow & { thread: string })[];
  reports: ReportRow[];
  /**
   * The member's ballots by poll id; in `anonymous` polls only that they voted (`ballot` and
   * `votedAt` are `null`: the server does not know more).
   */
  polls: { poll: string; ballot: unknown; votedAt: string | null }[];
  /** Entries the member made, and entries about the member or their comments. */
  audit: AuditRow[];
}

export interface UserDeletion {
  comments: number;
  reactions: number;
  reports: number;
  /** Poll ballots (and anonymous polls' "voted" marks) that still count but no longer name the member. */
  ballots: number;
}

/**
 * A poll's stored definition (the fields of the contract's `PollDefinition` besides `id`, as
 * JSON) and what the server keeps beside it. `closed` is a moderator's close; a passed
 * `closesAt` in the definition closes the poll without changing the row.
 */
export interface PollRow {
  siteId: string;
  id: string;
  definition: Record<string, unknown>;
  /** The member who made it through the API; `null` for a definition registered from a page. */
  authorId: string | null;
  closed: boolean;
  createdAt: string;
  updatedAt: string;
}

export type PollRowPatch = Partial<Pick<PollRow, 'definition' | 'closed'>> & { updatedAt: string };

/** One voter's ballot in a `public` or `secret` poll. `voterKey` is a member id or `device:<salted hash>`. */
export interface PollBallotRow {
  siteId: string;
  poll: string;
  voterKey: string;
  ballot: unknown;
  votedAt: string;
}

/** How many ballots of one content an `anonymous` poll holds (`ballotKey` is the ballot as canonical JSON). */
export interface PollCountRow {
  ballotKey: string;
  count: number;
}

/** A live LISTEN connection; `close` stops it. */
export interface NotificationConnection {
  close(): Promise<void>;
}

/**
 * Cross-instance wake-ups (PostgreSQL LISTEN/NOTIFY on `channel`). `appendEvent` notifies with
 * the new event id when its transaction commits. `onLost` fires once when the connection
 * breaks; the caller reconnects (see `src/server/realtime/listener.ts`).
 */
export interface NotificationSource {
  readonly channel: string;
  connect(onNotify: (payload: string) => void, onLost: (error: Error) => void): Promise<NotificationConnection>;
}

export interface PleinStore {
  readonly dialect: Dialect;
  /** Applies pending migrations (idempotent, safe to run from several instances at once); returns the schema version. */
  migrate(): Promise<number>;
  /** Releases connections; the store is unusable afterwards. */
  close(): Promise<void>;
  /**
   * Runs `fn` in one transaction and commits when it resolves (the promise resolves once the
   * commit is durable), rolls back when it throws. Nested calls join the outer transaction.
   * - SQLite: transactions run one at a time (serializable in effect), each in a savepoint of a
   *   group-committed `BEGIN IMMEDIATE` transaction. Inside, use only `tx`: a query on the outer
   *   store waits for the transaction to end, so awaiting one there never returns.
   * - PostgreSQL: read committed. A read-then-write that must not lose a concurrent update
   *   needs a single statement (as `hit` does), not a read and a write in a transaction.
   */
  transaction<T>(fn: (tx: PleinStore) => Promise<T>): Promise<T>;

  // sites
  putSite(site: SiteRecord): Promise<void>;
  getSite(id: string): Promise<SiteRecord | null>;
  listSites(): Promise<SiteRecord[]>;

  // users
  /** Creates or updates a user from their latest token; the first `createdAt` stays. */
  upsertUser(user: UserRecord): Promise<void>;
  getUser(siteId: string, id: string): Promise<UserRecord | null>;
  /** The users among `ids` that exist, in no particular order. */
  listUsers(siteId: string, ids: string[]): Promise<UserRecord[]>;

  // threads and comments
  getThread(siteId: string, id: string): Promise<ThreadRecord | null>;
  /** Creates or replaces all of a thread's settings; the first `createdAt` stays. */
  putThread(thread: ThreadRecord): Promise<void>;
  /**
   * Changes only the settings `patch` names, first making the thread's record (unlocked, the
   * rest falling back to the site, made at `createdAt`) when it has none, and answers the record
   * as it now is. One upsert: patches of different settings made at once all stay, and the
   * answer includes every one committed before.
   */
  patchThread(siteId: string, id: string, patch: ThreadPatch, createdAt: string): Promise<ThreadRecord>;
  insertComment(row: CommentRow): Promise<void>;
  /**
   * With `expected`, only while the row is still as expected: `false` (nothing written) when it
   * moved on. The check and the write are one statement, so a change committed while this one
   * waited for the row is seen (PostgreSQL re-reads the row under its lock). An empty patch with
   * `expected` checks and locks the row for the rest of the transaction.
   */
  updateComment(siteId: string, id: string, patch: CommentPatch, expected?: CommentExpectation): Promise<boolean>;
  getComment(siteId: string, id: string): Promise<CommentRow | null>;
  /** The whole thread, every status, oldest first (`createdAt`, then `id`); the domain assembles pages. */
  listThreadComments(siteId: string, thread: string): Promise<CommentRow[]>;
  /**
   * Comments waiting for a moderator or with open reports (not deleted, not hidden unless pending),
   * oldest first, site-wide or in one thread.
   */
  listQueue(siteId: string, thread: string | null): Promise<CommentRow[]>;

  // reactions: one row per (comment, user, key)
  /** Returns whether anything changed (setting twice is one reaction). */
  setReaction(siteId: string, commentId: string, userId: string, key: string, on: boolean): Promise<boolean>;
  listReactions(siteId: string, commentIds: string[]): Promise<ReactionRow[]>;
  listThreadReactions(siteId: string, thread: string): Promise<ReactionRow[]>;

  // reports
  /** Adds or replaces `userId`'s report on the comment. */
  addReport(report: ReportRow): Promise<void>;
  listReports(siteId: string, commentIds: string[]): Promise<ReportRow[]>;
  /** Settles a comment's reports (approve, hide); returns how many were open. */
  clearReports(siteId: string, commentId: string): Promise<number>;

  // moderation audit
  audit(entry: AuditEntry): Promise<void>;
  /** Newest first. */
  listAudit(siteId: string, limit: number): Promise<AuditRow[]>;

  // rate limits
  /**
   * Counts one hit on `key` in a fixed window that starts at the key's first hit after the last
   * window ended. Atomic (one upsert statement), so concurrent hits from any number of processes
   * on one database each count once.
   */
  hit(key: string, windowMs: number, now: number): Promise<RateLimitHit>;
  /** Forgets windows that ended before `now`; returns how many. */
  pruneRateLimits(now: number): Promise<number>;

  // realtime journal
  appendEvent(event: NewEvent): Promise<StoredEvent>;
  /** Events of one site on any of `topics` with an id above `afterId`, oldest first. */
  eventsSince(siteId: string, topics: string[], afterId: number, limit: number): Promise<StoredEvent[]>;
  /** Every event with an id above `afterId`, oldest first (what realtime instances deliver). */
  eventsAfter(afterId: number, limit: number): Promise<StoredEvent[]>;
  journalBounds(): Promise<JournalBounds>;
  /**
   * Drops the oldest events: those before `olderThan`, and any beyond the newest `keepNewest`.
   * Always a prefix by id and never the newest event, so `journalBounds` still tells a resuming
   * client whether it missed pruned events. Returns how many were dropped.
   */
  pruneEvents(olderThan: string, keepNewest?: number): Promise<number>;
  /** `null` on SQLite (one process owns the journal); LISTEN/NOTIFY on PostgreSQL. */
  readonly notifications: NotificationSource | null;

  // polls
  getPoll(siteId: string, id: string): Promise<PollRow | null>;
  /** Inserts a new poll; `false` when the id is taken (the first definition wins a race). */
  insertPoll(row: PollRow): Promise<boolean>;
  updatePoll(siteId: string, id: string, patch: PollRowPatch): Promise<boolean>;
  /**
   * Those of `voterKeys` that have a ballot in the poll, in either kind of ballot storage: one
   * question for every watcher of a poll at once.
   */
  pollVotedAmong(siteId: string, poll: string, voterKeys: readonly string[]): Promise<string[]>;
  getPollBallot(siteId: string, poll: string, voterKey: string): Promise<PollBallotRow | null>;
  /**
   * Stores a ballot. Without `replace`, one that exists stays and the answer is `false`: the
   * primary key (site, poll, voter) decides between concurrent first ballots of one voter.
   */
  putPollBallot(row: PollBallotRow, replace: boolean): Promise<boolean>;
  deletePollBallot(siteId: string, poll: string, voterKey: string): Promise<boolean>;
  /** Ballots oldest first (`votedAt`, then `voterKey`); after `after` and at most `limit` when given. */
  listPollBallots(
    siteId: string,
    poll: string,
    page?: { after?: { votedAt: string; voterKey: string } | null; limit?: number },
  ): Promise<PollBallotRow[]>;
  /**
   * An `anonymous` poll's ballot: records that `voterKey` voted and adds one to `ballotKey`'s
   * count, with nothing that ties the two together. `false` (and no count) when the voter is
   * already recorded.
   */
  addAnonymousBallot(siteId: string, poll: string, voterKey: string, ballotKey: string): Promise<boolean>;
  listPollCounts(siteId: string, poll: string): Promise<PollCountRow[]>;

  // privacy
  exportUser(siteId: string, userId: string): Promise<UserExport>;
  /**
   * Erases a member: the user row is kept anonymised (empty name, no avatar, no roles,
   * `deletedAt`), their comments soft-deleted with the body and IP hash emptied, their reactions
   * and reports removed, and audit details about them or their comments dropped (the entries stay).
   */
  deleteUser(siteId: string, userId: string, at?: string): Promise<UserDeletion>;
}
