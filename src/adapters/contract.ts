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

export type CommentSort = 'newest' | 'oldest' | 'top';
export type ModerationStatus = 'published' | 'pending' | 'hidden';

export interface ReactionSummary {
  /** Emoji or reaction key, e.g. "👍". */
  key: string;
  count: number;
  /** The viewer reacted with this key. */
  mine: boolean;
}

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
  pinned: boolean;
  reactions: ReactionSummary[];
  /** Direct replies visible to the viewer. */
  replyCount: number;
  /** Upvotes minus downvotes where supported; used by `top`. */
  score: number;
}

export interface Thread {
  id: string;
  locked: boolean;
  /** Comments visible to the viewer, replies included. */
  commentCount: number;
  /** Whether new comments wait for a moderator. */
  premoderated: boolean;
  /** The page author's id, for the "author" chip. */
  ownerId?: string | null;
}

export interface ListCommentsRequest extends PageRequest {
  thread: string;
  sort?: CommentSort;
  /** Replies of this comment; omitted or null for top-level comments. */
  parentId?: string | null;
}

export interface PostCommentInput {
  thread: string;
  body: string;
  parentId?: string | null;
}

export interface ReportInput {
  reason: 'spam' | 'abuse' | 'off-topic' | 'other';
  note?: string;
}

export interface CommentMethods {
  getThread(thread: string, options?: CallOptions): Promise<Thread | null>;
  listComments(request: ListCommentsRequest, options?: CallOptions): Promise<Page<Comment>>;
  getComment(id: string, options?: CallOptions): Promise<Comment | null>;
  postComment(input: PostCommentInput, options?: CallOptions): Promise<Comment>;
  editComment(id: string, input: { body: string }, options?: CallOptions): Promise<Comment>;
  /** Soft delete: the comment stays as "[deleted]" while it has replies. */
  deleteComment(id: string, options?: CallOptions): Promise<void>;
}

export interface ReactionMethods {
  /** Sets or clears the viewer's reaction `key`; returns the comment's new summary. */
  react(commentId: string, key: string, on: boolean, options?: CallOptions): Promise<ReactionSummary[]>;
}

export interface ReportMethods {
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

export interface PollTally {
  total: number;
  counts: Record<string, number>;
  /** `rating`: mean and distribution per step. */
  average?: number;
  /** `ranked`: the rounds of the instant-runoff count. */
  rounds?: { counts: Record<string, number>; eliminated: string[] }[];
  winner?: string | null;
  /** `quiz`: share of ballots that were right, 0..1. */
  correctShare?: number;
}

export interface Poll extends PollDefinition {
  status: 'open' | 'closed';
  /** Absent when the viewer may not see results yet (enforced by the backend, not the UI). */
  tally: PollTally | null;
  /** The viewer's own ballot, when the backend keeps the link and the viewer voted. */
  myBallot: Ballot | null;
  voted: boolean;
  /** Ballots cast so far, shown even when the tally is hidden. */
  ballotCount: number;
}

export interface PollMethods {
  getPoll(id: string, options?: CallOptions): Promise<Poll | null>;
  /** Registers a declarative definition on first use; returns the stored poll (frozen after the first vote). */
  ensurePoll(definition: PollDefinition, options?: CallOptions): Promise<Poll>;
  vote(id: string, ballot: Ballot, options?: CallOptions): Promise<Poll>;
  removeVote(id: string, options?: CallOptions): Promise<Poll>;
  closePoll(id: string, closed: boolean, options?: CallOptions): Promise<Poll>;
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
  status: ModerationStatus;
  author: Author;
  excerpt: string;
  createdAt: Timestamp;
  reports: { reason: ReportInput['reason']; note?: string; at: Timestamp }[];
}

export type ModerationAction = 'approve' | 'hide' | 'pin' | 'unpin';

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

export type RealtimeEvent =
  | { type: 'viewer-changed'; viewer: Viewer | null }
  | { type: 'comment-added'; comment: Comment }
  | { type: 'comment-updated'; comment: Comment }
  | { type: 'comment-deleted'; id: string; thread: string }
  | { type: 'reactions-changed'; commentId: string; reactions: ReactionSummary[] }
  | { type: 'thread-updated'; thread: Thread }
  | { type: 'poll-updated'; pollId: string }
  | { type: 'question-updated'; question: Question }
  | { type: 'answer-updated'; answer: Answer }
  | { type: 'badge-awarded'; award: BadgeAward }
  | { type: 'leaderboard-changed'; id: string }
  | { type: 'moderation-queue-changed' };

export type Unsubscribe = () => void;

export interface RealtimeMethods {
  /**
   * Calls `onEvent` for every event on `topic` until the returned function is called. Events that
   * carry per-viewer fields (`mine`, `myVote`) are already shaped for this adapter's viewer.
   */
  subscribe(topic: string, onEvent: (event: RealtimeEvent) => void): Unsubscribe;
}

// ---------------------------------------------------------------------------------------------
// The adapter

/** Which methods each capability requires; `defineAdapter()` checks them. */
export const CAPABILITY_METHODS = {
  session: ['getViewer', 'signOut'],
  guests: ['signInAsGuest'],
  comments: ['getThread', 'listComments', 'getComment', 'postComment', 'editComment', 'deleteComment'],
  reactions: ['react'],
  reports: ['report'],
  polls: ['getPoll', 'ensurePoll', 'vote', 'removeVote', 'closePoll'],
  qa: [
    'listQuestions',
    'getQuestion',
    'askQuestion',
    'voteQuestion',
    'listAnswers',
    'answerQuestion',
    'voteAnswer',
    'acceptAnswer',
  ],
  badges: ['listBadgeDefinitions', 'listAwards'],
  leaderboard: ['getLeaderboard'],
  moderation: ['listModerationQueue', 'moderate', 'lock'],
  realtime: ['subscribe'],
} as const satisfies Record<Capability, readonly string[]>;

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
