/**
 * Who may do what, for the whole product, in one place: the memory adapter and the server enforce
 * it, the UI asks it to decide which controls to offer and to explain a refusal.
 *
 * `can(actor, action)` without a resource answers "could this person ever do this?" (show the
 * button?); with the resource it answers for that comment, poll or question (ownership, edit
 * window, locks, poll state). A refusal names its reason so a UI can explain it.
 *
 * Roles, from least to most: anonymous (reads only, and votes in polls whose integrity is
 * `device`), guest (a name only: posts, asks and answers where the site allows guests; edits and
 * deletes their own posts), member (also reacts, reports, votes), moderator (also moderates, locks,
 * pins, closes polls, posts in locked places, sees every result and hidden content), admin
 * (everything, including editing anyone's comment at any time and assigning roles).
 */
import { EDIT_WINDOW_MS } from './edit-window.js';
import { pollIsClosed, resultsWithheldUntil } from './poll-visibility.js';
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

export interface PollFacts {
  /** Who made the poll (API-made polls); `null` for declarative polls registered from a page. */
  authorId?: string | null;
  voters?: 'public' | 'secret' | 'anonymous';
  status?: 'open' | 'closed';
  closesAt?: Instant | null;
  integrity?: 'member' | 'device';
  results?: 'always' | 'after-vote' | 'after-close' | 'moderators';
  voted?: boolean;
  allowChange?: boolean;
  now?: Instant;
}

export interface AcceptFacts {
  questionAuthorId: string | null;
  locked?: boolean;
}

type NoFacts = undefined;

/** Each action and the facts about its resource that the rule can take into account. */
export interface PermissionResources {
  'comment.read': ContentFacts;
  'comment.post': PlaceFacts;
  'comment.edit': ContentFacts & PlaceFacts & ClockFacts;
  'comment.delete': ContentFacts & PlaceFacts;
  'comment.react': ContentFacts & PlaceFacts;
  'comment.report': ContentFacts;
  'poll.vote': PollFacts;
  'poll.results': PollFacts;
  'poll.votes': PollFacts;
  'poll.remove-vote': PollFacts;
  'poll.create': NoFacts;
  'poll.register': NoFacts;
  'poll.close': NoFacts;
  'qa.read': ContentFacts;
  'qa.ask': PlaceFacts;
  'qa.answer': PlaceFacts;
  'qa.accept': AcceptFacts;
  'qa.vote': ContentFacts & PlaceFacts;
  'moderation.queue': NoFacts;
  'moderation.approve': NoFacts;
  'moderation.hide': NoFacts;
  'moderation.pin': NoFacts;
  'moderation.unpin': NoFacts;
  'thread.lock': NoFacts;
  'board.lock': NoFacts;
  'roles.assign': NoFacts;
}

export type PermissionAction = keyof PermissionResources;

const ALLOW: Decision = { allowed: true };
const deny = (reason: DenyReason): Decision => ({ allowed: false, reason });

/** The first refusal among the checks, in order, or allowed. */
function all(...decisions: Decision[]): Decision {
  return decisions.find((decision) => !decision.allowed) ?? ALLOW;
}

function toMillis(instant: Instant): number {
  return instant instanceof Date ? instant.getTime() : typeof instant === 'number' ? instant : Date.parse(instant);
}

const signedIn = (actor: Actor) => (actor.kind === 'anonymous' ? deny('sign-in-required') : ALLOW);
const member = (actor: Actor) => (actor.kind === 'member' ? ALLOW : actor.kind === 'guest' ? deny('members-only') : deny('sign-in-required'));
const moderator = (actor: Actor) => all(signedIn(actor), isModerator(actor) ? ALLOW : deny('moderators-only'));
const admin = (actor: Actor) => all(signedIn(actor), isAdmin(actor) ? ALLOW : deny('admins-only'));

/** May write in this place at all: signed in, and a guest only where guests are welcome. */
const participant = (actor: Actor, place?: PlaceFacts) =>
  all(signedIn(actor), actor.kind === 'guest' && place?.guests === false ? deny('guests-not-allowed') : ALLOW);

const unlocked = (actor: Actor, place?: { locked?: boolean }) =>
  place?.locked === true && !isModerator(actor) ? deny('locked') : ALLOW;

const notDeleted = (content?: ContentFacts) => (content?.deleted === true ? deny('deleted') : ALLOW);

const isOwner = (actor: Actor, content?: ContentFacts) =>
  content === undefined || (content.authorId !== null && content.authorId === actorId(actor));

const owner = (actor: Actor, content?: ContentFacts) => (isOwner(actor, content) ? ALLOW : deny('not-owner'));

const notOwn = (actor: Actor, content?: ContentFacts) =>
  content !== undefined && isOwner(actor, content) ? deny('own-content') : ALLOW;

