/**
 * Moderation: the queue (pending and reported comments, oldest first), approve, hide, pin and
 * unpin, locking threads, and (admins) a thread's own settings. The decisions and the queue's
 * items are the domain's, shared with the memory adapter; every action is also written to the
 * audit log.
 */
import { topics, type ModerationAction, type ModerationItem, type Page, type PageRequest } from '../../adapters/contract.js';
import { AdapterError } from '../../adapters/errors.js';
import { cursorRefusal, enforce, enforceValid, notFound, proceed } from '../../adapters/refusals.js';
import { needsModeration, validateThreadId, type CommentRecord } from '../../domain/comments.js';
import { isBlank, validateReactionKeys, type FieldIssues } from '../../domain/limits.js';
import { queueItem } from '../../domain/comments-queue.js';
import { planModeration } from '../../domain/comments-steps.js';
import { InvalidCursorError, paginate } from '../../domain/cursor.js';
import { compareThread, type ThreadSortKey } from '../../domain/ordering.js';
import { can } from '../../domain/permissions.js';
import { isAdmin } from '../../domain/roles.js';
import { GUEST_ID_PREFIX } from '../auth/jwt.js';
import type { ReportRow, ThreadPatch } from '../store/types.js';
import { asCommitted } from './as-committed.js';
import { againIfChanged, updateAsRead } from './as-read.js';
import { QUEUE_CHANGED, commentChange, threadChange } from './changes.js';
import { commit, type OperationContext } from './context.js';
import { checkout } from './reading.js';
import { authorOf, toRecord } from './records.js';
import { ThreadView } from './thread-view.js';

const oldestFirst = compareThread('oldest');

export async function moderationQueue(context: OperationContext, request: PageRequest & { scope?: string | undefined }): Promise<Page<ModerationItem>> {
  enforce(can(context.identity.actor, 'moderation.queue'));
  const scope = request.scope;
  const { store, site } = context;
  const rows = await store.listQueue(site.id, scope ?? null);
  const ids = rows.map((row) => row.id);
  const [users, reports] = ids.length === 0 ? [[], []] : await Promise.all([store.listUsers(site.id, [...new Set(rows.map((row) => row.authorId))]), store.listReports(site.id, ids)]);
  const usersById = new Map(users.map((user) => [user.id, user]));
  const reportsById = new Map<string, ReportRow[]>();
  for (const entry of reports) reportsById.set(entry.commentId, [...(reportsById.get(entry.commentId) ?? []), entry]);

  const waiting: (ThreadSortKey & { comment: CommentRecord })[] = [];
  for (const row of rows) {
    const comment = toRecord(row, authorOf(usersById.get(row.authorId), row.authorId), {});
    if (needsModeration(comment, reportsById.get(row.id)?.length ?? 0)) waiting.push({ id: row.id, createdAt: row.createdAt, comment });
  }
  try {
    // Oldest first: the queue is worked through in the order things arrived.
    const page = paginate(waiting, {
      compare: oldestFirst,
      keyOf: ({ id, createdAt }) => ({ id, createdAt }),
      scope: `moderation:${scope ?? '*'}`,
      cursor: request.cursor ?? null,
      limit: request.limit,
    });
    return { items: page.items.map(({ comment }) => queueItem(comment, reportsById.get(comment.id) ?? [])), cursor: page.cursor };
  } catch (error) {
    if (error instanceof InvalidCursorError) throw cursorRefusal(error);
    throw error;
  }
}

export function moderate(context: OperationContext, target: { kind: string; id: string }, action: ModerationAction): Promise<void> {
  return againIfChanged(() => moderateOnce(context, target, action));
}

