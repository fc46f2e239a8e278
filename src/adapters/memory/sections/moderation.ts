import { needsModeration, validateThreadId, type CommentRecord } from '../../../domain/comments.js';
import { queueItem } from '../../../domain/comments-queue.js';
import { planModeration } from '../../../domain/comments-steps.js';
import { InvalidCursorError, paginate } from '../../../domain/cursor.js';
import { compareThread, type ThreadSortKey } from '../../../domain/ordering.js';
import { can } from '../../../domain/permissions.js';
import type { ModerationAction, ModerationItem, ModerationMethods, PageRequest } from '../../contract.js';
import { cursorRefusal, enforce, enforceValid, notFound, proceed } from '../../refusals.js';
import { publishCommentChange, publishQueueChanged, publishThread } from '../comments-events.js';
import { existingIndex } from '../comments-index.js';
import { commentsSlice, own, type CommentsState } from '../comments-state.js';
import { viewFor } from '../comments-view.js';
import type { MemoryInstance } from '../instance.js';
import type { MemorySection } from './section.js';

const oldestFirst = compareThread('oldest');

function queue(instance: MemoryInstance, request: PageRequest & { scope?: string }) {
  const view = viewFor(instance);
  enforce(can(view.actor, 'moderation.queue'));
  const scope = typeof request?.scope === 'string' ? request.scope : undefined;
  const state = view.state;
  const waiting: (ThreadSortKey & { comment: CommentRecord })[] = [];
  for (const id in state.comments) {
    const comment = state.comments[id]!;
    if (scope !== undefined && comment.thread !== scope) continue;
    if (needsModeration(comment, own(state.reports, id)?.length ?? 0)) waiting.push({ id, createdAt: comment.createdAt, comment });
  }
  try {
    // Oldest first: the queue is worked through in the order things arrived.
    const page = paginate(waiting, {
      compare: oldestFirst,
      keyOf: ({ id, createdAt }) => ({ id, createdAt }),
      scope: `moderation:${scope ?? '*'}`,
      cursor: request?.cursor ?? null,
      limit: request?.limit,
    });
    return { items: page.items.map(({ comment }) => item(state, comment)), cursor: page.cursor };
  } catch (error) {
    if (error instanceof InvalidCursorError) throw cursorRefusal(error);
    throw error;
  }
}

function item(state: CommentsState, comment: CommentRecord): ModerationItem {
  return queueItem(comment, own(state.reports, comment.id) ?? []);
}

function moderate(instance: MemoryInstance, target: { kind: string; id: string }, action: ModerationAction): void {
  const { comment, ...outcome } = proceed(planModeration(viewFor(instance), target, action));

  let before!: CommentRecord;
  let record!: CommentRecord;
  let settled = false;
  instance.db.update(commentsSlice, (data) => {
    record = own(data.comments, comment.id)!;
    before = { ...record };
    record.status = outcome.status;
    record.pinned = outcome.pinned;
    if (outcome.clearsReports && own(data.reports, record.id)) {
      delete data.reports[record.id];
      settled = true;
    }
    const thread = existingIndex(data)?.thread(record.thread);
    if (record.pinned !== before.pinned) thread?.reorder(record);
    else thread?.touch();
  });
  if (record.status !== before.status || record.pinned !== before.pinned) publishCommentChange(instance, record, before);
  if (settled || record.status !== before.status) publishQueueChanged(instance);
}

function lock(instance: MemoryInstance, scope: { kind: string; id: string }, locked: boolean): void {
  const actor = instance.actor();
  enforce(can(actor, scope?.kind === 'board' ? 'board.lock' : 'thread.lock'));
  if (scope?.kind !== 'thread') throw notFound(`The ${scope?.kind ?? 'place'}`);
  enforceValid(validateThreadId(scope.id));
  instance.db.update(commentsSlice, (data) => {
    data.threads[scope.id] = { ...own(data.threads, scope.id), locked: locked === true };
  });
  publishThread(instance, scope.id);
}

/**
 * Moderation of comments: the queue (pending and reported comments, oldest first), approve,
 * hide, pin and unpin, and locking threads.
 */
export const moderationSection: MemorySection<ModerationMethods> = {
  capabilities: ['moderation'],
  methods: (instance) => ({
    listModerationQueue: (request, options) => instance.call('listModerationQueue', options, () => queue(instance, request)),
    moderate: (target, action, options) => instance.call('moderate', options, () => moderate(instance, target, action)),
    lock: (scope, locked, options) => instance.call('lock', options, () => lock(instance, scope, locked)),
  }),
};
