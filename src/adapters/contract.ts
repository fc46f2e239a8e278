/**
 * The adapter contract: the one interface between Plein's stores and any backend.
 *
 * Rules every implementation follows (the conformance kit in `plein/testing` checks them):
 * - Every method is async and takes `{ signal }` last; an aborted call rejects with the signal's
 *   reason (an `AbortError` DOMException by default), never with an AdapterError.
 * - "Not found" on a read is `null`; failures throw `AdapterError` with a code.
 * - Lists are cursor-paginated: `{ items, cursor }`, `cursor: null` on the last page.
 * - `supports` declares the families it implements; the UI hides what is not declared and
 *   `defineAdapter()` refuses a declaration whose methods are missing.
 * - Realtime is `subscribe(topic, onEvent) → unsubscribe`; topics are built with `topics.*`.
 */
import type { Role } from '../domain/roles.js';
import type { CAPABILITY_METHODS } from './capabilities.js';
import type { AdapterError } from './errors.js';

export type { Role } from '../domain/roles.js';
export type { AdapterErrorCode, FieldError, FieldErrors } from './errors.js';

/** Passed last to every adapter method. */
export interface CallOptions {
  signal?: AbortSignal;
}

export interface Page<T> {
  items: T[];
  /** Opaque; pass back to get the next page. `null` when there is none. */
  cursor: string | null;
}

export interface PageRequest {
  cursor?: string | null;
  /** Items wanted; adapters may cap it (the domain's `LIMITS.pageSize.max`). */
  limit?: number;
}

/** ISO 8601 date-time string in UTC, e.g. `2026-11-27T10:00:00.000Z`. */
export type Timestamp = string;

// ---------------------------------------------------------------------------------------------
// Capabilities

export type Capability =
  | 'session'
  | 'guests'
  | 'comments'
  | 'reactions'
  | 'reports'
  | 'polls'
  | 'qa'
  | 'badges'
  | 'leaderboard'
  | 'moderation'
  | 'realtime';

export type Capabilities = Partial<Record<Capability, boolean>>;

// ---------------------------------------------------------------------------------------------
// Session

/** A person as shown next to what they wrote. */
export interface Author {
  id: string;
  name: string;
  avatarUrl?: string | null;
  /** Roles that earn a chip next to the name. */
  roles?: Role[];
  /** A guest posted under a name only; no account. */
  guest?: boolean;
}

/** The person using the page right now; `null` from `getViewer` means an anonymous visitor. */
export interface Viewer extends Author {
  roles: Role[];
}

export interface SessionMethods {
  getViewer(options?: CallOptions): Promise<Viewer | null>;
  /** Forgets a guest name or, for adapters that own sign-in, signs out. */
  signOut(options?: CallOptions): Promise<void>;
}

export interface GuestMethods {
  /** Starts a name-only guest session (capability `guests`); returns the guest viewer. */
  signInAsGuest(input: { name: string }, options?: CallOptions): Promise<Viewer>;
}

// ---------------------------------------------------------------------------------------------
// Comments

/**
 * Order of top-level comments, pinned ones first in each: `newest` or `oldest` by `createdAt`;
 * `top` by `score`, highest first, and an equal score oldest first (the earlier comment said it
 * first). Ties on time go by id. Replies are always oldest first (the order of the conversation).
 */
export type CommentSort = 'newest' | 'oldest' | 'top';
export type ModerationStatus = 'published' | 'pending' | 'hidden';

export interface ReactionSummary {
  /** Emoji or reaction key, e.g. "👍". */
  key: string;
  count: number;
  /** The viewer reacted with this key. */
  mine: boolean;
}

/**
 * A comment as one viewer sees it. What a viewer sees is decided by the backend, never the UI:
 * - `published` comments are seen by everyone; `pending` ones only by their author and
 *   moderators; `hidden` ones only by moderators. A reply is seen only where its parent is.
 * - A deleted comment that still has replies the viewer sees stays as a placeholder
 *   (`deleted: true`, empty `body`, `author` with empty `id` and `name`, no reactions); without
 *   such replies it is gone.
 */
