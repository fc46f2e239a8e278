import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CommentRecord } from '../../../src/domain/comments.js';
import {
  assembleCommentPage,
  countShown,
  createVisibility,
  depthOf,
  levelScope,
  sortLevel,
  type CommentPageRequest,
} from '../../../src/domain/comments-tree.js';
import { InvalidCursorError, encodeCursor } from '../../../src/domain/cursor.js';
import { ANONYMOUS, type Actor } from '../../../src/domain/roles.js';

const ada: Actor = { kind: 'member', id: 'ada', name: 'Ada', roles: ['member'] };
const bo: Actor = { kind: 'member', id: 'bo', name: 'Bo', roles: ['member'] };
const mod: Actor = { kind: 'member', id: 'mo', name: 'Mo', roles: ['member', 'moderator'] };

let clock = Date.parse('2026-11-27T10:00:00.000Z');

/** A thread under construction: comments get increasing times in the order they are added. */
class Tree {
  readonly comments = new Map<string, CommentRecord>();
  readonly #byParent = new Map<string | null, CommentRecord[]>();

  add(id: string, overrides: Partial<CommentRecord> = {}): CommentRecord {
    clock += 60_000;
    const record: CommentRecord = {
      id,
      thread: 't',
      parentId: null,
      author: { id: 'ada', name: 'Ada' },
      body: id,
      createdAt: new Date(clock).toISOString(),
      editedAt: null,
      deleted: false,
      status: 'published',
      pinned: false,
      score: 0,
      reactions: {},
      ...overrides,
    };
    this.comments.set(id, record);
    // Added in time order, so each list of replies is oldest first.
    const siblings = this.#byParent.get(record.parentId) ?? [];
    siblings.push(record);
    this.#byParent.set(record.parentId, siblings);
    return record;
  }

  get = (id: string) => this.comments.get(id);
  children = (id: string | null) => this.#byParent.get(id) ?? [];

  visibility(actor: Actor) {
    return createVisibility(actor, { get: this.get, children: (id) => this.children(id) });
  }

  page(actor: Actor, request: Partial<CommentPageRequest> = {}) {
    const full: CommentPageRequest = { thread: 't', sort: 'oldest', parentId: null, ...request };
    const level = sortLevel(this.children(full.parentId), full.sort, full.parentId);
    return assembleCommentPage(level, full, this.visibility(actor));
  }

  shownIds(actor: Actor): string[] {
    const visibility = this.visibility(actor);
    return [...this.comments.values()].filter((comment) => visibility.shown(comment)).map((comment) => comment.id);
  }
}

const ids = (page: { entries: { comment: { id: string } }[] }) => page.entries.map((entry) => entry.comment.id);

describe('who sees a comment', () => {
  const tree = new Tree();
  tree.add('published');
  tree.add('pending', { status: 'pending', author: { id: 'ada', name: 'Ada' } });
  tree.add('hidden', { status: 'hidden' });

  it('shows published comments to everyone', () => {
    for (const actor of [ANONYMOUS, ada, bo, mod]) assert.ok(tree.shownIds(actor).includes('published'));
  });

  it('shows a pending comment only to its author and moderators', () => {
    assert.deepEqual(tree.shownIds(ada), ['published', 'pending']);
    assert.deepEqual(tree.shownIds(bo), ['published']);
    assert.deepEqual(tree.shownIds(ANONYMOUS), ['published']);
    assert.ok(tree.shownIds(mod).includes('pending'));
  });

  it('shows a hidden comment only to moderators, not even to its author', () => {
    assert.ok(!tree.shownIds(ada).includes('hidden'));
    assert.deepEqual(tree.shownIds(mod), ['published', 'pending', 'hidden']);
  });
});

