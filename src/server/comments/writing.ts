/**
 * Posting, editing and deleting comments. The same steps, in the same order, as the memory
 * adapter's comments section, with every decision made by `src/domain`; only the storage and
 * the guest-session start (a signed token instead of a device session) differ.
 */
import { randomBytes } from 'node:crypto';
import { topics, type Comment, type Viewer } from '../../adapters/contract.js';
import { AdapterError, type FieldErrors } from '../../adapters/errors.js';
import { enforce, enforceValid, notFound } from '../../adapters/memory/refusals.js';
import {
  commentFacts,
  initialStatus,
  reviewCommentBody,
  statusAfterEdit,
  validateThreadId,
  type CommentRecord,
} from '../../domain/comments.js';
import { validateGuestName } from '../../domain/limits.js';
import { can } from '../../domain/permissions.js';
import { actorId, isModerator, type Actor } from '../../domain/roles.js';
import { startGuest, type GuestProof } from '../auth/guest-start.js';
import type { GuestSession } from '../auth/guest.js';
import { enforceRate } from '../limits/rate-limit.js';
import type { CommentRow, PleinStore } from '../store/types.js';
import { QUEUE_CHANGED, commentChange } from './changes.js';
import { commit, type OperationContext, type Publication } from './context.js';
import { checkout, locateForWrite } from './reading.js';
import { ThreadView } from './thread-view.js';
import { rememberUser } from './users.js';

export interface PostInput {
  thread: string;
  body: unknown;
  parentId: string | null;
  guestName?: string | undefined;
  proof: GuestProof;
}

function newCommentId(): string {
  return `c_${randomBytes(12).toString('base64url')}`;
}

function authorOf(viewer: Viewer): CommentRecord['author'] {
  return {
    id: viewer.id,
    name: viewer.name,
    avatarUrl: viewer.avatarUrl ?? null,
    roles: [...viewer.roles],
    ...(viewer.guest ? { guest: true } : {}),
  };
}

/** One comment per `commentsPerIdentity` window, moderators exempt; refused attempts do not count. */
async function limitComments(context: OperationContext, actor: Actor): Promise<void> {
  const id = actorId(actor);
  if (id === null || isModerator(actor)) return;
  await enforceRate(context.store, `comment:${context.site.id}:${id}`, context.config.rateLimits.commentsPerIdentity, context.now(), 'comments');
}

export async function postComment(context: OperationContext, input: PostInput): Promise<{ comment: Comment; guest: GuestSession | null }> {
  enforceValid(validateThreadId(input.thread));
  const taken = await checkout(context, input.thread);
  const state = taken.state;
  const settings = state.settings;
  const guestName = input.guestName;
  // An anonymous visitor who gives a name where guests may post acts as that guest.
  const asGuest = context.identity.actor.kind === 'anonymous' && settings.guests && typeof guestName === 'string';
  const poster: Actor = asGuest ? { kind: 'guest', id: '', name: guestName } : context.identity.actor;
  enforce(can(poster, 'comment.post', { locked: settings.locked, guests: settings.guests }));

  const view = new ThreadView(state, poster);
  if (input.parentId !== null) {
    const parent = view.visible(input.parentId);
    if (!parent) throw notFound('The comment you reply to');
    if (parent.deleted) throw new AdapterError('conflict', 'The comment you reply to has been deleted.');
  }

  const review = reviewCommentBody(input.body, state.rules);
  const issues: FieldErrors = { ...review.issues };
  if (asGuest) {
    const name = validateGuestName(guestName).name;
    if (name) issues['guestName'] = name;
  }
  enforceValid(issues);

  let guest: GuestSession | null = null;
  let viewer = context.identity.viewer;
  let actor = context.identity.actor;
  if (asGuest) {
    guest = await startGuest(context, guestName, input.proof);
    viewer = guest.viewer;
    actor = { kind: 'guest', id: viewer.id, name: viewer.name };
  } else {
    await limitComments(context, actor);
    await rememberUser(context.store, context.site, viewer!, context.now());
  }

  const status = initialStatus(actor, { premoderated: settings.premoderated, held: review.held });
  const record: CommentRecord = {
    id: newCommentId(),
    thread: input.thread,
    parentId: input.parentId,
    author: authorOf(viewer!),
    body: (input.body as string).trim(),
    createdAt: context.stamp(),
    editedAt: null,
    deleted: false,
    status,
    pinned: false,
    score: 0,
    reactions: {},
  };
  const row: CommentRow = {
    siteId: context.site.id,
    id: record.id,
    thread: record.thread,
    parentId: record.parentId,
    authorId: record.author.id,
    body: record.body,
    createdAt: record.createdAt,
    editedAt: null,
    deletedAt: null,
    status,
    pinned: false,
    score: 0,
    ipHash: context.ipHash,
  };
  state.add(record);
  const publications: Publication[] = [{ topic: topics.thread(record.thread), payload: commentChange(state, record, null) }];
  if (status === 'pending') publications.push({ topic: topics.moderation(), payload: QUEUE_CHANGED });
  await commit(context, (tx) => tx.insertComment(row), publications, taken);
  return { comment: new ThreadView(state, actor).present(record), guest };
}

