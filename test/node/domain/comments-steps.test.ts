import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_THREAD_SETTINGS, type CommentRecord, type ThreadSettings } from '../../../src/domain/comments.js';
import { queueItem } from '../../../src/domain/comments-queue.js';
import {
  commentAuthor,
  deletedFields,
  editedFields,
  newCommentRecord,
  planDelete,
  planEdit,
  planModeration,
  planPost,
  planReaction,
  planReport,
  type Refusal,
  type Step,
} from '../../../src/domain/comments-steps.js';
import { CommentTreeView } from '../../../src/domain/comments-view.js';
import { ANONYMOUS, type Actor } from '../../../src/domain/roles.js';

const ada: Actor = { kind: 'member', id: 'ada', name: 'Ada', roles: ['member'] };
const bo: Actor = { kind: 'member', id: 'bo', name: 'Bo', roles: ['member'] };
const mod: Actor = { kind: 'member', id: 'mo', name: 'Mo', roles: ['member', 'moderator'] };

function record(id: string, overrides: Partial<CommentRecord> = {}): CommentRecord {
  const written = { id, thread: 't', parentId: null, author: { id: 'ada', name: 'Ada' }, body: `body of ${id}` };
  const stored = { createdAt: new Date().toISOString(), editedAt: null, deleted: false, status: 'published' as const };
  return { ...written, ...stored, pinned: false, score: 0, reactions: {}, ...overrides };
}

function viewOf(actor: Actor, comments: CommentRecord[], settings: Partial<ThreadSettings> = {}): CommentTreeView {
  const byId = new Map(comments.map((comment) => [comment.id, comment]));
  const lookup = { get: (id: string) => byId.get(id), children: (id: string) => comments.filter((comment) => comment.parentId === id) };
  return new CommentTreeView(actor, lookup, () => ({ ...DEFAULT_THREAD_SETTINGS, reactions: ['👍'], ...settings }), undefined);
}

function refusalOf<T>(step: Step<T>): Refusal {
  assert.equal(step.ok, false, 'the step should be refused');
  return (step as { refusal: Refusal }).refusal;
}

const post = (view: CommentTreeView, request: { body?: unknown; parentId?: string | null; guestName?: unknown }, settings: Partial<ThreadSettings> = {}) =>
  planPost(view, { ...DEFAULT_THREAD_SETTINGS, ...settings }, {}, { thread: 't', body: 'Hello', parentId: null, ...request });

describe('planPost', () => {
  it('lets a member post and reviews the body', () => {
    const step = post(viewOf(ada, []), {});
    assert.equal(step.ok && !step.asGuest && step.review.held === false, true);
  });

  it('asks an anonymous visitor to sign in where guests may not post', () => {
    const refusal = refusalOf(post(viewOf(ANONYMOUS, []), { guestName: 'Cy' }));
    assert.equal(refusal.kind === 'denied' && refusal.decision.reason, 'sign-in-required');
  });

  it('lets a named visitor post as a guest where guests may, and checks the name', () => {
    const step = post(viewOf(ANONYMOUS, []), { guestName: 'Cy' }, { guests: true });
    assert.equal(step.ok && step.asGuest && step.guestName, 'Cy');
    const refusal = refusalOf(post(viewOf(ANONYMOUS, []), { guestName: '' }, { guests: true }));
    assert.deepEqual(refusal.kind === 'invalid' && Object.keys(refusal.issues), ['guestName']);
  });

  it('refuses a locked thread before looking at the body', () => {
    const refusal = refusalOf(post(viewOf(ada, []), { body: '' }, { locked: true }));
    assert.equal(refusal.kind === 'denied' && refusal.decision.reason, 'locked');
  });

  it('does not find a parent the poster cannot see, and refuses a reply to a deleted one', () => {
    const comments = [record('p', { author: { id: 'bo', name: 'Bo' }, status: 'pending' }), record('d', { deleted: true })];
    assert.deepEqual(refusalOf(post(viewOf(ada, comments), { parentId: 'p' })), { kind: 'not-found', what: 'The comment you reply to' });
    assert.equal(post(viewOf(bo, comments), { parentId: 'p' }).ok, true);
    assert.equal(refusalOf(post(viewOf(ada, [...comments, record('r', { parentId: 'd' })]), { parentId: 'd' })).kind, 'conflict');
  });

  it('reports an empty body as invalid on the body field', () => {
    const refusal = refusalOf(post(viewOf(ada, []), { body: '   ' }));
    assert.deepEqual(refusal.kind === 'invalid' && Object.keys(refusal.issues), ['body']);
  });
});

describe('newCommentRecord and commentAuthor', () => {
  it('stores the body exactly as typed, no reactions, and the status the rules give', () => {
    const input = { id: 'c1', thread: 't', parentId: null, author: { id: 'ada', name: 'Ada' }, body: '  Hi  ', createdAt: 'x', actor: ada, held: false };
    const published = newCommentRecord({ ...input, premoderated: false });
    assert.equal(published.body, '  Hi  ');
    assert.equal(published.status, 'published');
    assert.deepEqual(published.reactions, {});
    assert.equal(newCommentRecord({ ...input, premoderated: true }).status, 'pending');
    assert.equal(newCommentRecord({ ...input, actor: mod, premoderated: true }).status, 'published');
  });

  it('copies the roles and marks guests', () => {
    const roles: ('member' | 'moderator')[] = ['member'];
    const author = commentAuthor({ id: 'g', name: 'Cy', roles, guest: true });
    roles.push('moderator');
    assert.deepEqual(author, { id: 'g', name: 'Cy', avatarUrl: null, roles: ['member'], guest: true });
  });
});

