import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEFAULT_REACTIONS,
  applyReaction,
  commentExcerpt,
  commentFacts,
  commentRank,
  initialStatus,
  moderateComment,
  needsModeration,
  presentComment,
  resolveThreadSettings,
  reviewCommentBody,
  statusAfterEdit,
  summarizeReactions,
  validateReactionKey,
  validateThreadId,
  type CommentRecord,
} from '../../../src/domain/comments.js';
import { LIMITS, validateReport } from '../../../src/domain/limits.js';
import { denialCode } from '../../../src/domain/denials.js';
import { can } from '../../../src/domain/permissions.js';
import type { Actor } from '../../../src/domain/roles.js';

const ada: Actor = { kind: 'member', id: 'ada', name: 'Ada', roles: ['member'] };
const bo: Actor = { kind: 'member', id: 'bo', name: 'Bo', roles: ['member'] };
const mod: Actor = { kind: 'member', id: 'mo', name: 'Mo', roles: ['member', 'moderator'] };
const admin: Actor = { kind: 'member', id: 'root', name: 'Ro', roles: ['member', 'admin'] };

const NOW = Date.parse('2026-11-27T10:00:00.000Z');
const minutesAgo = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString();

function comment(overrides: Partial<CommentRecord> = {}): CommentRecord {
  return {
    id: 'c1',
    thread: 't',
    parentId: null,
    author: { id: 'ada', name: 'Ada', avatarUrl: null, roles: ['member'] },
    body: 'Hello',
    createdAt: minutesAgo(5),
    editedAt: null,
    deleted: false,
    status: 'published',
    pinned: false,
    score: 0,
    reactions: {},
    ...overrides,
  };
}

const open = { locked: false, guests: false };
const editDecision = (actor: Actor, record: CommentRecord, place = open, editWindowMs?: number) => {
  const decision = can(actor, 'comment.edit', commentFacts(record, place, { now: NOW, editWindowMs }));
  return decision.allowed ? 'allowed' : decision.reason;
};

describe('thread settings', () => {
  it('default to open, published on posting, no guests, the five default reactions', () => {
    assert.deepEqual(resolveThreadSettings(), {
      premoderated: false,
      locked: false,
      guests: false,
      reactions: ['👍', '❤️', '😂', '🎉', '😮'],
      ownerId: null,
    });
  });

  it('take a thread’s own settings and the site’s pre-moderation on top', () => {
    const settings = resolveThreadSettings({ locked: true, guests: true, reactions: ['+1', '-1'], ownerId: 'ada' }, { premoderated: true });
    assert.deepEqual(settings, { premoderated: true, locked: true, guests: true, reactions: ['+1', '-1'], ownerId: 'ada' });
  });

  it('take a thread’s own pre-moderation over the site’s either way; only a thread without one follows the site', () => {
    assert.equal(resolveThreadSettings({ premoderated: false }, { premoderated: true }).premoderated, false);
    assert.equal(resolveThreadSettings({ premoderated: true }, { premoderated: false }).premoderated, true);
    assert.equal(resolveThreadSettings({ locked: true }, { premoderated: true }).premoderated, true);
    assert.equal(resolveThreadSettings(null, { premoderated: true }).premoderated, true);
    assert.equal(resolveThreadSettings({}, {}).premoderated, false);
  });

  it('fall back to the default reactions when the stored set is empty, repeated or not strings', () => {
    for (const reactions of [[], ['👍', '👍'], ['👍', 3], 'nope']) {
      assert.deepEqual(resolveThreadSettings({ reactions: reactions as string[] }).reactions, DEFAULT_REACTIONS, String(reactions));
    }
  });
});

describe('thread ids', () => {
  it('accept a page path', () => {
    assert.deepEqual(validateThreadId('blog/2026/hello-world'), {});
  });

  it('refuse blank, overlong, non-string and control-character ids on fields.thread', () => {
    assert.equal(validateThreadId('  ').thread?.reason, 'required');
    assert.equal(validateThreadId(42).thread?.reason, 'required');
    assert.equal(validateThreadId('x'.repeat(LIMITS.threadId.max + 1)).thread?.reason, 'too-long');
    assert.equal(validateThreadId('a\nb').thread?.reason, 'invalid-characters');
  });
});

