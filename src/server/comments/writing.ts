/**
 * Posting, editing and deleting comments. The steps, their order and every decision are the
 * domain's (`src/domain/comments-steps.ts`), shared with the memory adapter; only the storage
 * and the guest-session start (a signed token instead of a device session) differ.
 */
import { randomBytes } from 'node:crypto';
import { topics, type Comment } from '../../adapters/contract.js';
import { enforceValid, notFound, proceed } from '../../adapters/refusals.js';
import { validateThreadId } from '../../domain/comments.js';
import { commentAuthor, editedFields, newCommentRecord, planDelete, planEdit, planPost } from '../../domain/comments-steps.js';
import { actorId, isModerator, type Actor } from '../../domain/roles.js';
import { startGuest, type GuestProof } from '../auth/guest-start.js';
import type { GuestSession } from '../auth/guest.js';
import { enforceRate } from '../limits/rate-limit.js';
import type { CommentRow, PleinStore } from '../store/types.js';
import { asCommitted } from './as-committed.js';
import { againIfChanged, updateAsRead } from './as-read.js';
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
  const plan = proceed(planPost(new ThreadView(state, context.identity.actor), settings, state.rules, input));

  let guest: GuestSession | null = null;
  let viewer = context.identity.viewer;
  let actor = context.identity.actor;
  if (plan.asGuest) {
    guest = await startGuest(context, plan.guestName, input.proof);
    viewer = guest.viewer;
    actor = { kind: 'guest', id: viewer.id, name: viewer.name };
  } else {
    await limitComments(context, actor);
    await rememberUser(context.store, context.site, viewer!, context.now());
  }

  const record = newCommentRecord({
    id: newCommentId(),
    thread: input.thread,
    parentId: input.parentId,
    author: commentAuthor(viewer!),
    body: input.body as string,
    createdAt: context.stamp(),
    actor,
    premoderated: settings.premoderated,
    held: plan.review.held,
  });
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
    status: record.status,
    pinned: false,
    score: 0,
    ipHash: context.ipHash,
  };
  state.add(record);
  const publications: Publication[] = [{ topic: topics.thread(record.thread), payload: commentChange(state, record, null) }];
  if (record.status === 'pending') publications.push({ topic: topics.moderation(), payload: QUEUE_CHANGED });
  await commit(context, (tx) => tx.insertComment(row), publications, taken);
  return { comment: new ThreadView(state, actor).present(record), guest };
}

export function editComment(context: OperationContext, id: string, body: unknown): Promise<Comment> {
  return againIfChanged(() => editOnce(context, id, body));
}

async function editOnce(context: OperationContext, id: string, body: unknown): Promise<Comment> {
  const found = await locateForWrite(context, id);
  if (!found) throw notFound('The comment');
  const { state, view } = found;
  const { comment, review } = proceed(planEdit(view, id, body, state.rules, context.now()));
  if (context.identity.viewer && !context.identity.viewer.guest) await rememberUser(context.store, context.site, context.identity.viewer, context.now());

  const edited = editedFields(view.actor, comment, body as string, new Date(context.now()).toISOString(), review.held);
  // Someone else's words changed by an admin are a moderation action, accounted for as a delete is.
  const byModerator = comment.author.id !== view.viewerId;
  let record = comment;
  await commit(
    context,
    async (tx) => {
      await updateAsRead(tx, context.site.id, comment, { body: edited.body, editedAt: edited.editedAt, status: edited.status });
      if (byModerator) {
        await tx.audit({
          siteId: context.site.id,
          at: edited.editedAt!,
          actorId: view.viewerId!,
          action: 'comment.edit',
          target: `comment:${id}`,
          detail: { thread: comment.thread, author: comment.author.id, status: [comment.status, edited.status] },
        });
      }
      record = await asCommitted(tx, context.site.id, comment);
      state.replace(record);
    },
    () => {
      const publications: Publication[] = [{ topic: topics.thread(record.thread), payload: commentChange(state, record, comment) }];
      if (record.status !== comment.status) publications.push({ topic: topics.moderation(), payload: QUEUE_CHANGED });
      return publications;
    },
    found.checkout,
  );
  return new ThreadView(state, view.actor).present(record);
}

/** Every reaction the comment has now, not only those it had when read. */
async function clearReactions(tx: PleinStore, siteId: string, commentId: string): Promise<void> {
  for (const { userId, key } of await tx.listReactions(siteId, [commentId])) await tx.setReaction(siteId, commentId, userId, key, false);
}

export function deleteComment(context: OperationContext, id: string): Promise<void> {
  return againIfChanged(() => deleteOnce(context, id));
}

async function deleteOnce(context: OperationContext, id: string): Promise<void> {
  const found = await locateForWrite(context, id);
  if (!found) throw notFound('The comment');
  const { state, view } = found;
  const { comment, done } = proceed(planDelete(view, id));
  if (done) return;

  const at = new Date(context.now()).toISOString();
  const byModerator = comment.author.id !== view.viewerId;
  let record = comment;
  await commit(
    context,
    async (tx) => {
      await updateAsRead(tx, context.site.id, comment, { deletedAt: at, body: '', pinned: false });
      await clearReactions(tx, context.site.id, id);
      const settled = await tx.clearReports(context.site.id, id);
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
      record = await asCommitted(tx, context.site.id, comment);
      state.replace(record);
    },
    () => [{ topic: topics.thread(record.thread), payload: commentChange(state, record, comment) }],
    found.checkout,
  );
}