export interface Comment {
  id: string;
  thread: string;
  parentId: string | null;
  author: Author;
  /** Markdown source (the safe subset); never HTML. Empty when deleted. */
  body: string;
  createdAt: Timestamp;
  editedAt: Timestamp | null;
  deleted: boolean;
  status: ModerationStatus;
  /** Pinned comments come first in every sort; only top-level comments can be pinned. */
  pinned: boolean;
  /** Keys with at least one reaction, in the thread's `reactions` order. Empty when deleted. */
  reactions: ReactionSummary[];
  /** Direct replies visible to the viewer. */
  replyCount: number;
  /** Upvotes minus downvotes where supported (0 otherwise); `top` orders by this plus all reaction counts. */
  score: number;
  /** Nesting level: 0 for a top-level comment, the parent's depth + 1 for a reply. */
  depth: number;
  /**
   * The parent comment's author (`id` is the author's id), for "replying to @name"; `null` for a
   * top-level comment and for a reply whose parent is deleted.
   */
  replyTo: { id: string; name: string } | null;
}

/**
 * A comment thread, usually one per page. Threads need no registration: a thread nobody wrote in
 * yet is returned with its default settings and no comments.
 */
export interface Thread {
  id: string;
  /** Only moderators may post, edit, delete or react while locked (others get `forbidden`). */
  locked: boolean;
  /** Comments visible to the viewer, replies included; deleted placeholders not counted. */
  commentCount: number;
  /** Whether new comments of non-moderators wait for a moderator (this thread's or the site's setting). */
  premoderated: boolean;
  /** The page author's id, for the "author" chip. */
  ownerId?: string | null;
  /** Reaction keys allowed on this thread's comments, in display order (default 👍 ❤️ 😂 🎉 😮). */
  reactions: string[];
  /** Visitors without an account may post under a name (`postComment({ guestName })`). */
  guests: boolean;
}

export interface ListCommentsRequest extends PageRequest {
  thread: string;
  /** Order of the listed level when it is the top level; default `newest`. Replies are oldest first. */
  sort?: CommentSort;
  /** List the replies of this comment; omitted or null for top-level comments. */
  parentId?: string | null;
  /**
   * Each listed comment is followed by its whole visible subtree (depth-first, replies oldest
   * first), so a page is self-contained. `limit` and the cursor count the listed level only.
   */
  withReplies?: boolean;
}

export interface PostCommentInput {
  thread: string;
  body: string;
  parentId?: string | null;
  /**
   * For an anonymous visitor on a thread with `guests`: the name to post under. The adapter then
   * starts a guest session (as `signInAsGuest` does) so the guest can edit and delete the comment.
   * Ignored for signed-in viewers and guests who already have a session. Problems: `fields.guestName`.
   */
  guestName?: string;
}

export interface ReportInput {
  reason: 'spam' | 'abuse' | 'off-topic' | 'other';
  note?: string;
}

/**
 * Comments. Errors, besides those every method may throw:
 * - `unauthorized`: an anonymous visitor tried to write (post without `guestName` where guests
 *   may post, edit, delete, react, report).
 * - `forbidden`: the viewer may not do this (another member's comment, the edit window has
 *   passed, the thread is locked, guests are not allowed, members only).
 * - `not-found`: the comment (or the parent replied to) does not exist or is not visible to the viewer.
 * - `conflict`: the comment is deleted (edit, react, reply), or a reply was pinned.
 * - `invalid`: `fields.body` (`required`, `too-long`, `too-many-links`, `banned-words`),
 *   `fields.guestName`, `fields.thread`, `fields.cursor` (a cursor of another list or sort).
 */
