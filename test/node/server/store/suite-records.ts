import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { at, comment, site, user } from './fixtures.js';
import { withStore, type Fresh } from './targets.js';

// Characters that break naive storage: astral emoji, combining marks, RTL, quotes and SQL.
const AWKWARD = "👩🏽‍💻 é ç ש\u200fשלום \"quotes\" 'single' \\back\\ %_ ; DROP TABLE plein_comments; --\n\ttabs";

export function recordTests(fresh: Fresh): void {
  describe('sites and users', () => {
    it('stores a site with every field and replaces it on a second put', async () => {
      await withStore(fresh, async (store) => {
        const original = site({
          origins: ['https://a.example', 'https://b.example'],
          jwt: { algorithms: ['RS256', 'EdDSA'], publicKey: '-----BEGIN PUBLIC KEY-----\nMCow\n-----END PUBLIC KEY-----', jwksFile: '/etc/jwks.json' },
          guests: true,
          premoderation: true,
          bannedWords: ['spam', 'scam*'],
          bannedWordsAction: 'pending',
          maxLinks: 2,
        });
        await store.putSite(original);
        assert.deepEqual(await store.getSite('blog'), original);
        const changed = site({ name: 'Renamed', guests: false, premoderation: false, bannedWords: [] });
        await store.putSite(changed);
        assert.deepEqual(await store.getSite('blog'), changed);
        assert.equal(await store.getSite('nope'), null);
      });
    });

    it('lists sites by id', async () => {
      await withStore(fresh, async (store) => {
        await store.putSite(site({ id: 'zeta' }));
        await store.putSite(site({ id: 'alpha' }));
        assert.deepEqual((await store.listSites()).map((s) => s.id), ['alpha', 'zeta']);
      });
    });

    it('upserts users, keeping when they were first seen and following their latest name and roles', async () => {
      await withStore(fresh, async (store) => {
        await store.upsertUser(user({ createdAt: at(0) }));
        await store.upsertUser(user({ name: 'Ada L.', avatarUrl: 'https://x.example/a.png', roles: ['member', 'moderator'], createdAt: at(99) }));
        assert.deepEqual(await store.getUser('blog', 'ada'), user({ name: 'Ada L.', avatarUrl: 'https://x.example/a.png', roles: ['member', 'moderator'], createdAt: at(0) }));
        assert.equal(await store.getUser('other-site', 'ada'), null);
        await store.upsertUser(user({ id: 'guest-1', name: 'Visitor', roles: [], guest: true }));
        assert.equal((await store.getUser('blog', 'guest-1'))?.guest, true);
      });
    });

    it('lists the users among many ids that exist on the site', async () => {
      await withStore(fresh, async (store) => {
        await store.transaction(async (tx) => {
          for (let i = 0; i < 700; i++) await tx.upsertUser(user({ id: `u${i}` }));
        });
        await store.upsertUser(user({ siteId: 'elsewhere', id: 'u1' }));
        const ids = [...Array.from({ length: 700 }, (_, i) => `u${i}`), 'u1', 'missing'];
        const found = await store.listUsers('blog', ids);
        assert.equal(found.length, 700);
        assert.ok(found.every((u) => u.siteId === 'blog'));
        assert.deepEqual(await store.listUsers('blog', []), []);
      });
    });
  });

  describe('threads and comments', () => {
    it('has no thread record until one is put, and stores settings that fall back to the site as null', async () => {
      await withStore(fresh, async (store) => {
        assert.equal(await store.getThread('blog', 'post-1'), null);
        const thread = { siteId: 'blog', id: 'post-1', locked: false, premoderated: null, guests: null, ownerId: null, reactions: null, createdAt: at(0) };
        await store.putThread(thread);
        assert.deepEqual(await store.getThread('blog', 'post-1'), thread);
        const locked = { ...thread, locked: true, premoderated: true, guests: false, ownerId: 'ada', reactions: ['👍', '🎉'] };
        await store.putThread(locked);
        assert.deepEqual(await store.getThread('blog', 'post-1'), locked);
        assert.equal(await store.getThread('other', 'post-1'), null);
      });
    });

    it('returns a comment exactly as inserted, awkward text included', async () => {
      await withStore(fresh, async (store) => {
        const row = comment({ body: AWKWARD, parentId: null, pinned: true, score: -3, ipHash: 'h:abc', status: 'pending' });
        await store.insertComment(row);
        assert.deepEqual(await store.getComment('blog', 'c1'), row);
        assert.equal(await store.getComment('other', 'c1'), null);
      });
    });

    it('refuses a second comment with the same id on the same site', async () => {
      await withStore(fresh, async (store) => {
        await store.insertComment(comment());
        await assert.rejects(store.insertComment(comment({ body: 'again' })));
        await store.insertComment(comment({ siteId: 'other' }));
        assert.equal((await store.getComment('blog', 'c1'))?.body, 'Hello');
      });
    });

    it('patches only the given fields and reports a missing comment', async () => {
      await withStore(fresh, async (store) => {
        await store.insertComment(comment());
        assert.equal(await store.updateComment('blog', 'c1', { body: 'Edited', editedAt: at(5), pinned: true }), true);
        assert.deepEqual(await store.getComment('blog', 'c1'), comment({ body: 'Edited', editedAt: at(5), pinned: true }));
        assert.equal(await store.updateComment('blog', 'c1', { status: 'hidden', score: 4, deletedAt: at(9), ipHash: null }), true);
        assert.deepEqual(await store.getComment('blog', 'c1'), comment({ body: 'Edited', editedAt: at(5), pinned: true, status: 'hidden', score: 4, deletedAt: at(9) }));
        assert.equal(await store.updateComment('blog', 'missing', { body: 'x' }), false);
        assert.equal(await store.updateComment('blog', 'c1', {}), true);
        assert.equal(await store.updateComment('blog', 'missing', {}), false);
      });
    });

    it('lists a whole thread of one site, oldest first, ties by id', async () => {
      await withStore(fresh, async (store) => {
        await store.insertComment(comment({ id: 'b', createdAt: at(2) }));
        await store.insertComment(comment({ id: 'a', createdAt: at(2), parentId: 'c', status: 'hidden' }));
        await store.insertComment(comment({ id: 'c', createdAt: at(1), deletedAt: at(3), body: '' }));
        await store.insertComment(comment({ id: 'd', createdAt: at(0), thread: 'post-2' }));
        await store.insertComment(comment({ id: 'e', createdAt: at(0), siteId: 'other' }));
        assert.deepEqual((await store.listThreadComments('blog', 'post-1')).map((c) => c.id), ['c', 'a', 'b']);
        assert.deepEqual(await store.listThreadComments('blog', 'nothing'), []);
      });
    });

    it('queues pending comments and reported published ones, oldest first, site-wide or per thread', async () => {
      await withStore(fresh, async (store) => {
        await store.insertComment(comment({ id: 'pending', status: 'pending', createdAt: at(3) }));
        await store.insertComment(comment({ id: 'reported', createdAt: at(1), thread: 'post-2' }));
        await store.insertComment(comment({ id: 'hidden-reported', status: 'hidden', createdAt: at(2) }));
        await store.insertComment(comment({ id: 'deleted-pending', status: 'pending', deletedAt: at(4), createdAt: at(4) }));
        await store.insertComment(comment({ id: 'quiet', createdAt: at(5) }));
        await store.insertComment(comment({ id: 'elsewhere', siteId: 'other', status: 'pending' }));
        for (const id of ['reported', 'hidden-reported']) {
          await store.addReport({ siteId: 'blog', commentId: id, userId: 'bo', reason: 'spam', note: null, at: at(6) });
        }
        assert.deepEqual((await store.listQueue('blog', null)).map((c) => c.id), ['reported', 'pending']);
        assert.deepEqual((await store.listQueue('blog', 'post-1')).map((c) => c.id), ['pending']);
        await store.clearReports('blog', 'reported');
        assert.deepEqual((await store.listQueue('blog', null)).map((c) => c.id), ['pending']);
      });
    });
  });
}
