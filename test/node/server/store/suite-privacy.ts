import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { PleinStore } from '../../../../src/server/store/types.js';
import { at, comment, user } from './fixtures.js';
import { withStore, type Fresh } from './targets.js';

/** Ada wrote two comments (one a reply to Bo), reacted, reported Bo; a moderator acted on her. */
async function seed(store: PleinStore) {
  await store.upsertUser(user({ id: 'ada', name: 'Ada', avatarUrl: 'https://x.example/ada.png', roles: ['member'] }));
  await store.upsertUser(user({ id: 'bo', name: 'Bo' }));
  await store.insertComment(comment({ id: 'bo-1', authorId: 'bo', body: 'First', createdAt: at(1) }));
  await store.insertComment(comment({ id: 'ada-1', authorId: 'ada', body: 'Reply to Bo', parentId: 'bo-1', createdAt: at(2), ipHash: 'h:1' }));
  await store.insertComment(comment({ id: 'ada-2', authorId: 'ada', body: 'Old', createdAt: at(3), deletedAt: at(4), thread: 'post-2' }));
  await store.insertComment(comment({ id: 'bo-2', authorId: 'bo', body: 'Reply to Ada', parentId: 'ada-1', createdAt: at(5) }));
  await store.insertComment(comment({ id: 'ada-elsewhere', siteId: 'other', authorId: 'ada', body: 'Other site' }));
  await store.setReaction('blog', 'bo-1', 'ada', '👍', true);
  await store.setReaction('blog', 'ada-1', 'bo', '❤️', true);
  await store.addReport({ siteId: 'blog', commentId: 'bo-2', userId: 'ada', reason: 'abuse', note: 'Bo is rude', at: at(6) });
  await store.addReport({ siteId: 'blog', commentId: 'ada-1', userId: 'bo', reason: 'spam', note: null, at: at(7) });
  await store.audit({ siteId: 'blog', at: at(8), actorId: 'mo', action: 'hide', target: 'comment:ada-1', detail: { excerpt: 'Reply to Bo' } });
  await store.audit({ siteId: 'blog', at: at(9), actorId: 'mo', action: 'hide', target: 'comment:bo-2', detail: { excerpt: 'Reply to Ada' } });
  await store.audit({ siteId: 'blog', at: at(10), actorId: 'ada', action: 'approve', target: 'comment:bo-1', detail: null });
  await store.audit({ siteId: 'blog', at: at(11), actorId: 'root', action: 'role', target: 'user:ada', detail: { roles: ['member'] } });
}

