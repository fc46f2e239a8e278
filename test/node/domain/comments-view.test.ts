import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_THREAD_SETTINGS, type CommentRecord, type ThreadSettings } from '../../../src/domain/comments.js';
import { affectedComments, commentChangeEvents } from '../../../src/domain/comments-changes.js';
import { CommentTreeView, summarizeThread, withOverlay, type CommentLookup, type Overlay } from '../../../src/domain/comments-view.js';
import { ANONYMOUS, type Actor } from '../../../src/domain/roles.js';

const ada: Actor = { kind: 'member', id: 'ada', name: 'Ada', roles: ['member'] };
const bo: Actor = { kind: 'member', id: 'bo', name: 'Bo', roles: ['member'] };
const mod: Actor = { kind: 'member', id: 'mo', name: 'Mo', roles: ['member', 'moderator'] };

function record(id: string, overrides: Partial<CommentRecord> = {}): CommentRecord {
  const written = { id, thread: 't', parentId: null, author: { id: 'ada', name: 'Ada' }, body: `body of ${id}` };
  const stored = { createdAt: '2026-11-27T10:00:00.000Z', editedAt: null, deleted: false, status: 'published' as const };
  return { ...written, ...stored, pinned: false, score: 0, reactions: {}, ...overrides };
}

/** A lookup over a list, replies in list order (oldest first). */
function lookupOf(...comments: CommentRecord[]): CommentLookup {
  const byId = new Map(comments.map((comment) => [comment.id, comment]));
  return {
    get: (id) => byId.get(id),
    children: (id) => [...byId.values()].filter((comment) => comment.parentId === id),
  };
}

const settings: ThreadSettings = { ...DEFAULT_THREAD_SETTINGS, reactions: ['👍'] };
const view = (actor: Actor, lookup: CommentLookup, overlay?: Overlay) => new CommentTreeView(actor, lookup, () => settings, overlay);

/** The views before and after `comment` replaced `before` (`null`: it is new). */
function change(actor: Actor, lookup: CommentLookup, comment: CommentRecord, before: CommentRecord | null) {
  return commentChangeEvents(view(actor, lookup), view(actor, lookup, { id: comment.id, record: before }), comment, before);
}

describe('withOverlay', () => {
  it('shows a changed comment as it was before the change', () => {
    const now = record('a', { body: 'edited' });
    const lookup = withOverlay(lookupOf(now), { id: 'a', record: record('a', { body: 'first' }) });
    assert.equal(lookup.get('a')?.body, 'first');
  });

  it('leaves a new comment out of the tree as it was before it was posted', () => {
    const lookup = withOverlay(lookupOf(record('a'), record('b', { parentId: 'a' })), { id: 'b', record: null });
    assert.equal(lookup.get('b'), undefined);
    assert.deepEqual(lookup.children('a'), []);
  });

  it('is the lookup itself without an overlay', () => {
    const lookup = lookupOf(record('a'));
    assert.equal(withOverlay(lookup, undefined), lookup);
  });
});

describe('CommentTreeView', () => {
  it('hides a pending comment from everyone but its author and moderators', () => {
    const lookup = lookupOf(record('a', { status: 'pending' }));
    assert.equal(view(ANONYMOUS, lookup).visible('a'), undefined);
    assert.equal(view(bo, lookup).visible('a'), undefined);
    assert.equal(view(ada, lookup).visible('a')?.id, 'a');
    assert.equal(view(mod, lookup).visible('a')?.id, 'a');
  });

  it('presents a reply with its depth, the replies the viewer sees and the thread reactions', () => {
    const lookup = lookupOf(
      record('a', { reactions: { '👍': ['bo'], '🙃': ['bo'] } }),
      record('b', { parentId: 'a', author: { id: 'bo', name: 'Bo' } }),
      record('c', { parentId: 'b', status: 'pending' }),
    );
    const asBo = view(bo, lookup);
    const top = asBo.present(asBo.get('a')!);
    assert.deepEqual(top.reactions.map((reaction) => [reaction.key, reaction.count, reaction.mine]), [['👍', 1, true]]);
    assert.equal(top.replyCount, 1);
    const reply = asBo.present(asBo.get('b')!);
    assert.equal(reply.depth, 1);
    assert.equal(reply.replyCount, 0, 'the pending reply is Ada’s, not Bo’s');
    assert.deepEqual(reply.replyTo, { id: 'ada', name: 'Ada' });
    assert.equal(view(ada, lookup).present(asBo.get('b')!).replyCount, 1);
  });
});