describe('replies and deleted comments', () => {
  it('hides the replies of a comment the viewer cannot see', () => {
    const tree = new Tree();
    tree.add('rude', { status: 'hidden' });
    tree.add('reply', { parentId: 'rude' });
    tree.add('waiting', { status: 'pending', author: { id: 'bo', name: 'Bo' } });
    tree.add('answer', { parentId: 'waiting' });
    assert.deepEqual(tree.shownIds(ada), []);
    assert.deepEqual(tree.shownIds(bo), ['waiting', 'answer']);
    assert.deepEqual(tree.shownIds(mod), ['rude', 'reply', 'waiting', 'answer']);
  });

  it('keeps a deleted comment only while a reply is shown, through chains of deleted comments', () => {
    const tree = new Tree();
    tree.add('gone', { deleted: true });
    tree.add('kept', { deleted: true });
    tree.add('middle', { deleted: true, parentId: 'kept' });
    tree.add('leaf', { parentId: 'middle' });
    tree.add('only-pending-below', { deleted: true });
    tree.add('pending-reply', { parentId: 'only-pending-below', status: 'pending', author: { id: 'bo', name: 'Bo' } });
    assert.deepEqual(tree.shownIds(ada), ['kept', 'middle', 'leaf']);
    assert.deepEqual(tree.shownIds(bo), ['kept', 'middle', 'leaf', 'only-pending-below', 'pending-reply']);
  });

  it('counts shown comments without placeholders', () => {
    const tree = new Tree();
    tree.add('a');
    tree.add('b', { deleted: true });
    tree.add('c', { parentId: 'b' });
    tree.add('d', { status: 'pending', author: { id: 'bo', name: 'Bo' } });
    assert.equal(countShown(tree.comments.values(), tree.visibility(ada)), 2);
    assert.equal(countShown(tree.comments.values(), tree.visibility(bo)), 3);
  });

  it('measures depth by walking up, and survives a reply chain thousands deep and a cycle', () => {
    const tree = new Tree();
    tree.add('c0');
    for (let index = 1; index < 5000; index++) tree.add(`c${index}`, { parentId: `c${index - 1}` });
    assert.equal(depthOf(tree.get('c4999')!, tree.get), 4999);
    assert.equal(tree.visibility(ANONYMOUS).shown(tree.get('c4999')!), true);
    const loop = new Tree();
    loop.add('x', { parentId: 'y' });
    loop.add('y', { parentId: 'x' });
    assert.equal(loop.visibility(mod).shown(loop.get('x')!), false);
    assert.ok(depthOf(loop.get('x')!, loop.get) <= 2);
  });
});

