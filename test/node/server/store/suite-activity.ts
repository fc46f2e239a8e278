import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { at, comment } from './fixtures.js';
import { withStore, type Fresh } from './targets.js';

const sortReactions = <T extends { commentId: string; userId: string; key: string }>(rows: T[]) =>
  [...rows].sort((a, b) => `${a.commentId} ${a.userId} ${a.key}`.localeCompare(`${b.commentId} ${b.userId} ${b.key}`));

export function activityTests(fresh: Fresh): void {
  describe('reactions and reports', () => {
    it('keeps one reaction per member and key, and says whether anything changed', async () => {
      await withStore(fresh, async (store) => {
        await store.insertComment(comment());
        assert.equal(await store.setReaction('blog', 'c1', 'ada', '👍', true), true);
        assert.equal(await store.setReaction('blog', 'c1', 'ada', '👍', true), false);
        assert.equal(await store.setReaction('blog', 'c1', 'ada', '🎉', true), true);
        assert.equal(await store.setReaction('blog', 'c1', 'bo', '👍', true), true);
        assert.deepEqual(sortReactions(await store.listReactions('blog', ['c1'])), [
          { commentId: 'c1', userId: 'ada', key: '🎉' },
          { commentId: 'c1', userId: 'ada', key: '👍' },
          { commentId: 'c1', userId: 'bo', key: '👍' },
        ]);
        assert.equal(await store.setReaction('blog', 'c1', 'ada', '👍', false), true);
        assert.equal(await store.setReaction('blog', 'c1', 'ada', '👍', false), false);
        assert.equal((await store.listReactions('blog', ['c1'])).length, 2);
        assert.deepEqual(await store.listReactions('other', ['c1']), []);
      });
    });

    it("lists reactions by comment ids or for a whole thread, and only that site's", async () => {
      await withStore(fresh, async (store) => {
        await store.insertComment(comment({ id: 'a' }));
        await store.insertComment(comment({ id: 'b' }));
        await store.insertComment(comment({ id: 'x', thread: 'post-2' }));
        await store.insertComment(comment({ id: 'a', siteId: 'other' }));
        for (const id of ['a', 'b', 'x']) await store.setReaction('blog', id, 'ada', '❤️', true);
        await store.setReaction('other', 'a', 'ada', '❤️', true);
        assert.deepEqual((await store.listReactions('blog', ['a', 'x', 'a'])).map((r) => r.commentId).sort(), ['a', 'x']);
        assert.deepEqual((await store.listThreadReactions('blog', 'post-1')).map((r) => r.commentId).sort(), ['a', 'b']);
        assert.deepEqual(await store.listReactions('blog', []), []);
      });
    });

    it("replaces a member's earlier report on the same comment and clears all reports of a comment", async () => {
      await withStore(fresh, async (store) => {
        await store.insertComment(comment());
        await store.addReport({ siteId: 'blog', commentId: 'c1', userId: 'bo', reason: 'spam', note: null, at: at(1) });
        await store.addReport({ siteId: 'blog', commentId: 'c1', userId: 'bo', reason: 'abuse', note: 'Rude to Ada', at: at(2) });
        await store.addReport({ siteId: 'blog', commentId: 'c1', userId: 'cy', reason: 'off-topic', note: null, at: at(3) });
        assert.deepEqual(await store.listReports('blog', ['c1']), [
          { siteId: 'blog', commentId: 'c1', userId: 'bo', reason: 'abuse', note: 'Rude to Ada', at: at(2) },
          { siteId: 'blog', commentId: 'c1', userId: 'cy', reason: 'off-topic', note: null, at: at(3) },
        ]);
        assert.equal(await store.clearReports('blog', 'c1'), 2);
        assert.equal(await store.clearReports('blog', 'c1'), 0);
        assert.deepEqual(await store.listReports('blog', ['c1']), []);
      });
    });
  });

  describe('audit', () => {
    it('lists a site’s moderation entries newest first, with their details', async () => {
      await withStore(fresh, async (store) => {
        await store.audit({ siteId: 'blog', at: at(1), actorId: 'mo', action: 'hide', target: 'comment:c1', detail: { reason: 'spam', excerpt: 'Buy now' } });
        await store.audit({ siteId: 'blog', at: at(2), actorId: 'mo', action: 'lock', target: 'thread:post-1', detail: null });
        await store.audit({ siteId: 'other', at: at(3), actorId: 'mo', action: 'approve', target: 'comment:c9', detail: ['x', 1, true] });
        const entries = await store.listAudit('blog', 10);
        assert.deepEqual(
          entries.map(({ id: _id, ...entry }) => entry),
          [
            { siteId: 'blog', at: at(2), actorId: 'mo', action: 'lock', target: 'thread:post-1', detail: null },
            { siteId: 'blog', at: at(1), actorId: 'mo', action: 'hide', target: 'comment:c1', detail: { reason: 'spam', excerpt: 'Buy now' } },
          ],
        );
        assert.ok(entries[0]!.id > entries[1]!.id);
        assert.equal((await store.listAudit('blog', 1)).length, 1);
        assert.deepEqual((await store.listAudit('other', 5))[0]?.detail, ['x', 1, true]);
      });
    });
  });

  describe('transactions', () => {
    it('commits when the function resolves and returns its value', async () => {
      await withStore(fresh, async (store) => {
        const value = await store.transaction(async (tx) => {
          await tx.insertComment(comment());
          await tx.setReaction('blog', 'c1', 'ada', '👍', true);
          return 42;
        });
        assert.equal(value, 42);
        assert.equal((await store.listReactions('blog', ['c1'])).length, 1);
      });
    });

    it('rolls everything back when the function throws', async () => {
      await withStore(fresh, async (store) => {
        await assert.rejects(
          store.transaction(async (tx) => {
            await tx.insertComment(comment());
            await tx.appendEvent({ siteId: 'blog', topic: 'thread:post-1', payload: { type: 'comment-added' } });
            await tx.transaction(async (inner) => inner.audit({ siteId: 'blog', at: at(1), actorId: 'mo', action: 'pin', target: 'comment:c1', detail: null }));
            throw new Error('nope');
          }),
          /nope/,
        );
        assert.equal(await store.getComment('blog', 'c1'), null);
        assert.deepEqual(await store.listAudit('blog', 10), []);
        assert.deepEqual(await store.eventsAfter(0, 10), []);
      });
    });

    it('undoes only the transactions that fail when many run at once', async () => {
      await withStore(fresh, async (store) => {
        const outcomes = await Promise.allSettled(
          Array.from({ length: 30 }, (_, i) =>
            store.transaction(async (tx) => {
              await tx.insertComment(comment({ id: `c${i}` }));
              await tx.appendEvent({ siteId: 'blog', topic: 't', payload: i });
              if (i % 3 === 0) throw new Error(`fail ${i}`);
              await tx.setReaction('blog', `c${i}`, 'ada', '👍', true);
            }),
          ),
        );
        const kept = (await store.listThreadComments('blog', 'post-1')).map((row) => row.id).sort();
        const expected = Array.from({ length: 30 }, (_, i) => i).filter((i) => i % 3 !== 0);
        assert.deepEqual(outcomes.map((o) => o.status === 'fulfilled'), Array.from({ length: 30 }, (_, i) => i % 3 !== 0));
        assert.deepEqual(kept, expected.map((i) => `c${i}`).sort());
        assert.deepEqual((await store.eventsAfter(0, 100)).map((event) => event.payload).sort((a, b) => Number(a) - Number(b)), expected);
        assert.equal((await store.listThreadReactions('blog', 'post-1')).length, expected.length);
      });
    });

    it('fails only the conflicting write among many concurrent ones', async () => {
      await withStore(fresh, async (store) => {
        await store.insertComment(comment({ id: 'taken' }));
        const outcomes = await Promise.allSettled(['a', 'taken', 'b', 'c'].map((id) => store.insertComment(comment({ id, body: `new ${id}` }))));
        assert.deepEqual(outcomes.map((o) => o.status), ['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
        assert.deepEqual((await store.listThreadComments('blog', 'post-1')).map((row) => [row.id, row.body]).sort(), [
          ['a', 'new a'],
          ['b', 'new b'],
          ['c', 'new c'],
          ['taken', 'Hello'],
        ]);
      });
    });

    it('hides its writes from other connections until it commits', async () => {
      await withStore(fresh, async (store, db) => {
        const other = await db.open();
        let release!: () => void;
        const held = new Promise<void>((resolve) => (release = resolve));
        let written!: () => void;
        const wrote = new Promise<void>((resolve) => (written = resolve));
        const done = store.transaction(async (tx) => {
          await tx.insertComment(comment());
          written();
          await held;
        });
        await wrote;
        assert.equal(await other.getComment('blog', 'c1'), null);
        release();
        await done;
        assert.equal((await other.getComment('blog', 'c1'))?.id, 'c1');
      });
    });

    it('refuses to migrate or close from inside a transaction', async () => {
      await withStore(fresh, async (store) => {
        await store.transaction(async (tx) => {
          await assert.rejects(tx.migrate(), /outside a transaction/);
          await assert.rejects(tx.close(), /not a transaction/);
        });
      });
    });
  });
}