describe('summarizeThread', () => {
  it('takes locking, premoderation, guests, owner and reactions from the settings', () => {
    const summary = summarizeThread('t', { premoderated: true, locked: true, guests: true, reactions: ['❤️'], ownerId: 'ada' }, 3);
    assert.deepEqual(summary, { id: 't', locked: true, commentCount: 3, premoderated: true, ownerId: 'ada', reactions: ['❤️'], guests: true });
  });
});

describe('affectedComments', () => {
  it('lists the deleted ancestors first, then the comment', () => {
    const lookup = lookupOf(record('a', { deleted: true }), record('b', { parentId: 'a', deleted: true }), record('c', { parentId: 'b' }));
    assert.deepEqual(affectedComments(lookup, lookup.get('c')!, null).map((comment) => comment.id), ['a', 'b', 'c']);
  });

  it('stops at the first ancestor that is not deleted', () => {
    const lookup = lookupOf(record('a', { deleted: true }), record('b', { parentId: 'a' }), record('c', { parentId: 'b' }));
    assert.deepEqual(affectedComments(lookup, lookup.get('c')!, null).map((comment) => comment.id), ['c']);
  });

  it('adds the whole subtree, depth first, when the status changed', () => {
    const lookup = lookupOf(record('a'), record('b', { parentId: 'a' }), record('c', { parentId: 'b' }), record('d', { parentId: 'a' }));
    const hidden = { ...lookup.get('a')!, status: 'hidden' as const };
    assert.deepEqual(affectedComments(lookup, hidden, lookup.get('a')!).map((comment) => comment.id), ['a', 'b', 'c', 'd']);
    assert.deepEqual(affectedComments(lookup, lookup.get('a')!, { ...lookup.get('a')!, body: 'old' }).map((comment) => comment.id), ['a']);
  });
});

describe('commentChangeEvents', () => {
  it('announces a new pending comment to its author and moderators only', () => {
    const pending = record('a', { status: 'pending' });
    const lookup = lookupOf(pending);
    assert.deepEqual(change(ANONYMOUS, lookup, pending, null), []);
    assert.deepEqual(change(bo, lookup, pending, null), []);
    assert.deepEqual(change(ada, lookup, pending, null).map((event) => event.type), ['comment-added']);
    assert.deepEqual(change(mod, lookup, pending, null).map((event) => event.type), ['comment-added']);
  });

  it('adds an approved comment and its replies, parents first, for the public', () => {
    const approved = record('a');
    const lookup = lookupOf(approved, record('b', { parentId: 'a', author: { id: 'bo', name: 'Bo' } }));
    const events = change(ANONYMOUS, lookup, approved, { ...approved, status: 'pending' });
    assert.deepEqual(
      events.map((event) => (event.type === 'comment-deleted' ? event.id : `${event.type}:${event.comment.id}`)),
      ['comment-added:a', 'comment-added:b'],
    );
  });

  it('updates an edited comment that stays visible', () => {
    const edited = record('a', { body: 'new' });
    const events = change(bo, lookupOf(edited), edited, record('a', { body: 'old' }));
    assert.equal(events.length, 1);
    assert.equal(events[0]?.type, 'comment-updated');
    assert.equal(events[0]?.type === 'comment-updated' ? events[0].comment.body : null, 'new');
  });

  it('deletes only the top of what a hidden comment takes out of view', () => {
    const hidden = record('a', { status: 'hidden' });
    const lookup = lookupOf(hidden, record('b', { parentId: 'a' }), record('c', { parentId: 'b' }));
    assert.deepEqual(change(bo, lookup, hidden, record('a')), [{ type: 'comment-deleted', id: 'a', thread: 't' }]);
    assert.deepEqual(
      change(mod, lookup, hidden, record('a')).map((event) => event.type),
      ['comment-updated'],
      'moderators still see a hidden comment',
    );
  });

  it('removes a deleted placeholder once its last shown reply is hidden', () => {
    const hidden = record('b', { parentId: 'a', status: 'hidden' });
    const lookup = lookupOf(record('a', { deleted: true }), hidden);
    assert.deepEqual(change(bo, lookup, hidden, record('b', { parentId: 'a' })), [{ type: 'comment-deleted', id: 'a', thread: 't' }]);
  });
});