describe('pages of a thread', () => {
  function forum() {
    const tree = new Tree();
    tree.add('a', { reactions: { '👍': ['x'] } });
    tree.add('a1', { parentId: 'a' });
    tree.add('b', { reactions: { '👍': ['x', 'y', 'z'] } });
    tree.add('a2', { parentId: 'a' });
    tree.add('a1x', { parentId: 'a1' });
    tree.add('c');
    tree.add('d', { reactions: { '❤️': ['x'] } });
    return tree;
  }

  it('orders the top level newest, oldest or top (reactions, then the earlier), pinned first', () => {
    const tree = forum();
    assert.deepEqual(ids(tree.page(ANONYMOUS, { sort: 'newest' })), ['d', 'c', 'b', 'a']);
    assert.deepEqual(ids(tree.page(ANONYMOUS, { sort: 'oldest' })), ['a', 'b', 'c', 'd']);
    assert.deepEqual(ids(tree.page(ANONYMOUS, { sort: 'top' })), ['b', 'a', 'd', 'c']);
    tree.get('c')!.pinned = true;
    for (const sort of ['newest', 'oldest', 'top'] as const) assert.equal(ids(tree.page(ANONYMOUS, { sort }))[0], 'c', sort);
  });

  it('with replies, follows each comment by its subtree, replies oldest first, with their offsets', () => {
    const page = forum().page(ANONYMOUS, { sort: 'newest', limit: 4, withReplies: true });
    assert.deepEqual(ids(page), ['d', 'c', 'b', 'a', 'a1', 'a1x', 'a2']);
    assert.deepEqual(page.entries.map((entry) => entry.offset), [0, 0, 0, 0, 1, 2, 1]);
  });

  it('lists one comment’s replies oldest first whatever the sort, and pins nothing there', () => {
    const tree = forum();
    tree.get('a2')!.pinned = true;
    assert.deepEqual(ids(tree.page(ANONYMOUS, { parentId: 'a', sort: 'newest' })), ['a1', 'a2']);
  });

  it('pages with a cursor through each comment exactly once, also while comments arrive', () => {
    for (const sort of ['newest', 'oldest', 'top'] as const) {
      const tree = forum();
      const seen: string[] = [];
      let cursor: string | null = null;
      let arrivals = 0;
      do {
        const page = tree.page(ANONYMOUS, { sort, limit: 1, cursor });
        seen.push(...ids(page));
        cursor = page.cursor;
        tree.add(`new-${sort}-${++arrivals}`);
      } while (cursor && arrivals < 20);
      const originals = ['a', 'b', 'c', 'd'];
      for (const id of originals) assert.equal(seen.filter((item) => item === id).length, 1, `${sort}: ${id} in ${seen}`);
      assert.equal(new Set(seen).size, seen.length, `${sort}: no repeats in ${seen}`);
    }
  });

  it('counts only comments the viewer sees against the limit, and ends with a null cursor', () => {
    const tree = new Tree();
    tree.add('a');
    tree.add('b', { status: 'hidden' });
    tree.add('c', { status: 'pending', author: { id: 'bo', name: 'Bo' } });
    tree.add('d');
    tree.add('e', { status: 'hidden' });
    const first = tree.page(ada, { limit: 1 });
    assert.deepEqual(ids(first), ['a']);
    assert.notEqual(first.cursor, null);
    const second = tree.page(ada, { limit: 1, cursor: first.cursor });
    assert.deepEqual(ids(second), ['d']);
    assert.equal(second.cursor, null, 'only hidden comments follow, so there is no next page');
  });

  it('refuses a cursor of another sort, level or thread, and a malformed one', () => {
    const tree = forum();
    const { cursor } = tree.page(ANONYMOUS, { sort: 'newest', limit: 1 });
    assert.throws(() => tree.page(ANONYMOUS, { sort: 'oldest', cursor }), InvalidCursorError);
    assert.throws(() => tree.page(ANONYMOUS, { sort: 'newest', parentId: 'a', cursor }), InvalidCursorError);
    assert.throws(() => tree.page(ANONYMOUS, { cursor: 'not-a-cursor' }), InvalidCursorError);
    const wrongKey = encodeCursor(levelScope('t', null, 'oldest'), { id: 1 });
    assert.throws(() => tree.page(ANONYMOUS, { cursor: wrongKey }), InvalidCursorError);
  });

  it('pages 10,000 comments in a few milliseconds once the level is sorted', () => {
    const tree = new Tree();
    for (let index = 0; index < 10_000; index++) tree.add(`n${index}`, index % 3 === 0 || index === 0 ? {} : { parentId: `n${index - 1}` });
    const level = sortLevel(tree.children(null), 'newest', null);
    const visibility = tree.visibility(ANONYMOUS);
    const request: CommentPageRequest = { thread: 't', sort: 'newest', parentId: null, limit: 50, withReplies: true };
    const started = performance.now();
    const page = assembleCommentPage(level, request, visibility);
    const next = assembleCommentPage(level, { ...request, cursor: page.cursor }, tree.visibility(ANONYMOUS));
    assert.equal(page.entries.filter((entry) => entry.offset === 0).length, 50);
    assert.equal(next.entries.filter((entry) => entry.offset === 0).length, 50);
    assert.ok(performance.now() - started < 50, `took ${performance.now() - started} ms`);
  });
});
