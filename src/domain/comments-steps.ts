/**
 * The steps of each comment operation, in order, as pure functions over the tree one viewer
 * sees: who acts (a named visitor acts as a guest where guests may post), what they may do, what
 * they act on, and what their input must satisfy. The memory adapter and the server both take
 * these steps and differ only in how they store the result and start a guest's session; a
 * refusal comes back as a value for each of them to turn into its own error.
 */
import {
  commentFacts,
  initialStatus,
  moderateComment,
  reviewCommentBody,
  statusAfterEdit,
  validateReactionKey,
  type BodyReview,
  type CommentModeration,
  type CommentRecord,
  type CommentRules,
  type ThreadSettings,
} from './comments.js';
import type { Visibility } from './comments-tree.js';
import { validateGuestName, validateReport, type FieldIssues } from './limits.js';
import { can, type Decision, type Instant } from './permissions.js';
import type { Actor, Role } from './roles.js';

/** Why an operation stops before it changes anything. */
export type Refusal =
  | { kind: 'denied'; decision: Extract<Decision, { allowed: false }> }
  | { kind: 'invalid'; issues: FieldIssues }
  | { kind: 'not-found'; what: string }
  | { kind: 'conflict'; message: string };

export type Step<T> = ({ ok: true } & T) | { ok: false; refusal: Refusal };

/** The tree as the acting viewer sees it. */
export interface ActingView {
  readonly actor: Actor;
  readonly viewerId: string | null;
  readonly visibility: Visibility<CommentRecord>;
  get(id: string): CommentRecord | undefined;
  visible(id: string): CommentRecord | undefined;
  settings(thread: string): ThreadSettings;
}

const refuse = (refusal: Refusal): { ok: false; refusal: Refusal } => ({ ok: false, refusal });

function denied(decision: Decision): Refusal | null {
  return decision.allowed ? null : { kind: 'denied', decision };
}

function invalid(issues: FieldIssues): Refusal | null {
  return Object.keys(issues).length > 0 ? { kind: 'invalid', issues } : null;
}

// ---------------------------------------------------------------------------------------------
// Posting

export interface PostRequest {
  thread: string;
  body: unknown;
  parentId: string | null;
  guestName?: unknown;
}

export interface PostPlan {
  /** The visitor posts as a guest under `guestName`: the adapter starts their guest session. */
  asGuest: boolean;
  guestName: string;
  review: BodyReview;
}

/**
 * Whether `view.actor` may post `request` in a thread with `settings`, checked in this order:
 * permission (as a guest when an anonymous visitor gives a name where guests may post), the
 * parent (seen by the poster, in the thread, not deleted), then the body and guest name.
 */
export function planPost(view: ActingView, settings: ThreadSettings, rules: CommentRules, request: PostRequest): Step<PostPlan> {
  const guestName = request.guestName;
  const asGuest = view.actor.kind === 'anonymous' && settings.guests && typeof guestName === 'string';
  const poster: Actor = asGuest ? { kind: 'guest', id: '', name: guestName } : view.actor;
  const refusal = denied(can(poster, 'comment.post', { locked: settings.locked, guests: settings.guests }));
  if (refusal) return refuse(refusal);

  if (request.parentId !== null) {
    const parent = view.visible(request.parentId);
    if (!parent || parent.thread !== request.thread) return refuse({ kind: 'not-found', what: 'The comment you reply to' });
    if (parent.deleted) return refuse({ kind: 'conflict', message: 'The comment you reply to has been deleted.' });
  }

  const review = reviewCommentBody(request.body, rules);
  const issues: FieldIssues = { ...review.issues };
  if (asGuest) {
    const name = validateGuestName(guestName).name;
    if (name) issues['guestName'] = name;
  }
  const problems = invalid(issues);
  if (problems) return refuse(problems);
  return { ok: true, asGuest, guestName: asGuest ? guestName : '', review };
}

/** Where a new comment goes and what it says; the rest of its record follows from the rules. */
export interface NewComment extends Pick<CommentRecord, 'id' | 'thread' | 'parentId' | 'author' | 'body' | 'createdAt'> {
  /** Who posts (the guest once their session started), for the initial status. */
  actor: Actor;
  premoderated: boolean;
  held: boolean;
}

/**
 * The stored form of a new comment: the body exactly as typed (what people write is never
 * altered; only its length is measured without surrounding space), with the status the rules give.
 */
export function newCommentRecord(input: NewComment): CommentRecord {
  const { actor, premoderated, held, body, ...placed } = input;
  const status = initialStatus(actor, { premoderated, held });
  return { ...placed, body, editedAt: null, deleted: false, status, pinned: false, score: 0, reactions: {} };
}

