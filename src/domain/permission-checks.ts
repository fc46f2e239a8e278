/**
 * The vocabulary of the permission rules: the facts a rule can weigh, the decision it returns, and
 * the small checks the rules of every area are made of. Each area's rule table (comments, polls,
 * Q&A, moderation) builds on these, so a page that asks only one area's questions loads only that
 * area's rules; `permissions.ts` composes them into the one table the backends ask.
 */
import { actorId, isAdmin, isModerator, type Actor } from './roles.js';

export type DenyReason =
  | 'sign-in-required'
  | 'members-only'
  | 'guests-not-allowed'
  | 'moderators-only'
  | 'admins-only'
  | 'not-owner'
  | 'own-content'
  | 'edit-window-passed'
  | 'locked'
  | 'deleted'
  | 'closed'
  | 'already-voted'
  | 'results-hidden'
  | 'voters-hidden'
  | 'change-not-allowed'
  | 'not-visible';

export type Decision = { allowed: true } | { allowed: false; reason: DenyReason };

/** A date as an ISO string, epoch milliseconds or a Date. */
export type Instant = string | number | Date;

/** A comment, question or answer, as far as permissions care. */
export interface ContentFacts {
  authorId: string | null;
  status?: 'published' | 'pending' | 'hidden';
  deleted?: boolean;
  createdAt?: Instant;
}

/** A comment thread, Q&A board or question that can be locked or closed to guests. */
export interface PlaceFacts {
  locked?: boolean;
  /** `false` when the site does not take guest posts here; a guest exists only where it once did. */
  guests?: boolean;
}

export interface ClockFacts {
  now?: Instant;
  editWindowMs?: number;
}

export type NoFacts = undefined;

/** One area's rules: for each action, the decision given the actor and the resource's facts. */
export type RuleTable<Resources> = { [A in keyof Resources]: (actor: Actor, facts?: Resources[A]) => Decision };

export const ALLOW: Decision = { allowed: true };
export const deny = (reason: DenyReason): Decision => ({ allowed: false, reason });

/** The first refusal among the checks, in order, or allowed. */
export function all(...decisions: Decision[]): Decision {
  return decisions.find((decision) => !decision.allowed) ?? ALLOW;
}

export function toMillis(instant: Instant): number {
  return instant instanceof Date ? instant.getTime() : typeof instant === 'number' ? instant : Date.parse(instant);
}

export const signedIn = (actor: Actor) => (actor.kind === 'anonymous' ? deny('sign-in-required') : ALLOW);
export const member = (actor: Actor) =>
  actor.kind === 'member' ? ALLOW : actor.kind === 'guest' ? deny('members-only') : deny('sign-in-required');
export const moderator = (actor: Actor) => all(signedIn(actor), isModerator(actor) ? ALLOW : deny('moderators-only'));
export const admin = (actor: Actor) => all(signedIn(actor), isAdmin(actor) ? ALLOW : deny('admins-only'));

/** May write in this place at all: signed in, and a guest only where guests are welcome. */
export const participant = (actor: Actor, place?: PlaceFacts) =>
  all(signedIn(actor), actor.kind === 'guest' && place?.guests === false ? deny('guests-not-allowed') : ALLOW);

export const unlocked = (actor: Actor, place?: { locked?: boolean }) =>
  place?.locked === true && !isModerator(actor) ? deny('locked') : ALLOW;

export const notDeleted = (content?: ContentFacts) => (content?.deleted === true ? deny('deleted') : ALLOW);

export const isOwner = (actor: Actor, content?: ContentFacts) =>
  content === undefined || (content.authorId !== null && content.authorId === actorId(actor));

export const owner = (actor: Actor, content?: ContentFacts) => (isOwner(actor, content) ? ALLOW : deny('not-owner'));

export const notOwn = (actor: Actor, content?: ContentFacts) =>
  content !== undefined && isOwner(actor, content) ? deny('own-content') : ALLOW;

/** Published content is for everyone; pending only for its author and moderators; hidden for moderators. */
export function visible(actor: Actor, content?: ContentFacts): Decision {
  const status = content?.status ?? 'published';
  if (status === 'published' || isModerator(actor)) return ALLOW;
  return status === 'pending' && isOwner(actor, content) ? ALLOW : deny('not-visible');
}
