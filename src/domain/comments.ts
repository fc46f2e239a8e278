/**
 * Comment rules: thread settings, what a new or edited comment must satisfy, the status it gets,
 * reactions, moderation actions and how a stored comment is presented to one viewer. Visibility
 * and paging of the tree are in `comments-tree.ts`; banned words in `comments-screening.ts`.
 */
import { screenComment, type BannedWordsPolicy } from './comments-screening.js';
import type { CommentStatus } from './comment-status.js';
import { LIMITS, validateCommentBody, type FieldIssues } from './limits.js';
import { countLinks, parseMarkdown, toPlainText } from './markdown/index.js';
import type { ClockFacts, ContentFacts, Instant, PlaceFacts } from './permissions.js';
import type { Role } from './roles.js';

export { initialStatus, statusAfterEdit, type CommentStatus } from './comment-status.js';
export { validateThreadId } from './thread-id.js';

/** The reactions a thread offers unless it says otherwise. */
export const DEFAULT_REACTIONS: readonly string[] = Object.freeze(['👍', '❤️', '😂', '🎉', '😮']);

export interface ThreadSettings {
  /** New comments of non-moderators wait for a moderator. */
  premoderated: boolean;
  /** Only moderators may write. */
  locked: boolean;
  /** Visitors may post under a name, without an account. */
  guests: boolean;
  /** Allowed reaction keys, in display order. */
  reactions: readonly string[];
  /** The page author, for the "author" chip. */
  ownerId: string | null;
}

export const DEFAULT_THREAD_SETTINGS: Readonly<ThreadSettings> = Object.freeze({
  premoderated: false,
  locked: false,
  guests: false,
  reactions: DEFAULT_REACTIONS,
  ownerId: null,
});

/** Site-wide comment rules; each has a default, so `{}` is a valid site. */
export interface CommentRules {
  /** Threads are pre-moderated unless their own settings say otherwise. */
  premoderated?: boolean;
  /** Links one comment may hold; default `LIMITS.commentLinks.max`. */
  maxLinks?: number;
  bannedWords?: BannedWordsPolicy | null;
  /** Default `LIMITS.editWindowMs`. */
  editWindowMs?: number;
}

function validReactions(value: unknown): readonly string[] | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  const keys = value.filter((key): key is string => typeof key === 'string' && key.trim() !== '');
  return keys.length === value.length && new Set(keys).size === keys.length ? keys : null;
}

/**
 * A thread's effective settings: what is stored for it (possibly nothing, possibly partial or
 * from an older version) over the defaults. Pre-moderation the thread does not set is the
 * site's; one it sets wins either way, as the thread settings API promises.
 */
export function resolveThreadSettings(stored?: Partial<ThreadSettings> | null, rules: CommentRules = {}): ThreadSettings {
  const value = stored ?? {};
  return {
    premoderated: typeof value.premoderated === 'boolean' ? value.premoderated : rules.premoderated === true,
    locked: value.locked === true,
    guests: value.guests === true,
    reactions: validReactions(value.reactions) ?? DEFAULT_REACTIONS,
    ownerId: typeof value.ownerId === 'string' ? value.ownerId : null,
  };
}

/** What the rules say about a comment's text: its problems, and whether it must wait for a moderator. */
export interface BodyReview {
  issues: FieldIssues;
  /** A banned word with the `pending` action matched. */
  held: boolean;
}

/**
 * Checks a comment body in order: length, then links (`too-many-links`), then banned words
 * (`banned-words` when the site rejects, `held` when it holds). Problems are on `body`.
 */
export function reviewCommentBody(body: unknown, rules: CommentRules = {}): BodyReview {
  const length = validateCommentBody(body);
  if (length.body) return { issues: length, held: false };
  const text = (body as string).trim();
  const max = rules.maxLinks ?? LIMITS.commentLinks.max;
  const links = countLinks(parseMarkdown(text));
  if (links > max) {
    return {
      issues: { body: { reason: 'too-many-links', message: `Use at most ${max} links.`, params: { max, count: links } } },
      held: false,
    };
  }
  const screening = screenComment(text, rules.bannedWords);
  if (screening.verdict === 'reject') {
    return {
      issues: {
        body: {
          reason: 'banned-words',
          message: 'Remove words this site does not allow.',
          params: { words: screening.words.join(', ') },
        },
      },
      held: false,
    };
  }
  return { issues: {}, held: screening.verdict === 'pending' };
}

/** A stored comment as the rules see it; the memory adapter stores exactly this. */
export interface CommentRecord {
  id: string;
  thread: string;
  parentId: string | null;
  author: { id: string; name: string; avatarUrl?: string | null; roles?: Role[]; guest?: boolean };
  body: string;
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
  status: CommentStatus;
  pinned: boolean;
  score: number;
  /** Reaction key → ids of the people who reacted with it. */
  reactions: Record<string, readonly string[]>;
}

/** The facts `can()` needs about a comment in its thread. */
export function commentFacts(
  comment: Pick<CommentRecord, 'author' | 'status' | 'deleted' | 'createdAt'>,
  thread: Pick<ThreadSettings, 'locked' | 'guests'>,
  clock: { now?: Instant; editWindowMs?: number } = {},
): ContentFacts & PlaceFacts & ClockFacts {
  return {
    authorId: comment.author.id,
    status: comment.status,
    deleted: comment.deleted,
    createdAt: comment.createdAt,
    locked: thread.locked,
    guests: thread.guests,
    ...(clock.now === undefined ? {} : { now: clock.now }),
    ...(clock.editWindowMs === undefined ? {} : { editWindowMs: clock.editWindowMs }),
  };
}

