/**
 * Two people changing one comment or one thread at the same moment, on SQLite and (with
 * PLEIN_TEST_POSTGRES_URL) PostgreSQL. One request is held just before its transaction, after
 * it read the thread, while the other runs to the end: the held one then writes from what it
 * read before the other's change, which it must not undo.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Viewer } from '../../../../src/adapters/contract.js';
import type { SiteRecord } from '../../../../src/server/store/types.js';
import { STORES, personas, startLiveServer, type LiveServer } from '../http-adapter/live-server.js';
import { holdNextTransaction } from './hold.js';

let sites = 0;

for (const target of STORES) {
  describe(`a moderator and an author acting on one comment at once, on ${target.name}`, () => {
    let server: LiveServer;
    before(async () => {
      server = await startLiveServer(target);
    });
    after(() => server.close());

    async function site(overrides: Partial<SiteRecord> = {}) {
      const id = `race-${++sites}`;
      await server.prepare(id, [], overrides);
      const call = async (method: string, path: string, as: Viewer | null, body?: unknown) => {
        const headers: Record<string, string> = { Authorization: as ? `Bearer ${await server.token(id, as)}` : 'Anonymous' };
        if (body !== undefined) headers['Content-Type'] = 'application/json';
        const response = await server.app.request(`/v1/sites/${id}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
        const text = await response.text();
        return { status: response.status, json: (text === '' ? null : JSON.parse(text)) as Record<string, unknown> & { comment?: { id: string } } };
      };
      const post = async (body: string) => (await call('POST', '/threads/t/comments', personas.member, { body })).json.comment!.id;
      const edit = (comment: string, body: string) => call('PATCH', `/comments/${comment}`, personas.member, { body });
      const moderate = (comment: string, action: string) => call('POST', '/moderation/actions', personas.moderator, { target: { kind: 'comment', id: comment }, action });
      const stored = async (comment: string) => (await server.store.getComment(id, comment))!;
      return { id, call, post, edit, moderate, stored };
    }

    it('keeps a hide made while the author’s edit was on its way: the edit, done again, finds the comment hidden', async () => {
      const s = await site();
      const comment = await s.post('original');
      assert.equal((await s.call('POST', `/comments/${comment}/reports`, personas.otherMember, { reason: 'spam' })).status, 204);
      const hold = holdNextTransaction(server.store);
      const editing = s.edit(comment, 'edited spam');
      await hold.waiting;
      assert.equal((await s.moderate(comment, 'hide')).status, 204);
      hold.release();
      assert.equal((await editing).status, 404, 'the author no longer sees a hidden comment to edit');
      const row = await s.stored(comment);
      assert.deepEqual([row.status, row.body], ['hidden', 'original']);
      assert.equal((await s.call('GET', `/comments/${comment}`, null)).status, 404);
      const queue = await s.call('GET', '/moderation/queue', personas.moderator);
      assert.deepEqual(queue.json['items'], [], 'the hide settled the report');
    });

    it('keeps an approve made while the author’s edit of their pending comment was on its way', async () => {
      const s = await site({ premoderation: true });
      const comment = await s.post('waiting');
      const hold = holdNextTransaction(server.store);
      const editing = s.edit(comment, 'waiting, edited');
      await hold.waiting;
      assert.equal((await s.moderate(comment, 'approve')).status, 204);
      hold.release();
      const edited = await editing;
      assert.equal(edited.status, 200);
      assert.equal(edited.json['status'], 'published');
      const row = await s.stored(comment);
      assert.deepEqual([row.status, row.body], ['published', 'waiting, edited']);
    });

    it('hides the edited text when the edit lands while the hide was on its way', async () => {
      const s = await site();
      const comment = await s.post('original');
      const hold = holdNextTransaction(server.store);
      const hiding = s.moderate(comment, 'hide');
      await hold.waiting;
      assert.equal((await s.edit(comment, 'edited spam')).status, 200);
      hold.release();
      assert.equal((await hiding).status, 204);
      const row = await s.stored(comment);
      assert.deepEqual([row.status, row.body], ['hidden', 'edited spam']);
      const [entry] = await server.store.listAudit(s.id, 1);
      assert.deepEqual([entry?.action, (entry?.detail as { status: string[] }).status], ['comment.hide', ['published', 'hidden']]);
    });

    it('refuses a pin made from before the comment’s deletion, rather than pin a deleted comment', async () => {
      const s = await site();
      const comment = await s.post('short-lived');
      const hold = holdNextTransaction(server.store);
      const pinning = s.moderate(comment, 'pin');
      await hold.waiting;
      assert.equal((await s.call('DELETE', `/comments/${comment}`, personas.member)).status, 204);
      hold.release();
      assert.equal((await pinning).status, 409);
      const row = await s.stored(comment);
      assert.deepEqual([row.deletedAt !== null, row.pinned], [true, false]);
    });

    for (const held of ['lock', 'settings'] as const) {
      it(`keeps both a lock and an admin’s settings change, the ${held} held until the other is done, and tells readers both`, async () => {
        const s = await site();
        const lock = () => s.call('POST', '/moderation/locks', personas.moderator, { scope: { kind: 'thread', id: 't' }, locked: true });
        const configure = () => s.call('PUT', '/threads/t/settings', personas.admin, { premoderated: true });
        await s.post('seed');
        const hold = holdNextTransaction(server.store);
        const waiting = held === 'lock' ? lock() : configure();
        await hold.waiting;
        assert.equal((await (held === 'lock' ? configure() : lock())).status, 204);
        hold.release();
        assert.equal((await waiting).status, 204);
        const thread = (await s.call('GET', '/threads/t', null)).json;
        assert.deepEqual([thread['locked'], thread['premoderated']], [true, true]);
        const events = await server.store.eventsSince(s.id, ['thread:t'], 0, 100);
        const last = events.at(-1)?.payload as { views: { public: { thread: { locked: boolean; premoderated: boolean } }[] } };
        assert.deepEqual([last.views.public[0]?.thread.locked, last.views.public[0]?.thread.premoderated], [true, true]);
      });
    }

    it('keeps every hide when edits and hides are sent together, trial after trial', async () => {
      const s = await site();
      const lost: number[] = [];
      for (let trial = 0; trial < 20; trial++) {
        const comment = await s.post(`original ${trial}`);
        const [, hide] = await Promise.all([s.edit(comment, `edited ${trial}`), s.moderate(comment, 'hide')]);
        assert.equal(hide.status, 204);
        if ((await s.stored(comment)).status !== 'hidden') lost.push(trial);
      }
      assert.deepEqual(lost, [], 'trials whose hide was lost');
    });
  });
}
