/**
 * Writes beside another writer: a conditional write changes nothing once the row moved on, and
 * a patch changes only what it names, even when the other writer commits while it waits.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { at, comment } from './fixtures.js';
import { withStore, type Fresh } from './targets.js';
import type { CommentExpectation, PleinStore } from '../../../../src/server/store/types.js';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const asInserted: CommentExpectation = { status: 'published', pinned: false, editedAt: null, deleted: false };

/**
 * Runs `change` in a transaction held open until `release`; `made` resolves once it is made. A
 * write on the store meanwhile waits: for the transaction on SQLite, for the row lock on PostgreSQL.
 */
function holding(store: PleinStore, change: (tx: PleinStore) => Promise<unknown>) {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let changed!: () => void;
  const made = new Promise<void>((resolve) => (changed = resolve));
  const done = store.transaction(async (tx) => {
    await change(tx);
    changed();
    await held;
  });
  return { made, release, done };
}

export function concurrencyTests(fresh: Fresh): void {
  describe('conditional comment writes', () => {
    it('update a comment only while it is as the writer read it', async () => {
      await withStore(fresh, async (store) => {
        await store.insertComment(comment());
        for (const stale of [{ status: 'pending' }, { pinned: true }, { editedAt: '2026-11-27T10:00:05.000Z' }, { deleted: true }] as const) {
          assert.equal(await store.updateComment('blog', 'c1', { body: 'Not this' }, { ...asInserted, ...stale }), false, JSON.stringify(stale));
        }
        assert.deepEqual(await store.getComment('blog', 'c1'), comment());
        assert.equal(await store.updateComment('blog', 'c1', { status: 'hidden' }, asInserted), true);
        assert.equal((await store.getComment('blog', 'c1'))?.status, 'hidden');
        assert.equal(await store.updateComment('blog', 'c1', {}, asInserted), false, 'a check alone reports the change too');
        assert.equal(await store.updateComment('blog', 'c1', {}, { ...asInserted, status: 'hidden' }), true);
        assert.equal(await store.updateComment('blog', 'missing', { body: 'x' }, asInserted), false);
      });
    });

    it('see a change committed while they waited for it: an edit made from before a hide does not undo it', async () => {
      await withStore(fresh, async (store) => {
        await store.insertComment(comment());
        const hide = holding(store, (tx) => tx.updateComment('blog', 'c1', { status: 'hidden' }, asInserted));
        await hide.made;
        let answered: boolean | null = null;
        const edit = store.updateComment('blog', 'c1', { body: 'Edited', editedAt: '2026-11-27T10:00:09.000Z', status: 'published' }, asInserted).then((ok) => (answered = ok));
        await tick(100);
        assert.equal(answered, null, 'the edit waits for the hide to commit');
        hide.release();
        await hide.done;
        await edit;
        assert.equal(answered, false);
        assert.deepEqual(await store.getComment('blog', 'c1'), comment({ status: 'hidden' }));
      });
    });
  });

  describe('thread setting patches', () => {
    const defaults = { siteId: 'blog', id: 'post-1', locked: false, premoderated: null, guests: null, ownerId: null, reactions: null };

    it('make the record with the defaults when there is none, change only what they name, and answer the record as it now is', async () => {
      await withStore(fresh, async (store) => {
        assert.deepEqual(await store.patchThread('blog', 'post-1', { reactions: ['👍'] }, at(1)), { ...defaults, reactions: ['👍'], createdAt: at(1) });
        assert.deepEqual(await store.patchThread('blog', 'post-1', { locked: true, ownerId: 'ada' }, at(2)), { ...defaults, reactions: ['👍'], locked: true, ownerId: 'ada', createdAt: at(1) });
        assert.deepEqual(await store.getThread('blog', 'post-1'), { ...defaults, reactions: ['👍'], locked: true, ownerId: 'ada', createdAt: at(1) });
        assert.deepEqual(await store.patchThread('blog', 'post-1', { reactions: null, guests: false }, at(3)), { ...defaults, locked: true, ownerId: 'ada', guests: false, createdAt: at(1) });
      });
    });

    it('keep a lock and a settings change made at once, whichever commits first, the later one answering both', async () => {
      for (const first of [{ locked: true }, { premoderated: true }]) {
        await withStore(fresh, async (store) => {
          const second = 'locked' in first ? { premoderated: true } : { locked: true };
          const held = holding(store, (tx) => tx.patchThread('blog', 'post-1', first, at(1)));
          await held.made;
          const later = store.patchThread('blog', 'post-1', second, at(2));
          await tick(50);
          held.release();
          await held.done;
          const both = { ...defaults, locked: true, premoderated: true, createdAt: at(1) };
          assert.deepEqual(await later, both, JSON.stringify(first));
          assert.deepEqual(await store.getThread('blog', 'post-1'), both);
        });
      }
    });
  });
}