export async function editComment(context: OperationContext, id: string, body: unknown): Promise<Comment> {
  const found = await locateForWrite(context, id);
  const comment = found?.view.visible(id);
  if (!found || !comment) throw notFound('The comment');
  const { state, view } = found;
  const actor = view.actor;
  enforce(can(actor, 'comment.edit', commentFacts(comment, state.settings, { now: context.now(), editWindowMs: state.rules.editWindowMs })));
  const review = reviewCommentBody(body, state.rules);
  enforceValid(review.issues);
  if (context.identity.viewer && !context.identity.viewer.guest) await rememberUser(context.store, context.site, context.identity.viewer, context.now());

  const record: CommentRecord = {
    ...comment,
    body: (body as string).trim(),
    editedAt: new Date(context.now()).toISOString(),
    status: statusAfterEdit(actor, comment.status, review.held),
  };
  state.replace(record);
  const publications: Publication[] = [{ topic: topics.thread(record.thread), payload: commentChange(state, record, comment) }];
  if (record.status !== comment.status) publications.push({ topic: topics.moderation(), payload: QUEUE_CHANGED });
  await commit(
    context,
    async (tx) => {
      await tx.updateComment(context.site.id, id, { body: record.body, editedAt: record.editedAt, status: record.status });
    },
    publications,
    found.checkout,
  );
  return new ThreadView(state, actor).present(record);
}

async function clearReactions(tx: PleinStore, siteId: string, comment: CommentRecord): Promise<void> {
  for (const [key, people] of Object.entries(comment.reactions)) {
    for (const userId of people) await tx.setReaction(siteId, comment.id, userId, key, false);
  }
}

export async function deleteComment(context: OperationContext, id: string): Promise<void> {
  const found = await locateForWrite(context, id);
  const comment = found?.view.get(id);
  if (!found || !comment) throw notFound('The comment');
  const { state, view } = found;
  const facts = commentFacts(comment, state.settings);
  // A retried delete of one's own comment: done already.
  if (comment.deleted && can(view.actor, 'comment.delete', { ...facts, deleted: false }).allowed) return;
  if (!view.visibility.shown(comment)) throw notFound('The comment');
  enforce(can(view.actor, 'comment.delete', facts));

  // Nothing of what was said stays: the placeholder needs only its place in the tree.
  const record: CommentRecord = { ...comment, deleted: true, body: '', pinned: false, reactions: {} };
  const at = new Date(context.now()).toISOString();
  state.replace(record);
  const byModerator = comment.author.id !== view.viewerId;
  let settled = 0;
  const publications: Publication[] = [{ topic: topics.thread(record.thread), payload: commentChange(state, record, comment) }];
  await commit(
    context,
    async (tx) => {
      await tx.updateComment(context.site.id, id, { deletedAt: at, body: '', pinned: false });
      await clearReactions(tx, context.site.id, comment);
      settled = await tx.clearReports(context.site.id, id);
      if (byModerator) {
        await tx.audit({
          siteId: context.site.id,
          at,
          actorId: view.viewerId!,
          action: 'comment.delete',
          target: `comment:${id}`,
          detail: { thread: comment.thread, author: comment.author.id },
        });
      }
      if (settled > 0 || comment.status === 'pending') {
        await tx.appendEvent({ siteId: context.site.id, topic: topics.moderation(), payload: QUEUE_CHANGED });
      }
    },
    publications,
    found.checkout,
  );
}
