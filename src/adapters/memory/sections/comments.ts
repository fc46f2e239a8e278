import { validateThreadId, type CommentRecord } from '../../../domain/comments.js';
import { commentAuthor, deletedFields, editedFields, newCommentRecord, planDelete, planEdit, planPost } from '../../../domain/comments-steps.js';
import { assembleCommentPage, depthOf } from '../../../domain/comments-tree.js';
import { InvalidCursorError } from '../../../domain/cursor.js';
import { hasIssues } from '../../../domain/limits.js';
import { THREAD_SORTS, type ThreadSort } from '../../../domain/ordering.js';
import type { CommentMethods, ListCommentsRequest, Page, PostCommentInput, Comment } from '../../contract.js';
import { cursorRefusal, enforceValid, proceed } from '../../refusals.js';
import { publishCommentChange, publishQueueChanged, shapeCommentEvents } from '../comments-events.js';
import { existingIndex } from '../comments-index.js';
import { commentsSlice, nextTimestamp, own } from '../comments-state.js';
import { CommentsView, viewFor } from '../comments-view.js';
import { randomId } from '../ids.js';
import type { MemoryInstance } from '../instance.js';
import type { MemorySection } from './section.js';
import { startGuestSession } from './session.js';

function list(instance: MemoryInstance, request: ListCommentsRequest): Page<Comment> {
  enforceValid(validateThreadId(request?.thread));
  const sort: ThreadSort = request.sort ?? 'newest';
  if (!THREAD_SORTS.includes(sort)) {
    enforceValid({ sort: { reason: 'unknown-choice', message: 'Sort by newest, oldest or top.', params: { choices: THREAD_SORTS.join(', ') } } });
  }
  const parentId = request.parentId ?? null;
  const view = viewFor(instance);
  let depth = 0;
  if (parentId !== null) {
    // Replies of a comment the viewer cannot see are not listed either: the list is empty.
    const parent = view.visible(parentId);
    if (!parent || parent.thread !== request.thread) return { items: [], cursor: null };
    depth = depthOf(parent, (id) => view.get(id)) + 1;
  }
  const level = view.index.thread(request.thread).level(parentId, sort);
  try {
    const page = assembleCommentPage(
      level,
      { thread: request.thread, sort, parentId, cursor: request.cursor ?? null, limit: request.limit, withReplies: request.withReplies === true },
      view.visibility,
    );
    return { items: page.entries.map((entry) => view.present(entry.comment, depth + entry.offset)), cursor: page.cursor };
  } catch (error) {
    if (error instanceof InvalidCursorError) throw cursorRefusal(error);
    throw error;
  }
}

function post(instance: MemoryInstance, input: PostCommentInput): Comment {
  enforceValid(validateThreadId(input?.thread));
  const view = viewFor(instance);
  const settings = view.settings(input.thread);
  const parentId = input.parentId ?? null;
  const plan = proceed(planPost(view, settings, view.state.rules, { thread: input.thread, body: input.body, parentId, guestName: input.guestName }));
  if (plan.asGuest) startGuestSession(instance, plan.guestName);

  const actor = instance.actor();
  const author = commentAuthor(instance.viewer()!);
  let record!: CommentRecord;
  const state = instance.db.update(commentsSlice, (data) => {
    record = newCommentRecord({
      id: randomId('c'),
      thread: input.thread,
      parentId,
      author,
      body: input.body as string,
      createdAt: nextTimestamp(data),
      actor,
      premoderated: settings.premoderated,
      held: plan.review.held,
    });
    data.comments[record.id] = record;
    existingIndex(data)?.thread(record.thread).add(record);
  });
  publishCommentChange(instance, record, null);
  if (record.status === 'pending') publishQueueChanged(instance);
  return new CommentsView(state, actor).present(record);
}

function edit(instance: MemoryInstance, id: string, body: unknown): Comment {
  const view = viewFor(instance);
  const { review } = proceed(planEdit(view, id, body, view.state.rules));

  let before!: CommentRecord;
  let record!: CommentRecord;
  const state = instance.db.update(commentsSlice, (data) => {
    record = own(data.comments, id)!;
    before = { ...record };
    Object.assign(record, editedFields(view.actor, record, body as string, new Date().toISOString(), review.held));
    existingIndex(data)?.thread(record.thread).touch();
  });
  publishCommentChange(instance, record, before);
  if (record.status !== before.status) publishQueueChanged(instance);
  return new CommentsView(state, view.actor).present(record);
}

function remove(instance: MemoryInstance, id: string): void {
  if (proceed(planDelete(viewFor(instance), id)).done) return;

  let before!: CommentRecord;
  let record!: CommentRecord;
  let settled = false;
  instance.db.update(commentsSlice, (data) => {
    record = own(data.comments, id)!;
    before = { ...record };
    Object.assign(record, deletedFields());
    settled = own(data.reports, id) !== undefined;
    delete data.reports[id];
    existingIndex(data)?.thread(record.thread).reorder(record);
  });
  publishCommentChange(instance, record, before);
  if (settled || before.status === 'pending') publishQueueChanged(instance);
}

/**
 * The comments family: threads, listing (paged, with replies), posting (members, and guests
 * where the thread allows them), editing within the edit window and soft deletion. Every rule
 * comes from `src/domain`; this only stores, indexes and tells the other instances.
 */
export const commentsSection: MemorySection<CommentMethods> = {
  capabilities: ['comments'],
  methods: (instance) => ({
    getThread: (thread, options) =>
      instance.call('getThread', options, () => (hasIssues(validateThreadId(thread)) ? null : viewFor(instance).thread(thread))),

    listComments: (request, options) => instance.call('listComments', options, () => list(instance, request)),

    getComment: (id, options) =>
      instance.call('getComment', options, () => {
        if (typeof id !== 'string') return null;
        const view = viewFor(instance);
        const comment = view.visible(id);
        return comment ? view.present(comment) : null;
      }),

    postComment: (input, options) => instance.call('postComment', options, () => post(instance, input)),
    editComment: (id, input, options) => instance.call('editComment', options, () => edit(instance, id, input?.body)),
    deleteComment: (id, options) => instance.call('deleteComment', options, () => remove(instance, id)),
  }),
  shape: shapeCommentEvents,
};
