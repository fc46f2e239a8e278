import { expect } from '@open-wc/testing';
import type { Comment } from '../../../src/adapters/contract.js';
import { CommentTree, entryOf } from '../../../src/stores/comments/tree.js';

let clock = Date.parse('2026-01-01T00:00:00.000Z');

/** A comment `minutes` after the start, so order by date is under the test's control. */
function comment(id: string, minutes: number, fields: Partial<Comment> = {}): Comment {
  return {
    id,
    thread: 't',
    parentId: null,
    author: { id: 'u', name: 'U' },
    body: id,
    createdAt: new Date(clock + minutes * 60_000).toISOString(),
    editedAt: null,
    deleted: false,
    status: 'published',
    pinned: false,
    reactions: [],
    replyCount: 0,
    score: 0,
    depth: fields.parentId ? 1 : 0,
    replyTo: null,
    ...fields,
  };
}

const ids = (tree: CommentTree) => tree.items().map((entry) => entry.comment.id);

describe('comments tree', () => {
  beforeEach(() => {
    clock += 3_600_000;
  });

  it('orders the top level by the sort with pinned first, and replies oldest first under their parent', () => {
    const tree = new CommentTree('newest');
    tree.insert(entryOf(comment('a', 1)), true);
    tree.insert(entryOf(comment('b', 2)), true);
    tree.insert(entryOf(comment('c', 3)), true);
    tree.insert(entryOf(comment('p', 0, { pinned: true })), true);
    tree.insert(entryOf(comment('a2', 20, { parentId: 'a' })), true);
    tree.insert(entryOf(comment('a1', 10, { parentId: 'a' })), true);
    tree.insert(entryOf(comment('a1x', 11, { parentId: 'a1', depth: 2 })), true);
    expect(ids(tree)).to.deep.equal(['p', 'c', 'b', 'a', 'a1', 'a1x', 'a2']);
  });

  it('ranks top by score plus reactions, as the backend does', () => {
    const tree = new CommentTree('top');
    tree.insert(entryOf(comment('scored', 1, { score: 2 })), true);
    tree.insert(entryOf(comment('liked', 2, { reactions: [{ key: '👍', count: 3, mine: false }] })), true);
    tree.insert(entryOf(comment('plain', 0)), true);
    expect(ids(tree)).to.deep.equal(['liked', 'scored', 'plain']);
  });

  it('keeps unchanged entries and the array itself when nothing changed', () => {
    const tree = new CommentTree('oldest');
    tree.insert(entryOf(comment('a', 1)), true);
    tree.insert(entryOf(comment('b', 2)), true);
    const first = tree.items();
    expect(tree.items()).to.equal(first);
    const edited = { key: 'b', comment: { ...comment('b', 2), body: 'edited' } };
    tree.update('b', edited);
    const second = tree.items();
    expect(second).not.to.equal(first, 'a listener holding the old array must see a new one');
    expect(first[1]?.comment.body).to.equal('b', 'the array handed out earlier is never patched');
    expect(second[0]).to.equal(first[0]);
    expect(second[1]).to.equal(edited);
  });

  it('does not move a comment whose score changed, but moves one that was pinned', () => {
    const tree = new CommentTree('top');
    tree.insert(entryOf(comment('a', 1, { score: 5 })), true);
    tree.insert(entryOf(comment('b', 2, { score: 1 })), true);
    tree.update('b', entryOf(comment('b', 2, { score: 50 })));
    expect(ids(tree)).to.deep.equal(['a', 'b']);
    tree.update('b', entryOf(comment('b', 2, { score: 50, pinned: true })));
    expect(ids(tree)).to.deep.equal(['b', 'a']);
  });

  it('holds a reply whose parent has not arrived and places it when the parent does', () => {
    const tree = new CommentTree('oldest');
    tree.insert(entryOf(comment('r', 5, { parentId: 'a' })), true);
    expect(ids(tree)).to.deep.equal([]);
    expect(tree.isRendered('r')).to.equal(false);
    tree.insert(entryOf(comment('a', 1)), true);
    expect(ids(tree)).to.deep.equal(['a', 'r']);
  });

  it('counts a reply that was not in its parent page, and uncounts a removed one; restore puts both back', () => {
    const tree = new CommentTree('oldest');
    tree.insert(entryOf(comment('a', 1, { replyCount: 1 })), true);
    tree.insert(entryOf(comment('r1', 2, { parentId: 'a' })), true);
    tree.insert(entryOf(comment('r2', 3, { parentId: 'a' })), false);
    expect(tree.entry('a')?.comment.replyCount).to.equal(2);
    const removed = tree.remove('r1');
    expect(tree.entry('a')?.comment.replyCount).to.equal(1);
    expect(ids(tree)).to.deep.equal(['a', 'r2']);
    tree.restore(removed!);
    expect(tree.entry('a')?.comment.replyCount).to.equal(2);
    expect(ids(tree)).to.deep.equal(['a', 'r1', 'r2']);
  });

  it('removes a comment with its whole subtree and restores it in place', () => {
    const tree = new CommentTree('newest');
    tree.insert(entryOf(comment('a', 1)), true);
    tree.insert(entryOf(comment('b', 2)), true);
    tree.insert(entryOf(comment('b1', 3, { parentId: 'b' })), true);
    tree.insert(entryOf(comment('b11', 4, { parentId: 'b1', depth: 2 })), true);
    const removed = tree.remove('b');
    expect(ids(tree)).to.deep.equal(['a']);
    expect(tree.has('b11')).to.equal(false);
    tree.restore(removed!);
    expect(ids(tree)).to.deep.equal(['b', 'b1', 'b11', 'a']);
  });

  it('re-keys a local entry to the backend id without moving it', () => {
    const tree = new CommentTree('newest');
    tree.insert(entryOf(comment('a', 1)), true);
    tree.insert({ key: 'local-1', localId: 'local-1', local: 'sending', comment: comment('local-1', 2) }, false);
    tree.update('local-1', { key: 'local-1', comment: comment('c-9', 2) });
    expect(tree.keyOf('c-9')).to.equal('local-1');
    expect(tree.has('local-1')).to.equal(false);
    expect(tree.items().map((entry) => entry.key)).to.deep.equal(['local-1', 'a']);
  });

  it('places 10,000 comments and walks them in well under a frame budget per change', () => {
    const tree = new CommentTree('newest');
    for (let index = 0; index < 10_000; index++) {
      const parent = index % 4 === 0 || index < 10 ? null : `c${index - (index % 4)}`;
      tree.insert(entryOf(comment(`c${index}`, index, { parentId: parent })), true);
    }
    expect(tree.items()).to.have.length(10_000);
    const started = performance.now();
    for (let index = 0; index < 50; index++) {
      const entry = tree.entry('c5000')!;
      tree.update('c5000', { ...entry, comment: { ...entry.comment, body: `edit ${index}` } });
      tree.items();
    }
    const perUpdate = (performance.now() - started) / 50;
    expect(perUpdate).to.be.below(5);
  });
});