export function privacyTests(fresh: Fresh): void {
  describe('privacy', () => {
    it("exports everything about a member of one site and nothing of anyone else's", async () => {
      await withStore(fresh, async (store) => {
        await seed(store);
        const data = await store.exportUser('blog', 'ada');
        assert.equal(data.userId, 'ada');
        assert.equal(data.user?.avatarUrl, 'https://x.example/ada.png');
        assert.deepEqual(data.comments.map((c) => c.id), ['ada-1', 'ada-2']);
        assert.equal(data.comments[0]?.body, 'Reply to Bo');
        assert.deepEqual(data.reactions, [{ commentId: 'bo-1', userId: 'ada', key: '👍', thread: 'post-1' }]);
        assert.deepEqual(data.reports.map((r) => [r.commentId, r.userId, r.note]), [['bo-2', 'ada', 'Bo is rude']]);
        assert.deepEqual(data.audit.map((entry) => [entry.actorId, entry.target]), [
          ['mo', 'comment:ada-1'],
          ['ada', 'comment:bo-1'],
          ['root', 'user:ada'],
        ]);
        assert.doesNotThrow(() => JSON.stringify(data));
      });
    });

    it('erases a member: anonymised row, emptied comments, no reactions or reports, audit without details', async () => {
      await withStore(fresh, async (store) => {
        await seed(store);
        const result = await store.deleteUser('blog', 'ada', at(100));
        assert.deepEqual(result, { comments: 2, reactions: 1, reports: 1, ballots: 0 });

        assert.deepEqual(await store.getUser('blog', 'ada'), user({ id: 'ada', name: '', avatarUrl: null, roles: [], deletedAt: at(100) }));
        const ada1 = await store.getComment('blog', 'ada-1');
        assert.deepEqual([ada1?.body, ada1?.deletedAt, ada1?.ipHash, ada1?.parentId], ['', at(100), null, 'bo-1']);
        // Already deleted: keeps when it was deleted.
        assert.equal((await store.getComment('blog', 'ada-2'))?.deletedAt, at(4));
        // The conversation around her stays: replies, others' reactions and reports on her comment.
        assert.equal((await store.getComment('blog', 'bo-2'))?.body, 'Reply to Ada');
        assert.deepEqual(await store.listReactions('blog', ['bo-1']), []);
        assert.equal((await store.listReactions('blog', ['ada-1'])).length, 1);
        assert.deepEqual((await store.listReports('blog', ['bo-2', 'ada-1'])).map((r) => r.userId), ['bo']);

        const audit = await store.listAudit('blog', 10);
        const detailOf = (target: string) => audit.find((entry) => entry.target === target)?.detail;
        assert.equal(detailOf('comment:ada-1'), null);
        assert.equal(detailOf('user:ada'), null);
        assert.deepEqual(detailOf('comment:bo-2'), { excerpt: 'Reply to Ada' });
        assert.equal(audit.length, 4);

        // Another site's account of the same id is another person.
        assert.equal((await store.getComment('other', 'ada-elsewhere'))?.body, 'Other site');

        const after = await store.exportUser('blog', 'ada');
        assert.ok(after.comments.every((c) => c.body === '' && c.ipHash === null));
        assert.deepEqual([after.reactions, after.reports], [[], []]);
        assert.equal(after.user?.name, '');
      });
    });

    it('erases a member from the realtime journal: their words, name and reactions cannot be replayed', async () => {
      await withStore(fresh, async (store) => {
        await seed(store);
        const adaComment = { id: 'ada-1', thread: 'post-1', parentId: 'bo-1', author: { id: 'ada', name: 'Ada', avatarUrl: 'https://x.example/ada.png' }, body: 'Reply to Bo', deleted: false, reactions: [{ key: '❤️', count: 1, mine: false }] };
        const boComment = { id: 'bo-2', thread: 'post-1', parentId: 'ada-1', author: { id: 'bo', name: 'Bo' }, body: 'Reply to Ada', deleted: false };
        await store.appendEvent({
          siteId: 'blog',
          topic: 'thread:post-1',
          payload: {
            v: 1,
            views: { public: [{ type: 'comment-added', comment: adaComment }], 'user:ada': [{ type: 'comment-added', comment: adaComment }] },
            reactors: { 'bo-1': { '👍': ['ada', 'bo'] } },
          },
        });
        await store.appendEvent({ siteId: 'blog', topic: 'thread:post-1', payload: { v: 1, views: { public: [{ type: 'comment-added', comment: boComment }] } } });
        await store.appendEvent({ siteId: 'other', topic: 'thread:post-1', payload: { v: 1, views: { public: [{ type: 'comment-added', comment: adaComment }] } } });

        await store.deleteUser('blog', 'ada', at(100));

        const [erased, untouched] = await store.eventsSince('blog', ['thread:post-1'], 0, 10);
        const text = JSON.stringify(erased!.payload);
        for (const trace of ['Reply to Bo', 'Ada', 'ada.png', '"ada"', 'user:ada']) assert.ok(!text.includes(trace), `${trace} is still in ${text}`);
        assert.deepEqual(erased!.payload, {
          v: 1,
          views: { public: [{ type: 'comment-added', comment: { ...adaComment, author: { id: '', name: '' }, body: '', deleted: true, reactions: [] } }] },
          reactors: { 'bo-1': { '👍': ['bo'] } },
        });
        assert.deepEqual(untouched!.payload, { v: 1, views: { public: [{ type: 'comment-added', comment: boComment }] } });
        const [elsewhere] = await store.eventsSince('other', ['thread:post-1'], 0, 10);
        assert.ok(JSON.stringify(elsewhere!.payload).includes('Reply to Bo'), "another site's journal is another site's");
      });
    });

    it('keeps an erased member\'s poll ballots counted but no longer theirs', async () => {
      await withStore(fresh, async (store) => {
        await seed(store);
        await store.putPollBallot({ siteId: 'blog', poll: 'meetup', voterKey: 'ada', ballot: { choices: ['utrecht'] }, votedAt: at(20) }, false);
        await store.putPollBallot({ siteId: 'blog', poll: 'meetup', voterKey: 'bo', ballot: { choices: ['delft'] }, votedAt: at(21) }, false);
        await store.addAnonymousBallot('blog', 'secret-ballot', 'ada', '{"choices":["yes"]}');

        const result = await store.deleteUser('blog', 'ada', at(100));
        assert.equal(result.ballots, 2);

        assert.equal(await store.getPollBallot('blog', 'meetup', 'ada'), null);
        assert.deepEqual(await store.pollVotedAmong('blog', 'secret-ballot', ['ada']), []);
        const ballots = await store.listPollBallots('blog', 'meetup');
        assert.deepEqual(ballots.map((row) => row.ballot), [{ choices: ['utrecht'] }, { choices: ['delft'] }]);
        assert.match(ballots[0]!.voterKey, /^erased:/);
        assert.equal(ballots[1]!.voterKey, 'bo');
        assert.deepEqual((await store.listPollCounts('blog', 'secret-ballot')).map((row) => row.count), [1]);
        assert.deepEqual((await store.exportUser('blog', 'ada')).polls, []);
      });
    });

    it('erases inside an outer transaction and rolls back with it', async () => {
      await withStore(fresh, async (store) => {
        await seed(store);
        await assert.rejects(
          store.transaction(async (tx) => {
            await tx.deleteUser('blog', 'ada', at(100));
            throw new Error('abort');
          }),
          /abort/,
        );
        assert.equal((await store.getUser('blog', 'ada'))?.name, 'Ada');
        assert.equal((await store.getComment('blog', 'ada-1'))?.body, 'Reply to Bo');
      });
    });
  });
}
