import {
  commentFacts,
  initialStatus,
  reviewCommentBody,
  statusAfterEdit,
  validateThreadId,
  type CommentRecord,
} from '../../../domain/comments.js';
import { assembleCommentPage, depthOf } from '../../../domain/comments-tree.js';
import { InvalidCursorError } from '../../../domain/cursor.js';
import { hasIssues, validateGuestName, type FieldIssues } from '../../../domain/limits.js';
import { THREAD_SORTS, type ThreadSort } from '../../../domain/ordering.js';
import { can } from '../../../domain/permissions.js';
import type { Actor } from '../../../domain/roles.js';
import type { CommentMethods, ListCommentsRequest, Page, PostCommentInput, Viewer, Comment } from '../../contract.js';
import { AdapterError } from '../../errors.js';
import { publishCommentChange, publishQueueChanged, shapeCommentEvents } from '../comments-events.js';
import { existingIndex } from '../comments-index.js';
import { commentsSlice, nextTimestamp, own } from '../comments-state.js';
import { CommentsView, viewFor } from '../comments-view.js';
import { randomId } from '../ids.js';
import type { MemoryInstance } from '../instance.js';
import { enforce, enforceValid, notFound } from '../refusals.js';
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
    if (error instanceof InvalidCursorError) {
      throw AdapterError.invalid({ cursor: { reason: 'invalid-cursor', message: 'This cursor belongs to another list or sort.' } });
    }
    throw error;
  }
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

function post(instance: MemoryInstance, input: PostCommentInput): Comment {
  enforceValid(validateThreadId(input?.thread));
  const view = viewFor(instance);
  const settings = view.settings(input.thread);
  const guestName = input.guestName;
  // An anonymous visitor who gives a name where guests may post acts as that guest.
  const asGuest = instance.actor().kind === 'anonymous' && settings.guests && typeof guestName === 'string';
  const poster: Actor = asGuest ? { kind: 'guest', id: '', name: guestName } : instance.actor();
  enforce(can(poster, 'comment.post', { locked: settings.locked, guests: settings.guests }));

  const parentId = input.parentId ?? null;
  if (parentId !== null) {
    const parent = view.visible(parentId);
    if (!parent || parent.thread !== input.thread) throw notFound('The comment you reply to');
    if (parent.deleted) throw new AdapterError('conflict', 'The comment you reply to has been deleted.');
  }

  const review = reviewCommentBody(input.body, view.state.rules);
  const issues: FieldIssues = { ...review.issues };
  if (asGuest) {
    const name = validateGuestName(guestName).name;
    if (name) issues.guestName = name;
  }
  enforceValid(issues);
  if (asGuest) startGuestSession(instance, guestName);

  const actor = instance.actor();
  const author = authorOf(instance.viewer()!);
  const status = initialStatus(actor, { premoderated: settings.premoderated, held: review.held });
  let record!: CommentRecord;
  const state = instance.db.update(commentsSlice, (data) => {
    record = {
      id: randomId('c'),
      thread: input.thread,
      parentId,
      author,
      body: (input.body as string).trim(),
      createdAt: nextTimestamp(data),
      editedAt: null,
      deleted: false,
      status,
      pinned: false,
      score: 0,
      reactions: {},
    };
    data.comments[record.id] = record;
    existingIndex(data)?.thread(record.thread).add(record);
  });
  publishCommentChange(instance, record, null);
  if (status === 'pending') publishQueueChanged(instance);
  return new CommentsView(state, actor).present(record);
}

function edit(instance: MemoryInstance, id: string, body: unknown): Comment {
  const view = viewFor(instance);
  const comment = view.visible(id);
  if (!comment) throw notFound('The comment');
  const settings = view.settings(comment.thread);
  const actor = view.actor;
  enforce(can(actor, 'comment.edit', commentFacts(comment, settings, { editWindowMs: view.state.rules.editWindowMs })));
  const review = reviewCommentBody(body, view.state.rules);
  enforceValid(review.issues);

  let before!: CommentRecord;
  let record!: CommentRecord;
  const state = instance.db.update(commentsSlice, (data) => {
    record = own(data.comments, id)!;
    before = { ...record };
    record.body = (body as string).trim();
    record.editedAt = new Date().toISOString();
    record.status = statusAfterEdit(actor, record.status, review.held);
    existingIndex(data)?.thread(record.thread).touch();
  });
  publishCommentChange(instance, record, before);
  if (record.status !== before.status) publishQueueChanged(instance);
  return new CommentsView(state, actor).present(record);
}

function remove(instance: MemoryInstance, id: string): void {
  const view = viewFor(instance);
  const comment = typeof id === 'string' ? view.get(id) : undefined;
  if (!comment) throw notFound('The comment');
  const facts = commentFacts(comment, view.settings(comment.thread));
  // A retried delete of one's own comment: done already.
  if (comment.deleted && can(view.actor, 'comment.delete', { ...facts, deleted: false }).allowed) return;
  if (!view.visibility.shown(comment)) throw notFound('The comment');
  enforce(can(view.actor, 'comment.delete', facts));

  let before!: CommentRecord;
  let record!: CommentRecord;
  let settled = false;
  instance.db.update(commentsSlice, (data) => {
    record = own(data.comments, id)!;
    before = { ...record };
    // Nothing of what was said stays: the placeholder needs only its place in the tree.
    record.deleted = true;
    record.body = '';
    record.pinned = false;
    record.reactions = {};
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