// ---------------------------------------------------------------------------------------------
// Reactions

export function validateReactionKey(key: unknown, allowed: readonly string[]): FieldIssues {
  if (typeof key === 'string' && allowed.includes(key)) return {};
  return {
    key: { reason: 'unknown-choice', message: 'Choose one of the reactions offered.', params: { choices: allowed.join(' ') } },
  };
}

/** Sets or clears one person's reaction; returns the same object when nothing changed. */
export function applyReaction(
  reactions: Record<string, readonly string[]>,
  key: string,
  userId: string,
  on: boolean,
): Record<string, readonly string[]> {
  const people = reactions[key] ?? [];
  const has = people.includes(userId);
  if (has === on) return reactions;
  const next = { ...reactions };
  const updated = on ? [...people, userId] : people.filter((id) => id !== userId);
  if (updated.length > 0) next[key] = updated;
  else delete next[key];
  return next;
}

export interface ReactionCount {
  key: string;
  count: number;
  mine: boolean;
}

/** Keys with at least one reaction, in the thread's order; keys the thread no longer offers are left out. */
export function summarizeReactions(
  reactions: Record<string, readonly string[]>,
  allowed: readonly string[],
  viewerId: string | null,
): ReactionCount[] {
  const summary: ReactionCount[] = [];
  for (const key of allowed) {
    const people = reactions[key];
    if (!people || people.length === 0) continue;
    summary.push({ key, count: people.length, mine: viewerId !== null && people.includes(viewerId) });
  }
  return summary;
}

/** What `top` orders by: the score plus every reaction. */
export function commentRank(comment: Pick<CommentRecord, 'score' | 'reactions'>): number {
  let rank = comment.score;
  for (const people of Object.values(comment.reactions)) rank += people.length;
  return rank;
}

// ---------------------------------------------------------------------------------------------
// Moderation

export type CommentModeration = 'approve' | 'hide' | 'pin' | 'unpin';

export type ModerationOutcome =
  | { ok: true; status: CommentStatus; pinned: boolean; clearsReports: boolean }
  | { ok: false; reason: 'deleted' | 'not-top-level' };

/**
 * What a moderation action does to a comment. Approving and hiding settle its reports; only
 * top-level comments can be pinned (pinned-first is an order of the top level), and a deleted
 * comment cannot be pinned.
 */
export function moderateComment(
  comment: Pick<CommentRecord, 'status' | 'pinned' | 'deleted' | 'parentId'>,
  action: CommentModeration,
): ModerationOutcome {
  switch (action) {
    case 'approve':
      return { ok: true, status: 'published', pinned: comment.pinned, clearsReports: true };
    case 'hide':
      return { ok: true, status: 'hidden', pinned: comment.pinned, clearsReports: true };
    case 'pin':
      if (comment.deleted) return { ok: false, reason: 'deleted' };
      if (comment.parentId !== null) return { ok: false, reason: 'not-top-level' };
      return { ok: true, status: comment.status, pinned: true, clearsReports: false };
    case 'unpin':
      return { ok: true, status: comment.status, pinned: false, clearsReports: false };
  }
}

/** A comment is in the moderation queue while it waits for approval or has unsettled reports. */
export function needsModeration(comment: Pick<CommentRecord, 'status' | 'deleted'>, openReports: number): boolean {
  if (comment.deleted) return false;
  return comment.status === 'pending' || (openReports > 0 && comment.status !== 'hidden');
}

const EXCERPT_LENGTH = 140;

/** The comment's text without markup, on one line, cut at a word near `max` characters. */
export function commentExcerpt(body: string, max = EXCERPT_LENGTH): string {
  const text = toPlainText(parseMarkdown(body)).replace(/\s+/g, ' ').trim();
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

// ---------------------------------------------------------------------------------------------
// Presentation

/** A comment as one viewer sees it; structurally the contract's `Comment`. */
export interface CommentView {
  id: string;
  thread: string;
  parentId: string | null;
  author: CommentRecord['author'];
  body: string;
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
  status: CommentStatus;
  pinned: boolean;
  reactions: ReactionCount[];
  replyCount: number;
  score: number;
  depth: number;
  replyTo: { id: string; name: string } | null;
}

export interface PresentContext {
  viewerId: string | null;
  allowedReactions: readonly string[];
  depth: number;
  /** Replies the viewer sees. */
  replyCount: number;
  parent: Pick<CommentRecord, 'author' | 'deleted'> | null;
}

/**
 * A stored comment for one viewer. A deleted comment keeps its place and replies but says
 * nothing: empty body, an author with no id or name, no reactions. A reply to a deleted comment
 * does not name the deleted comment's author either.
 */
export function presentComment(comment: CommentRecord, context: PresentContext): CommentView {
  const replyTo = context.parent && !context.parent.deleted ? { id: context.parent.author.id, name: context.parent.author.name } : null;
  return {
    id: comment.id,
    thread: comment.thread,
    parentId: comment.parentId,
    author: comment.deleted ? { id: '', name: '' } : { ...comment.author, ...(comment.author.roles ? { roles: [...comment.author.roles] } : {}) },
    body: comment.deleted ? '' : comment.body,
    createdAt: comment.createdAt,
    editedAt: comment.editedAt,
    deleted: comment.deleted,
    status: comment.status,
    pinned: comment.pinned,
    reactions: comment.deleted ? [] : summarizeReactions(comment.reactions, context.allowedReactions, context.viewerId),
    replyCount: context.replyCount,
    score: comment.score,
    depth: context.depth,
    replyTo,
  };
}
