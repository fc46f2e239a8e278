/**
 * A comment's moderation status and how it starts and changes. Its own module so the browser
 * store's optimistic comments get the same status without pulling in the body rules and banned
 * words of `comments.ts`.
 */
import { isModerator, type Actor } from './roles.js';

export type CommentStatus = 'published' | 'pending' | 'hidden';

/**
 * The status of a new comment. Moderators' comments publish directly; others wait when the
 * thread (or site) pre-moderates or a banned word held it.
 */
export function initialStatus(actor: Actor, facts: { premoderated: boolean; held: boolean }): CommentStatus {
  if (isModerator(actor)) return 'published';
  return facts.premoderated || facts.held ? 'pending' : 'published';
}

/**
 * The status after an edit: a held edit by a non-moderator goes back to the queue (a published
 * comment must not turn into spam after approval); otherwise the status stays.
 */
export function statusAfterEdit(actor: Actor, current: CommentStatus, held: boolean): CommentStatus {
  return held && !isModerator(actor) && current === 'published' ? 'pending' : current;
}