describe('comment bodies', () => {
  it('pass when they are within the length limit with few links', () => {
    assert.deepEqual(reviewCommentBody('See https://example.org'), { issues: {}, held: false });
  });

  it('are refused when empty or too long, before anything else is looked at', () => {
    assert.equal(reviewCommentBody('   ').issues.body?.reason, 'required');
    assert.equal(reviewCommentBody('x'.repeat(LIMITS.commentBody.max + 1)).issues.body?.reason, 'too-long');
  });

  it(`are refused with too-many-links above ${LIMITS.commentLinks.max} links`, () => {
    const links = (n: number) => Array.from({ length: n }, (_, i) => `https://example.org/${i}`).join(' ');
    assert.deepEqual(reviewCommentBody(links(LIMITS.commentLinks.max)).issues, {});
    const issue = reviewCommentBody(links(LIMITS.commentLinks.max + 1)).issues.body;
    assert.equal(issue?.reason, 'too-many-links');
    assert.deepEqual(issue?.params, { max: LIMITS.commentLinks.max, count: LIMITS.commentLinks.max + 1 });
  });

  it('count Markdown links and autolinks alike, and follow the site’s own maximum', () => {
    const body = '[one](https://a.example) and https://b.example';
    assert.equal(reviewCommentBody(body, { maxLinks: 1 }).issues.body?.reason, 'too-many-links');
    assert.deepEqual(reviewCommentBody(body, { maxLinks: 2 }).issues, {});
  });

  it('are refused with banned-words when the site rejects them, naming the words', () => {
    const review = reviewCommentBody('Buy cheap Viagra now', { bannedWords: { words: ['viagra'], action: 'reject' } });
    assert.equal(review.issues.body?.reason, 'banned-words');
    assert.equal(review.issues.body?.params?.words, 'viagra');
  });

  it('are held for a moderator when the site holds banned words', () => {
    assert.deepEqual(reviewCommentBody('Buy cheap Viagra now', { bannedWords: { words: ['viagra'], action: 'pending' } }), {
      issues: {},
      held: true,
    });
  });
});

describe('the status of a new comment', () => {
  it('is published on an open thread', () => {
    assert.equal(initialStatus(ada, { premoderated: false, held: false }), 'published');
  });

  it('is pending for members on a pre-moderated thread or when a banned word held it', () => {
    assert.equal(initialStatus(ada, { premoderated: true, held: false }), 'pending');
    assert.equal(initialStatus(ada, { premoderated: false, held: true }), 'pending');
    assert.equal(initialStatus({ kind: 'guest', id: 'g', name: 'G' }, { premoderated: true, held: false }), 'pending');
  });

  it('is published for moderators and admins whatever the thread says', () => {
    assert.equal(initialStatus(mod, { premoderated: true, held: true }), 'published');
    assert.equal(initialStatus(admin, { premoderated: true, held: false }), 'published');
  });

  it('goes back to pending when a member’s edit of a published comment is held, and stays otherwise', () => {
    assert.equal(statusAfterEdit(ada, 'published', true), 'pending');
    assert.equal(statusAfterEdit(ada, 'published', false), 'published');
    assert.equal(statusAfterEdit(ada, 'hidden', true), 'hidden');
    assert.equal(statusAfterEdit(mod, 'published', true), 'published');
  });
});

describe('editing', () => {
  it('lets the author edit within the edit window of 15 minutes by default', () => {
    assert.equal(editDecision(ada, comment({ createdAt: minutesAgo(14) })), 'allowed');
    assert.equal(editDecision(ada, comment({ createdAt: minutesAgo(16) })), 'edit-window-passed');
  });

  it('follows a site’s own edit window', () => {
    assert.equal(editDecision(ada, comment({ createdAt: minutesAgo(16) }), open, 60 * 60_000), 'allowed');
  });

  it('refuses another member’s comment, also to moderators, but lets admins edit anything at any time', () => {
    assert.equal(editDecision(bo, comment()), 'not-owner');
    assert.equal(editDecision(mod, comment()), 'not-owner');
    assert.equal(editDecision(admin, comment({ createdAt: minutesAgo(60 * 24) })), 'allowed');
  });

  it('refuses deleted comments and members in a locked thread', () => {
    assert.equal(editDecision(ada, comment({ deleted: true })), 'deleted');
    assert.equal(editDecision(ada, comment(), { locked: true, guests: false }), 'locked');
  });

  it('maps refusals to adapter error codes', () => {
    assert.equal(denialCode('sign-in-required'), 'unauthorized');
    assert.equal(denialCode('not-owner'), 'forbidden');
    assert.equal(denialCode('edit-window-passed'), 'forbidden');
    assert.equal(denialCode('locked'), 'forbidden');
    assert.equal(denialCode('guests-not-allowed'), 'forbidden');
    assert.equal(denialCode('deleted'), 'conflict');
    assert.equal(denialCode('not-visible'), 'not-found');
  });
});

describe('reactions', () => {
  it('accept only the thread’s keys, on fields.key', () => {
    assert.deepEqual(validateReactionKey('👍', DEFAULT_REACTIONS), {});
    assert.equal(validateReactionKey('🦄', DEFAULT_REACTIONS).key?.reason, 'unknown-choice');
    assert.equal(validateReactionKey(undefined, DEFAULT_REACTIONS).key?.reason, 'unknown-choice');
  });

  it('toggle one person’s reaction, returning the same object when nothing changes', () => {
    const none = {};
    const on = applyReaction(none, '👍', 'ada', true);
    assert.deepEqual(on, { '👍': ['ada'] });
    assert.equal(applyReaction(on, '👍', 'ada', true), on);
    assert.deepEqual(applyReaction(on, '👍', 'ada', false), {});
    assert.equal(applyReaction(none, '👍', 'ada', false), none);
  });

  it('summarize counts in the thread’s order with the viewer’s own as mine, leaving out keys no longer offered', () => {
    const reactions = { '😮': ['bo'], '👍': ['ada', 'bo'], '🦄': ['ada'] };
    assert.deepEqual(summarizeReactions(reactions, DEFAULT_REACTIONS, 'ada'), [
      { key: '👍', count: 2, mine: true },
      { key: '😮', count: 1, mine: false },
    ]);
    assert.deepEqual(
      summarizeReactions(reactions, DEFAULT_REACTIONS, null).map((entry) => entry.mine),
      [false, false],
    );
  });

  it('rank a comment for top by its score plus every reaction', () => {
    assert.equal(commentRank(comment({ score: 2, reactions: { '👍': ['a', 'b'], '❤️': ['c'] } })), 5);
  });
});