async function moderateOnce(context: OperationContext, target: { kind: string; id: string }, action: ModerationAction): Promise<void> {
  const actor = context.identity.actor;
  enforce(can(actor, `moderation.${action}`));
  // Questions and answers are moderated by their own family's endpoints once they exist.
  const row = target.kind === 'comment' ? await context.store.getComment(context.site.id, target.id) : null;
  if (!row) throw notFound(`The ${target.kind}`);
  const taken = await checkout(context, row.thread);
  const state = taken.state;
  // The permission again, with the thread: the step also finds the comment and what the action does to it.
  const { comment, ...outcome } = proceed(planModeration(new ThreadView(state, actor), target, action));
  const changed = outcome.status !== comment.status || outcome.pinned !== comment.pinned;
  const at = new Date(context.now()).toISOString();
  let record = comment;
  await commit(
    context,
    async (tx) => {
      // Checked even when nothing changes: the audit's before and after, and a pin's refusal of a deleted comment, hold as read.
      await updateAsRead(tx, context.site.id, comment, changed ? { status: outcome.status, pinned: outcome.pinned } : {});
      const settled = outcome.clearsReports ? await tx.clearReports(context.site.id, comment.id) : 0;
      await tx.audit({
        siteId: context.site.id,
        at,
        actorId: context.identity.viewer!.id,
        action: `comment.${action}`,
        target: `comment:${comment.id}`,
        detail: { thread: comment.thread, status: [comment.status, outcome.status], pinned: [comment.pinned, outcome.pinned], reportsSettled: settled },
      });
      if (settled > 0 || outcome.status !== comment.status) {
        await tx.appendEvent({ siteId: context.site.id, topic: topics.moderation(), payload: QUEUE_CHANGED });
      }
      if (!changed) return;
      record = await asCommitted(tx, context.site.id, comment);
      state.replace(record);
    },
    () => (changed ? [{ topic: topics.thread(record.thread), payload: commentChange(state, record, comment) }] : []),
    taken,
  );
}

async function changeThread(context: OperationContext, id: string, patch: ThreadPatch, audit: { action: string; detail: unknown }): Promise<void> {
  enforceValid(validateThreadId(id));
  const taken = await checkout(context, id);
  const state = taken.state;
  const at = new Date(context.now()).toISOString();
  await commit(
    context,
    async (tx) => {
      // Only the settings this change names: a lock and a settings change made at once both stay.
      state.setRecord(await tx.patchThread(context.site.id, id, patch, at));
      await tx.audit({ siteId: context.site.id, at, actorId: context.identity.viewer!.id, action: audit.action, target: `thread:${id}`, detail: audit.detail });
    },
    // The thread as stored, with whatever was committed before this change too.
    () => [{ topic: topics.thread(id), payload: threadChange(state) }],
    taken,
  );
}

export async function lock(context: OperationContext, scope: { kind: string; id: string }, locked: boolean): Promise<void> {
  enforce(can(context.identity.actor, scope.kind === 'board' ? 'board.lock' : 'thread.lock'));
  if (scope.kind !== 'thread') throw notFound(`The ${scope.kind}`);
  await changeThread(context, scope.id, { locked }, { action: locked ? 'thread.lock' : 'thread.unlock', detail: { locked } });
}

export interface ThreadSettingsInput {
  premoderated?: boolean | null | undefined;
  guests?: boolean | null | undefined;
  reactions?: string[] | null | undefined;
  ownerId?: string | null | undefined;
}

/** The owner is a member id as member tokens carry it (`viewerFromClaims`): it could not match anyone otherwise. */
function validateOwnerId(id: string): FieldIssues {
  if (isBlank(id)) return { ownerId: { reason: 'required', message: 'Give the member id of the thread’s owner, or null for none.' } };
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(id)) return { ownerId: { reason: 'invalid-characters', message: 'A member id cannot hold control characters.' } };
  if (id.startsWith(GUEST_ID_PREFIX)) {
    return { ownerId: { reason: 'invalid-format', message: `Member ids cannot start with "${GUEST_ID_PREFIX}": a guest cannot own a thread.` } };
  }
  return {};
}

/** A thread's own settings; `null` falls back to the site's. Admins only. */
export async function configureThread(context: OperationContext, id: string, input: ThreadSettingsInput): Promise<void> {
  const actor = context.identity.actor;
  if (actor.kind === 'anonymous') throw new AdapterError('unauthorized', 'Sign in to do this.');
  if (!isAdmin(actor)) throw new AdapterError('forbidden', 'Only administrators can do this.');
  // Refused rather than stored: the domain reads a list with one unusable key as no list at all.
  enforceValid({
    ...(input.reactions ? validateReactionKeys(input.reactions) : {}),
    ...(typeof input.ownerId === 'string' ? validateOwnerId(input.ownerId) : {}),
  });
  const patch: ThreadPatch = {};
  if (input.premoderated !== undefined) patch.premoderated = input.premoderated;
  if (input.guests !== undefined) patch.guests = input.guests;
  if (input.reactions !== undefined) patch.reactions = input.reactions;
  if (input.ownerId !== undefined) patch.ownerId = input.ownerId;
  await changeThread(context, id, patch, { action: 'thread.configure', detail: patch });
}