export interface CommentMethods {
  getThread(thread: string, options?: CallOptions): Promise<Thread | null>;
  listComments(request: ListCommentsRequest, options?: CallOptions): Promise<Page<Comment>>;
  /** `null` when the comment does not exist or the viewer may not see it. */
  getComment(id: string, options?: CallOptions): Promise<Comment | null>;
  /** Returns the stored comment: `pending` when the thread or site pre-moderates (or a banned word held it). */
  postComment(input: PostCommentInput, options?: CallOptions): Promise<Comment>;
  editComment(id: string, input: { body: string }, options?: CallOptions): Promise<Comment>;
  /**
   * Soft delete: the comment stays as a placeholder while it has replies. Deleting an already
   * deleted comment of one's own (a retried request) resolves.
   */
  deleteComment(id: string, options?: CallOptions): Promise<void>;
}

export interface ReactionMethods {
  /**
   * Sets or clears the viewer's reaction `key` (members only; `invalid` with `fields.key` for a key
   * the thread does not allow); returns the comment's new summary. Setting twice is one reaction.
   */
  react(commentId: string, key: string, on: boolean, options?: CallOptions): Promise<ReactionSummary[]>;
}

export interface ReportMethods {
  /** Members report others' comments; reporting the same comment again replaces the earlier report. */
  report(commentId: string, input: ReportInput, options?: CallOptions): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Polls

export type PollType = 'single' | 'multiple' | 'rating' | 'ranked' | 'quiz';
export type ResultsVisibility = 'always' | 'after-vote' | 'after-close' | 'moderators';
export type VoterVisibility = 'public' | 'secret' | 'anonymous';
export type VoteIntegrity = 'member' | 'device';

export interface PollOption {
  value: string;
  label: string;
}

export interface PollDefinition {
  id: string;
  type: PollType;
  question: string;
  options: PollOption[];
  results: ResultsVisibility;
  voters: VoterVisibility;
  integrity: VoteIntegrity;
  /** `multiple`: how many options a ballot must and may hold. */
  min?: number;
  max?: number;
  /** `rating`: the scale. */
  scale?: { min: number; max: number; step: number };
  /** `quiz`: the right answers and what to show after voting. */
  correct?: string[];
  explanation?: string;
  closesAt?: Timestamp | null;
  allowChange?: boolean;
}

/** One person's vote: option values in order (ranked), a set (multiple) or one value. */
export type Ballot = { choices: string[] } | { rating: number };

/** One round of a `ranked` poll's instant-runoff count (see `src/domain/ranked-choice.ts`). */
export interface PollRound {
  /** Ballots per option still in the race this round. */
  counts: Record<string, number>;
  /** Options that leave the race at the end of this round. */
  eliminated: string[];
  /** Ballots counting for a continuing option; `continuing + exhausted` is every ballot. */
  continuing: number;
  /** Ballots with no continuing option left. */
  exhausted: number;
  /** Set when last place was shared and a tie-break chose `eliminated`. */
  tieBreak?: 'batch' | 'earlier-round' | 'option-order';
}

/** Raw figures, never rounded or formatted: the UI formats them with Intl. */
export interface PollTally {
  /** Ballots counted. */
  total: number;
  /** Per option value; per scale step (as a string, e.g. "3" or "0.5") for `rating`. */
  counts: Record<string, number>;
  /** `rating`: the mean rating; absent without ballots. */
  average?: number;
  /** `ranked`: the rounds of the instant-runoff count. */
  rounds?: PollRound[];
  /** The single leading option (the runoff winner for `ranked`); `null` on a tie or without ballots. */
  winner?: string | null;
  /** `ranked`: the options left tied when the count could not name a winner. */
  tied?: string[];
  /** `quiz`: share of ballots that were right, 0..1. */
  correctShare?: number;
}

/**
 * A poll as one viewer sees it. What a viewer may see is decided by the backend, never the UI
 * (the rule is `src/domain/poll-visibility.ts`):
 * - `tally` is `null` while results are withheld from this viewer; `resultsWithheldUntil` says
 *   what has to happen first.
 * - A quiz's `correct` and `explanation` are absent until the viewer answered (or the poll
 *   closed, or the viewer is a moderator or the poll's author).
 * - Under `voters: 'anonymous'` the backend keeps that a voter voted, never what: `voted` is
 *   true and `myBallot` stays `null` after voting.
 */
export interface Poll extends PollDefinition {
  /** Who made the poll through the API; `null` for a declarative poll registered from a page. */
  authorId: string | null;
  /** `closed` when a moderator closed it or `closesAt` has passed. */
  status: 'open' | 'closed';
  tally: PollTally | null;
  /** `null` when the viewer sees results now; `vote` or `close` when that has to happen first. */
  resultsWithheldUntil: 'vote' | 'close' | null;
  /** The viewer's own ballot, when the backend keeps the link and the viewer voted. */
  myBallot: Ballot | null;
  /** The viewer (member, or this device under `device` integrity) has a ballot in the poll. */
  voted: boolean;
  /** Ballots cast so far, shown even when the tally is withheld. */
  ballotCount: number;
  /**
   * `quiz` only: whether a ballot holds one option or several, present even while `correct` is
   * withheld, so the ballot can offer radio buttons or checkboxes (it says how many answers are
   * right only as far as "one or more", which the form would show anyway).
   */
  answers?: 'one' | 'several';
  createdAt: Timestamp;
}

/** One entry of a `public` poll's list of who voted what. */
export interface PollVote {
  voter: Author;
  ballot: Ballot;
  votedAt: Timestamp;
}

/**
 * Refusals: an unknown poll is `not-found`; a ballot that does not fit the poll, or a definition
 * that cannot work, is `invalid` with field errors (`choices`, `rating`; the definition's fields);
 * voting twice where changing is not allowed, voting in a closed poll, or changing a frozen
 * definition is `conflict`; a `member` poll refuses anonymous visitors with `unauthorized` and
 * guests with `forbidden`.
 */
export interface PollMethods {
  /** The poll, or `null` when no poll has this id. */
  getPoll(id: string, options?: CallOptions): Promise<Poll | null>;
  /**
   * Registers a declarative definition on first use and returns the stored poll. A definition
   * that differs from the stored one replaces it only while the poll has no ballots; after the
   * first ballot only an admin may change it, never its `type` or `voters` (domain rule
   * `canRedefine`); otherwise it is refused with `conflict` and the stored poll stands.
   */
  ensurePoll(definition: PollDefinition, options?: CallOptions): Promise<Poll>;
  /** Casts the viewer's ballot, or replaces it when the poll has `allowChange`. */
  vote(id: string, ballot: Ballot, options?: CallOptions): Promise<Poll>;
  /** Takes the viewer's ballot back out (polls with `allowChange` only). */
  removeVote(id: string, options?: CallOptions): Promise<Poll>;
  /** Moderators close (`true`) or reopen (`false`) a poll. */
  closePoll(id: string, closed: boolean, options?: CallOptions): Promise<Poll>;
  /** Who voted what, oldest first: `public` polls only, for members and moderators (`forbidden` otherwise). */
  listPollVotes(id: string, request?: PageRequest, options?: CallOptions): Promise<Page<PollVote>>;
}

// ---------------------------------------------------------------------------------------------
// Q&A

export type QuestionSort = 'top' | 'newest' | 'unanswered';

export interface Answer {
  id: string;
  questionId: string;
  author: Author;
  body: string;
  createdAt: Timestamp;
  score: number;
  myVote: -1 | 0 | 1;
  accepted: boolean;
  status: ModerationStatus;
}

export interface Question {
  id: string;
  board: string;
  author: Author;
  title: string;
  body: string;
  createdAt: Timestamp;
  score: number;
  myVote: -1 | 0 | 1;
  answerCount: number;
  acceptedAnswerId: string | null;
  status: ModerationStatus;
  pinned: boolean;
}

export interface ListQuestionsRequest extends PageRequest {
  board: string;
  sort?: QuestionSort;
}

export interface QaMethods {
  listQuestions(request: ListQuestionsRequest, options?: CallOptions): Promise<Page<Question>>;
  getQuestion(id: string, options?: CallOptions): Promise<Question | null>;
  askQuestion(input: { board: string; title: string; body?: string }, options?: CallOptions): Promise<Question>;
  voteQuestion(id: string, vote: -1 | 0 | 1, options?: CallOptions): Promise<Question>;
  listAnswers(request: PageRequest & { questionId: string }, options?: CallOptions): Promise<Page<Answer>>;
  answerQuestion(questionId: string, input: { body: string }, options?: CallOptions): Promise<Answer>;
  voteAnswer(id: string, vote: -1 | 0 | 1, options?: CallOptions): Promise<Answer>;
  /** The asker or a moderator accepts one answer (or clears with `null`). */
  acceptAnswer(questionId: string, answerId: string | null, options?: CallOptions): Promise<Question>;
}

// ---------------------------------------------------------------------------------------------
// Badges and leaderboards

export interface BadgeDefinition {
  id: string;
  name: string;
  description: string;
  /** Emoji or image URL. */
  icon: string;
  tier: 'bronze' | 'silver' | 'gold';
  /** What earns it, e.g. `{ metric: 'comments', threshold: 10 }`. */
  rule: { metric: string; threshold: number };
}

export interface BadgeAward {
  badgeId: string;
  userId: string;
  /** `null` while in progress. */
  awardedAt: Timestamp | null;
  progress: { current: number; target: number };
}

export type LeaderboardPeriod = 'day' | 'week' | 'month' | 'year' | 'all';

export interface LeaderboardEntry {
  rank: number;
  user: Author;
  score: number;
}

export interface Leaderboard {
  id: string;
  period: LeaderboardPeriod;
  entries: LeaderboardEntry[];
  /** The viewer's own place, also when outside the listed entries; `null` when anonymous or unranked. */
  me: LeaderboardEntry | null;
  cursor: string | null;
}

export interface BadgeMethods {
  listBadgeDefinitions(options?: CallOptions): Promise<BadgeDefinition[]>;
  listAwards(userId: string, options?: CallOptions): Promise<BadgeAward[]>;
}

export interface LeaderboardMethods {
  getLeaderboard(
    request: PageRequest & { id: string; period: LeaderboardPeriod },
    options?: CallOptions,
  ): Promise<Leaderboard | null>;
}

// ---------------------------------------------------------------------------------------------
// Moderation

export type ModerationTarget = { kind: 'comment' | 'question' | 'answer'; id: string };

export interface ModerationItem {
  target: ModerationTarget;
  /** The thread (or board) the item belongs to, to link to it. */
  scope?: string;
  status: ModerationStatus;
  author: Author;
  excerpt: string;
  createdAt: Timestamp;
  reports: { reason: ReportInput['reason']; note?: string; at: Timestamp }[];
}

export type ModerationAction = 'approve' | 'hide' | 'pin' | 'unpin';

/**
 * Moderation (moderators and admins; members get `forbidden`, anonymous visitors `unauthorized`).
 * The queue holds pending and reported items, oldest first; `scope` limits it to one thread or
 * board. `approve` publishes and clears reports, `hide` hides and clears reports, `pin`/`unpin`
 * apply to top-level comments only.
 */
export interface ModerationMethods {
  listModerationQueue(request: PageRequest & { scope?: string }, options?: CallOptions): Promise<Page<ModerationItem>>;
  moderate(target: ModerationTarget, action: ModerationAction, options?: CallOptions): Promise<void>;
  /** Locks or unlocks a comment thread or Q&A board. */
  lock(scope: { kind: 'thread' | 'board'; id: string }, locked: boolean, options?: CallOptions): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Realtime

/** Topic names, so producers and consumers never spell them differently. */
export const topics = {
  session: () => 'session',
  thread: (thread: string) => `thread:${thread}`,
  poll: (poll: string) => `poll:${poll}`,
  board: (board: string) => `board:${board}`,
  badges: (userId: string) => `badges:${userId}`,
  leaderboard: (id: string) => `leaderboard:${id}`,
  moderation: () => 'moderation',
} as const;

/**
 * Events for comments on `topics.thread(id)` are shaped for the subscribing viewer, as that viewer
 * would see the comment through `getComment`:
 * - `comment-added`: a comment became visible to the viewer (posted, or approved, or un-hidden).
 * - `comment-updated`: a visible comment changed (edited, pinned, moderated, or deleted but kept
 *   as a placeholder because it has replies).
 * - `comment-deleted`: a comment the viewer saw is gone for them (deleted, hidden); its replies
 *   are gone with it. A viewer never hears of a comment they could not see.
 * - `reactions-changed`: counts for everyone, `mine` for the subscribing viewer.
 * - `thread-updated`: the thread's settings changed (e.g. locked), with the viewer's `commentCount`.
 * `resync` (any topic): the adapter could not deliver every event since the latest read (a remote
 * journal no longer held them all, after a long disconnection): read the topic's data again.
 * Events for polls on `topics.poll(id)`: `poll-updated` carries the poll as the subscribing viewer
 * would get it from `getPoll` (tally withheld or not, `voted`, `myBallot`), after every ballot,
 * removal, close, reopen or change of definition.
 * The parent's `replyCount` is not re-sent when a reply is added or removed, nor the thread's
 * `commentCount` on every comment: count them from the events.
 */
export type RealtimeEvent =
  | { type: 'viewer-changed'; viewer: Viewer | null }
  | { type: 'comment-added'; comment: Comment }
  | { type: 'comment-updated'; comment: Comment }
  | { type: 'comment-deleted'; id: string; thread: string }
  | { type: 'reactions-changed'; commentId: string; reactions: ReactionSummary[] }
  | { type: 'thread-updated'; thread: Thread }
  | { type: 'poll-updated'; poll: Poll }
  | { type: 'question-updated'; question: Question }
  | { type: 'answer-updated'; answer: Answer }
  | { type: 'badge-awarded'; award: BadgeAward }
  | { type: 'leaderboard-changed'; id: string }
  | { type: 'moderation-queue-changed' }
  | { type: 'resync'; topic: string };

export type Unsubscribe = () => void;

export interface RealtimeMethods {
  /**
   * Calls `onEvent` for every event on `topic` until the returned function is called. Events that
   * carry per-viewer fields (`mine`, `myVote`) are already shaped for this adapter's viewer.
   * Delivery starts from this adapter's latest read of the topic's data (a thread, a poll…), so a
   * store that reads and then subscribes misses nothing in between; events before any read are
   * not promised, since a remote stream may still be connecting.
   */
  subscribe(topic: string, onEvent: (event: RealtimeEvent) => void): Unsubscribe;
}

// ---------------------------------------------------------------------------------------------
// The adapter

type AllMethods = SessionMethods &
  GuestMethods &
  CommentMethods &
  ReactionMethods &
  ReportMethods &
  PollMethods &
  QaMethods &
  BadgeMethods &
  LeaderboardMethods &
  ModerationMethods &
  RealtimeMethods;

/**
 * An adapter: a name, its declared capabilities, the session methods every adapter has, and the
 * methods of each capability it declares. Methods of undeclared capabilities may be absent.
 */
export interface PleinAdapter extends SessionMethods, Partial<Omit<AllMethods, keyof SessionMethods>> {
  readonly name: string;
  readonly supports: Capabilities;
  /** Releases timers, channels and connections; the adapter is unusable afterwards. */
  dispose?(): void | Promise<void>;
}

/** An adapter narrowed to the methods that capability `C` guarantees. */
export type AdapterWith<C extends Capability> = PleinAdapter &
  Pick<AllMethods, (typeof CAPABILITY_METHODS)[C][number]>;

export function supports<C extends Capability>(
  adapter: PleinAdapter | null | undefined,
  capability: C,
): adapter is AdapterWith<C> {
  return adapter?.supports[capability] === true;
}

export type { AdapterError };