/** A comment's author as stored, from the signed-in (or guest) person who wrote it. */
export function commentAuthor(person: { id: string; name: string; avatarUrl?: string | null; roles: readonly Role[]; guest?: boolean }): CommentRecord['author'] {
  return {
    id: person.id,
    name: person.name,
    avatarUrl: person.avatarUrl ?? null,
    roles: [...person.roles],
    ...(person.guest ? { guest: true } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Editing and deleting

/**
 * Whether the viewer may edit comment `id` to `body`: a comment they see, within the edit window
 * (measured at `now`, the clock's time when not given), with a body the rules accept.
 */
export function planEdit(view: ActingView, id: string, body: unknown, rules: CommentRules, now?: Instant): Step<{ comment: CommentRecord; review: BodyReview }> {
  const comment = view.visible(id);
  if (!comment) return refuse({ kind: 'not-found', what: 'The comment' });
  const clock = { ...(now === undefined ? {} : { now }), ...(rules.editWindowMs === undefined ? {} : { editWindowMs: rules.editWindowMs }) };
  const refusal = denied(can(view.actor, 'comment.edit', commentFacts(comment, view.settings(comment.thread), clock)));
  if (refusal) return refuse(refusal);
  const review = reviewCommentBody(body, rules);
  const problems = invalid(review.issues);
  return problems ? refuse(problems) : { ok: true, comment, review };
}

/** What an edit changes: the body as typed, when, and the status (a held edit waits again). */
export function editedFields(actor: Actor, comment: CommentRecord, body: string, at: string, held: boolean): Pick<CommentRecord, 'body' | 'editedAt' | 'status'> {
  return { body, editedAt: at, status: statusAfterEdit(actor, comment.status, held) };
}

/**
 * Whether the viewer may delete comment `id`. A retried delete of one's own comment is done
 * already (`done`), not refused; otherwise the comment must be shown to them and theirs to delete.
 */
export function planDelete(view: ActingView, id: unknown): Step<{ comment: CommentRecord; done: boolean }> {
  const comment = typeof id === 'string' ? view.get(id) : undefined;
  if (!comment) return refuse({ kind: 'not-found', what: 'The comment' });
  const facts = commentFacts(comment, view.settings(comment.thread));
  if (comment.deleted && can(view.actor, 'comment.delete', { ...facts, deleted: false }).allowed) return { ok: true, comment, done: true };
  if (!view.visibility.shown(comment)) return refuse({ kind: 'not-found', what: 'The comment' });
  const refusal = denied(can(view.actor, 'comment.delete', facts));
  return refusal ? refuse(refusal) : { ok: true, comment, done: false };
}

/** What a deletion changes: nothing of what was said stays, the placeholder keeps only its place in the tree. */
export function deletedFields(): Pick<CommentRecord, 'deleted' | 'body' | 'pinned' | 'reactions'> {
  return { deleted: true, body: '', pinned: false, reactions: {} };
}

// ---------------------------------------------------------------------------------------------
// Reactions and reports

/** Whether the viewer may react to comment `id` with `key`, one of its thread's reactions. */
export function planReaction(view: ActingView, id: unknown, key: unknown): Step<{ comment: CommentRecord; key: string }> {
  const comment = typeof id === 'string' ? view.visible(id) : undefined;
  if (!comment) return refuse({ kind: 'not-found', what: 'The comment' });
  const settings = view.settings(comment.thread);
  const refusal = denied(can(view.actor, 'comment.react', commentFacts(comment, settings))) ?? invalid(validateReactionKey(key, settings.reactions));
  return refusal ? refuse(refusal) : { ok: true, comment, key: key as string };
}

/** Whether the viewer may report comment `id` (not their own) with a known reason; the note comes back trimmed. */
export function planReport(view: ActingView, id: unknown, input: { reason?: unknown; note?: unknown } | undefined): Step<{ comment: CommentRecord; note: string }> {
  const comment = typeof id === 'string' ? view.visible(id) : undefined;
  if (!comment) return refuse({ kind: 'not-found', what: 'The comment' });
  const refusal =
    denied(can(view.actor, 'comment.report', commentFacts(comment, view.settings(comment.thread)))) ??
    invalid(validateReport({ reason: input?.reason, note: input?.note }));
  if (refusal) return refuse(refusal);
  return { ok: true, comment, note: typeof input?.note === 'string' ? input.note.trim() : '' };
}

// ---------------------------------------------------------------------------------------------
// Moderation

export const COMMENT_MODERATIONS: readonly CommentModeration[] = ['approve', 'hide', 'pin', 'unpin'];

/**
 * Whether the viewer may take moderation `action` on `target` and what it does: a known action,
 * a moderator's, on a comment (questions and answers are moderated by their own family), that
 * the action applies to.
 */
export function planModeration(
  view: ActingView,
  target: { kind?: unknown; id?: unknown } | undefined,
  action: CommentModeration,
): Step<{ comment: CommentRecord; status: CommentRecord['status']; pinned: boolean; clearsReports: boolean }> {
  if (!COMMENT_MODERATIONS.includes(action)) {
    return refuse({
      kind: 'invalid',
      issues: { action: { reason: 'unknown-choice', message: 'Approve, hide, pin or unpin.', params: { choices: COMMENT_MODERATIONS.join(', ') } } },
    });
  }
  const refusal = denied(can(view.actor, `moderation.${action}`));
  if (refusal) return refuse(refusal);
  const comment = target?.kind === 'comment' && typeof target.id === 'string' ? view.get(target.id) : undefined;
  if (!comment) return refuse({ kind: 'not-found', what: `The ${typeof target?.kind === 'string' ? target.kind : 'item'}` });
  const outcome = moderateComment(comment, action);
  if (!outcome.ok) {
    return refuse({ kind: 'conflict', message: outcome.reason === 'deleted' ? 'A deleted comment cannot be pinned.' : 'Only top-level comments can be pinned.' });
  }
  return { ok: true, comment, status: outcome.status, pinned: outcome.pinned, clearsReports: outcome.clearsReports };
}