describe('planEdit and editedFields', () => {
  it('lets the author edit within the window and no one else', () => {
    const comments = [record('a')];
    assert.equal(planEdit(viewOf(ada, comments), 'a', 'New', {}).ok, true);
    const refusal = refusalOf(planEdit(viewOf(bo, comments), 'a', 'New', {}));
    assert.equal(refusal.kind === 'denied' && refusal.decision.reason, 'not-owner');
  });

  it('refuses an edit after the edit window', () => {
    const comments = [record('a', { createdAt: '2026-01-01T00:00:00.000Z' })];
    const refusal = refusalOf(planEdit(viewOf(ada, comments), 'a', 'New', { editWindowMs: 60_000 }, '2026-01-01T00:02:00.000Z'));
    assert.equal(refusal.kind === 'denied' && refusal.decision.reason, 'edit-window-passed');
  });

  it('keeps the new body as typed and stamps the edit', () => {
    assert.deepEqual(editedFields(ada, record('a'), ' New ', 'then', false), { body: ' New ', editedAt: 'then', status: 'published' });
  });
});

describe('planDelete', () => {
  it('treats a retried delete of one’s own comment as done', () => {
    const step = planDelete(viewOf(ada, [record('a', { deleted: true })]), 'a');
    assert.equal(step.ok && step.done, true);
  });

  it('does not find a comment hidden from the viewer, and refuses someone else’s', () => {
    assert.equal(refusalOf(planDelete(viewOf(bo, [record('a', { status: 'hidden' })]), 'a')).kind, 'not-found');
    const refusal = refusalOf(planDelete(viewOf(bo, [record('a')]), 'a'));
    assert.equal(refusal.kind === 'denied' && refusal.decision.reason, 'not-owner');
  });

  it('lets a moderator delete anyone’s comment, leaving nothing of what was said', () => {
    const step = planDelete(viewOf(mod, [record('a', { reactions: { '👍': ['bo'] } })]), 'a');
    assert.equal(step.ok && step.done, false);
    assert.deepEqual(deletedFields(), { deleted: true, body: '', pinned: false, reactions: {} });
  });

  it('does not find an id that is not a string', () => {
    assert.equal(refusalOf(planDelete(viewOf(ada, []), 42)).kind, 'not-found');
  });
});

describe('planReaction and planReport', () => {
  it('accepts only the thread’s reactions', () => {
    const step = planReaction(viewOf(bo, [record('a')]), 'a', '👍');
    assert.equal(step.ok && step.key, '👍');
    assert.equal(refusalOf(planReaction(viewOf(bo, [record('a')]), 'a', '🙃')).kind, 'invalid');
  });

  it('refuses to report one’s own comment and trims the note', () => {
    const refusal = refusalOf(planReport(viewOf(ada, [record('a')]), 'a', { reason: 'spam' }));
    assert.equal(refusal.kind === 'denied' && refusal.decision.reason, 'own-content');
    const step = planReport(viewOf(bo, [record('a')]), 'a', { reason: 'spam', note: '  rude ' });
    assert.equal(step.ok && step.note, 'rude');
    assert.equal(refusalOf(planReport(viewOf(bo, [record('a')]), 'a', { reason: 'meh' })).kind, 'invalid');
  });
});

describe('planModeration', () => {
  it('lets a moderator hide a comment, settling its reports', () => {
    const step = planModeration(viewOf(mod, [record('a')]), { kind: 'comment', id: 'a' }, 'hide');
    assert.deepEqual(step.ok && [step.comment.id, step.status, step.pinned, step.clearsReports], ['a', 'hidden', false, true]);
  });

  it('refuses members, unknown actions, other kinds of target and pinning a reply', () => {
    const refusal = refusalOf(planModeration(viewOf(ada, [record('a')]), { kind: 'comment', id: 'a' }, 'hide'));
    assert.equal(refusal.kind === 'denied' && refusal.decision.reason, 'moderators-only');
    assert.equal(refusalOf(planModeration(viewOf(mod, [record('a')]), { kind: 'comment', id: 'a' }, 'bury' as 'hide')).kind, 'invalid');
    assert.deepEqual(refusalOf(planModeration(viewOf(mod, []), { kind: 'question', id: 'q' }, 'hide')), { kind: 'not-found', what: 'The question' });
    const comments = [record('a'), record('r', { parentId: 'a' })];
    assert.deepEqual(refusalOf(planModeration(viewOf(mod, comments), { kind: 'comment', id: 'r' }, 'pin')), {
      kind: 'conflict',
      message: 'Only top-level comments can be pinned.',
    });
  });
});

describe('queueItem', () => {
  it('shows an excerpt, the author and the open reports, leaving out empty notes', () => {
    const comment = record('a', { body: 'x'.repeat(500), author: { id: 'ada', name: 'Ada', roles: ['member'] } });
    const item = queueItem(comment, [
      { reason: 'spam', note: null, at: '1' },
      { reason: 'abuse', note: 'rude', at: '2' },
    ]);
    assert.deepEqual(item.target, { kind: 'comment', id: 'a' });
    assert.equal(item.scope, 't');
    assert.ok(item.excerpt.length < 500);
    assert.deepEqual(item.reports, [
      { reason: 'spam', at: '1' },
      { reason: 'abuse', note: 'rude', at: '2' },
    ]);
    assert.notEqual(item.author.roles, comment.author.roles, 'the roles are a copy');
  });
});
