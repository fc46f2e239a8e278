import type { CommentRules, ThreadSettings } from '../../domain/comments.js';
import type { Author, ModerationStatus, ReportInput, Viewer } from '../contract.js';
import { welcomeThread } from './demo-thread.js';

/** A thread's settings; anything left out has its default (open, no guests, pre-moderated as `commentRules` say). */
export interface SeedThread extends Partial<ThreadSettings> {
  id: string;
}

export interface SeedComment {
  id: string;
  thread: string;
  parentId?: string | null;
  /** The id of one of the seed's `people`, or the author itself. */
  author: string | Author;
  body: string;
  /** ISO 8601. */
  createdAt: string;
  editedAt?: string | null;
  status?: ModerationStatus;
  pinned?: boolean;
  deleted?: boolean;
  score?: number;
  /** Per key: the ids of who reacted, or just how many (made-up people). */
  reactions?: Record<string, number | readonly string[]>;
}

export interface SeedReport extends ReportInput {
  commentId: string;
  /** The reporter's id. */
  by: string;
  at?: string;
}

/**
 * Starting data for a namespace that has nothing stored yet. Each section reads what it needs.
 * Combine several with `mergeSeeds`.
 */
export interface MemorySeed {
  /** People who appear as authors in seeded content. The demo viewers are among them. */
  people?: readonly Author[];
  /** Threads with settings of their own; threads not listed exist with the defaults. */
  threads?: readonly SeedThread[];
  comments?: readonly SeedComment[];
  /** Open reports, for the moderation queue. */
  reports?: readonly SeedReport[];
  /** Site-wide comment rules: pre-moderation, links per comment, banned words, edit window. */
  commentRules?: CommentRules;
}

/** One seed from several: lists are concatenated, later `commentRules` fields win. */
export function mergeSeeds(...seeds: MemorySeed[]): MemorySeed {
  const people = new Map<string, Author>();
  const [threads, comments, reports]: [SeedThread[], SeedComment[], SeedReport[]] = [[], [], []];
  const commentRules: CommentRules = {};
  for (const seed of seeds) {
    for (const person of seed.people ?? []) people.set(person.id, person);
    threads.push(...(seed.threads ?? []));
    comments.push(...(seed.comments ?? []));
    reports.push(...(seed.reports ?? []));
    Object.assign(commentRules, seed.commentRules);
  }
  return { people: [...people.values()], threads, comments, reports, commentRules };
}

const member: Viewer = { id: 'demo-noor', name: 'Noor Visser', avatarUrl: null, roles: ['member'] };
const moderator: Viewer = { id: 'demo-sam', name: 'Sam Jansen', avatarUrl: null, roles: ['member', 'moderator'] };
const admin: Viewer = { id: 'demo-alex', name: 'Alex de Vries', avatarUrl: null, roles: ['member', 'admin'] };

/**
 * Whoever tries a page in demo mode (a script tag with no endpoint): a member, so that posting,
 * reacting and voting work at once, named in the page's language.
 */
export function demoYou(lang: string): Viewer {
  return { id: 'demo-you', name: /^nl\b/i.test(lang) ? 'Jij' : 'You', avatarUrl: null, roles: ['member'] };
}

/** One viewer per role, for demo pickers and stories (`setViewer(demoViewers.moderator)`). */
export const demoViewers: {
  readonly anonymous: null;
  readonly member: Viewer;
  readonly moderator: Viewer;
  readonly admin: Viewer;
} = Object.freeze({ anonymous: null, member, moderator, admin });

/** The people of the demo pages and of `seedThread` by default. */
export const demoPeople: readonly Author[] = Object.freeze([
  member,
  moderator,
  admin,
  { id: 'demo-ada', name: 'Ada Bakker', avatarUrl: null, roles: ['member'] },
  { id: 'demo-kees', name: 'Kees Smit', avatarUrl: null, roles: ['member'] },
  { id: 'demo-yara', name: 'Yara El Amrani', avatarUrl: null, roles: ['member'] },
]);

/**
 * The seed used when none is given: a few people and the demo pages' thread `welcome`, a short
 * conversation with replies, reactions, a pinned comment, a deleted one that keeps its replies
 * and one waiting for approval (seen by moderators only).
 */
export const demoSeed: MemorySeed = {
  people: [...demoPeople],
  ...welcomeThread(),
};