describe('reports', () => {
  it('take spam, abuse, off-topic and other, with an optional note', () => {
    for (const reason of ['spam', 'abuse', 'off-topic', 'other']) assert.deepEqual(validateReport({ reason }), {});
    assert.equal(validateReport({ reason: 'boring' }).reason?.reason, 'unknown-choice');
    assert.equal(validateReport({ reason: 'other', note: 'x'.repeat(LIMITS.reportNote.max + 1) }).note?.reason, 'too-long');
  });

  it('are made by members on others’ comments only', () => {
    const facts = commentFacts(comment(), open);
    assert.equal(can(bo, 'comment.report', facts).allowed, true);
    assert.deepEqual(can(ada, 'comment.report', facts), { allowed: false, reason: 'own-content' });
    assert.deepEqual(can({ kind: 'guest', id: 'g', name: 'G' }, 'comment.report', facts), { allowed: false, reason: 'members-only' });
  });
});

describe('moderation', () => {
  it('approves to published and hides to hidden, settling reports', () => {
    assert.deepEqual(moderateComment(comment({ status: 'pending' }), 'approve'), { ok: true, status: 'published', pinned: false, clearsReports: true });
    assert.deepEqual(moderateComment(comment(), 'hide'), { ok: true, status: 'hidden', pinned: false, clearsReports: true });
  });

  it('pins top-level comments only, and not deleted ones', () => {
    assert.deepEqual(moderateComment(comment(), 'pin'), { ok: true, status: 'published', pinned: true, clearsReports: false });
    assert.deepEqual(moderateComment(comment({ parentId: 'p' }), 'pin'), { ok: false, reason: 'not-top-level' });
    assert.deepEqual(moderateComment(comment({ deleted: true }), 'pin'), { ok: false, reason: 'deleted' });
    assert.deepEqual(moderateComment(comment({ pinned: true }), 'unpin'), { ok: true, status: 'published', pinned: false, clearsReports: false });
  });

  it('queues pending comments and reported visible ones, not deleted or hidden ones', () => {
    assert.equal(needsModeration(comment({ status: 'pending' }), 0), true);
    assert.equal(needsModeration(comment(), 1), true);
    assert.equal(needsModeration(comment(), 0), false);
    assert.equal(needsModeration(comment({ status: 'hidden' }), 2), false);
    assert.equal(needsModeration(comment({ deleted: true, status: 'pending' }), 1), false);
  });

  it('shows an excerpt without markup on one line, cut at a word', () => {
    assert.equal(commentExcerpt('**Bold** and `code`\n\n> quoted'), 'Bold and code quoted');
    const excerpt = commentExcerpt('word '.repeat(100), 40);
    assert.ok(excerpt.endsWith('…'));
    assert.ok(Array.from(excerpt).length <= 40);
    assert.ok(!excerpt.includes('wor…'));
  });
});

describe('presenting a comment', () => {
  const context = { viewerId: 'bo', allowedReactions: DEFAULT_REACTIONS, depth: 1, replyCount: 2, parent: comment({ id: 'p', author: { id: 'kees', name: 'Kees' } }) };

  it('names the parent’s author as replyTo and carries depth, reply count and the viewer’s reactions', () => {
    const view = presentComment(comment({ parentId: 'p', reactions: { '👍': ['bo'] } }), context);
    assert.deepEqual(view.replyTo, { id: 'kees', name: 'Kees' });
    assert.equal(view.depth, 1);
    assert.equal(view.replyCount, 2);
    assert.deepEqual(view.reactions, [{ key: '👍', count: 1, mine: true }]);
  });

  it('shows a deleted comment as a placeholder: no body, no author, no reactions', () => {
    const view = presentComment(comment({ deleted: true, body: 'secret', reactions: { '👍': ['bo'] } }), { ...context, parent: null });
    assert.equal(view.body, '');
    assert.deepEqual(view.author, { id: '', name: '' });
    assert.deepEqual(view.reactions, []);
    assert.equal(view.deleted, true);
  });

  it('does not name the author of a deleted parent', () => {
    const view = presentComment(comment({ parentId: 'p' }), { ...context, parent: comment({ id: 'p', deleted: true }) });
    assert.equal(view.replyTo, null);
  });

  it('copies the author, so changing a view cannot change what is stored', () => {
    const record = comment();
    const view = presentComment(record, { ...context, parent: null });
    view.author.roles!.push('admin');
    view.author.name = 'Mallory';
    assert.deepEqual(record.author, { id: 'ada', name: 'Ada', avatarUrl: null, roles: ['member'] });
  });
});