function withinEditWindow(content?: ContentFacts & ClockFacts): Decision {
  if (content?.createdAt === undefined) return ALLOW;
  const now = toMillis(content.now ?? Date.now());
  const window = content.editWindowMs ?? EDIT_WINDOW_MS;
  return now - toMillis(content.createdAt) <= window ? ALLOW : deny('edit-window-passed');
}

function visible(actor: Actor, content?: ContentFacts): Decision {
  const status = content?.status ?? 'published';
  if (status === 'published' || isModerator(actor)) return ALLOW;
  return status === 'pending' && isOwner(actor, content) ? ALLOW : deny('not-visible');
}

const pollClosed = (poll?: PollFacts): boolean =>
  poll !== undefined && pollIsClosed({ status: poll.status ?? 'open', closesAt: poll.closesAt ?? null }, poll.now ?? Date.now());

/** `device` polls take anonymous visitors and guests (one ballot per device); `member` polls only members. */
const pollVoter = (actor: Actor, poll?: PollFacts) => (poll?.integrity === 'device' ? ALLOW : member(actor));

function vote(actor: Actor, poll?: PollFacts): Decision {
  if (pollClosed(poll)) return deny('closed');
  return all(pollVoter(actor, poll), poll?.voted === true && poll.allowChange !== true ? deny('already-voted') : ALLOW);
}

function removeVote(actor: Actor, poll?: PollFacts): Decision {
  if (pollClosed(poll)) return deny('closed');
  return all(pollVoter(actor, poll), poll !== undefined && poll.allowChange !== true ? deny('change-not-allowed') : ALLOW);
}

/** The rule of `poll-visibility.ts`, which the backends apply to every poll view they answer with. */
function results(actor: Actor, poll?: PollFacts): Decision {
  if (poll === undefined) return ALLOW;
  const withheld = resultsWithheldUntil(
    { results: poll.results ?? 'always', status: poll.status ?? 'open', closesAt: poll.closesAt ?? null, authorId: poll.authorId ?? null },
    { actor, voted: poll.voted === true, ...(poll.now === undefined ? {} : { now: poll.now }) },
  );
  if (withheld === null) return ALLOW;
  return poll.results === 'moderators' && !pollClosed(poll) ? deny('moderators-only') : deny('results-hidden');
}

/**
 * Who voted what is listed only for `public` polls, to members and moderators (the promise the
 * poll made to its voters); `secret` and `anonymous` polls show counts only, to everyone.
 */
function votes(actor: Actor, poll?: PollFacts): Decision {
  return all(member(actor), poll === undefined || poll.voters === 'public' ? ALLOW : deny('voters-hidden'));
}

type Rules = { [A in PermissionAction]: (actor: Actor, facts?: PermissionResources[A]) => Decision };

const RULES: Rules = {
  'comment.read': visible,
  'comment.post': (actor, place) => all(participant(actor, place), unlocked(actor, place)),
  'comment.edit': (actor, comment) =>
    isAdmin(actor)
      ? notDeleted(comment)
      : all(
          participant(actor, comment),
          notDeleted(comment),
          owner(actor, comment),
          unlocked(actor, comment),
          withinEditWindow(comment),
        ),
  'comment.delete': (actor, comment) =>
    all(
      participant(actor, comment),
      notDeleted(comment),
      isModerator(actor) ? ALLOW : all(owner(actor, comment), unlocked(actor, comment)),
    ),
  'comment.react': (actor, comment) => all(member(actor), notDeleted(comment), unlocked(actor, comment)),
  'comment.report': (actor, comment) => all(member(actor), notDeleted(comment), notOwn(actor, comment)),
  'poll.vote': vote,
  'poll.results': results,
  'poll.votes': votes,
  'poll.remove-vote': removeVote,
  'poll.create': moderator,
  // A declarative poll is registered by whoever first opens its page; `canRedefine` guards changes.
  'poll.register': () => ALLOW,
  'poll.close': moderator,
  'qa.read': visible,
  'qa.ask': (actor, place) => all(participant(actor, place), unlocked(actor, place)),
  'qa.answer': (actor, place) => all(participant(actor, place), unlocked(actor, place)),
  'qa.accept': (actor, facts) =>
    all(
      signedIn(actor),
      facts === undefined || isModerator(actor) || facts.questionAuthorId === actorId(actor) ? ALLOW : deny('not-owner'),
      unlocked(actor, facts),
    ),
  'qa.vote': (actor, post) => all(member(actor), notDeleted(post), notOwn(actor, post), unlocked(actor, post)),
  'moderation.queue': moderator,
  'moderation.approve': moderator,
  'moderation.hide': moderator,
  'moderation.pin': moderator,
  'moderation.unpin': moderator,
  'thread.lock': moderator,
  'board.lock': moderator,
  'roles.assign': admin,
};

export const PERMISSION_ACTIONS = Object.keys(RULES) as PermissionAction[];

export function can<A extends PermissionAction>(actor: Actor, action: A, resource?: PermissionResources[A]): Decision {
  const rule = RULES[action] as (actor: Actor, facts?: PermissionResources[A]) => Decision;
  return rule(actor, resource);
}
