/**
 * What live readers are told when writes to one comment meet, on SQLite and (with
 * PLEIN_TEST_POSTGRES_URL) PostgreSQL. A reader applies each event over what it has (a comment
 * event replaces the comment, a reactions event its reactions), so the last event about a
 * comment must describe it as stored after every write committed, and each write's answer
 * must too. One request is held, before or inside its transaction, while another commits.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Comment, RealtimeEvent, Viewer } from '../../../../src/adapters/contract.js';
import { eventsFor } from '../../../../src/server/comments/changes.js';
import type { Actor } from '../../../../src/domain/roles.js';
import { STORES, personas, startLiveServer, type LiveServer } from '../http-adapter/live-server.js';
import { holdInsideNextTransaction, holdNextTransaction } from './hold.js';

let sites = 0;
const THUMB = '👍';

const actorOf = (viewer: Viewer | null): Actor =>
  viewer ? { kind: 'member', id: viewer.id, name: viewer.name, roles: viewer.roles } : { kind: 'anonymous' };

/** What a reader compares: the comment's fields that writes change. */
const shown = (comment: Comment | null) =>
  comment && { body: comment.body, status: comment.status, pinned: comment.pinned, deleted: comment.deleted, editedAt: comment.editedAt, reactions: comment.reactions };

const thumbs = (reactions: readonly { key: string; count: number }[] | undefined) => reactions?.find((reaction) => reaction.key === THUMB)?.count ?? 0;

/** Resolves with `promise`, or after `ms` if it takes longer: long enough for an unblocked request to finish. */
const settledOrAfter = (promise: Promise<unknown>, ms: number) => Promise.race([promise.then(() => undefined), new Promise<void>((resolve) => setTimeout(resolve, ms))]);

for (const target of STORES) {
  describe(`live readers of a comment several people change at once, on ${target.name}`, () => {
    let server: LiveServer;
    before(async () => {
      server = await startLiveServer(target);
    });
    after(() => server.close());

    async function site() {
      const id = `live-${++sites}`;
      await server.prepare(id);
      const call = async (method: string, path: string, as: Viewer | null, body?: unknown) => {
        const headers: Record<string, string> = { Authorization: as ? `Bearer ${await server.token(id, as)}` : 'Anonymous' };
        if (body !== undefined) headers['Content-Type'] = 'application/json';
        const response = await server.app.request(`/v1/sites/${id}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
        const text = await response.text();
        return { status: response.status, json: (text === '' ? null : JSON.parse(text)) as Record<string, unknown> };
      };
      const post = async (body: string) => ((await call('POST', '/threads/t/comments', personas.member, { body })).json['comment'] as Comment).id;
      const edit = (comment: string, body: string) => call('PATCH', `/comments/${comment}`, personas.member, { body });
      const react = (comment: string, as: Viewer) => call('POST', `/comments/${comment}/reactions`, as, { key: THUMB, on: true });
      const moderate = (comment: string, action: string) => call('POST', '/moderation/actions', personas.moderator, { target: { kind: 'comment', id: comment }, action });
      const read = async (comment: string, as: Viewer | null) => {
        const answer = await call('GET', `/comments/${comment}`, as);
        return answer.status === 200 ? (answer.json as unknown as Comment) : null;
      };
      /** The comment as `as` saw it at `start`, with every event since applied in journal order, as a live reader has it. */
      const live = async (comment: string, as: Viewer | null, start: Comment | null) => {
        let current = start;
        for (const entry of await server.store.eventsSince(id, ['thread:t'], 0, 1000)) {
          for (const event of eventsFor(entry.payload, actorOf(as)) as RealtimeEvent[]) {
            if ((event.type === 'comment-added' || event.type === 'comment-updated') && event.comment.id === comment) current = event.comment;
            else if (event.type === 'reactions-changed' && event.commentId === comment && current) current = { ...current, reactions: event.reactions };
            else if (event.type === 'comment-deleted' && event.id === comment) current = null;
          }
        }
        return current;
      };
      /** Every viewer's live copy is the comment as stored, `mine` flags included. */
      const assertLiveAsStored = async (comment: string, first: Map<Viewer | null, Comment | null>) => {
        for (const [as, start] of first) {
          assert.deepEqual(shown(await live(comment, as, start)), shown(await read(comment, as)), `live copy of ${as?.id ?? 'an anonymous reader'}`);
        }
      };
      const viewers = [null, personas.member, personas.otherMember, personas.moderator];
      /** Each viewer's copy before the race, which the events are applied to. */
      const before = async (comment: string) => new Map(await Promise.all(viewers.map(async (as) => [as, await read(comment, as)] as const)));
      return { id, call, post, edit, react, moderate, read, live, before, assertLiveAsStored };
    }

    it('counts a reaction committed while another was on its way, in the answer and in the last event', async () => {
      const s = await site();
      const comment = await s.post('react to me');
      const first = await s.before(comment);
      const hold = holdNextTransaction(server.store);
      const reacting = s.react(comment, personas.otherMember);
      await hold.waiting;
      assert.equal((await s.react(comment, personas.moderator)).status, 200);
      hold.release();
      const answer = await reacting;
      assert.equal(answer.status, 200);
      assert.equal(thumbs(answer.json['reactions'] as Comment['reactions']), 2, 'the held reaction answers both');
      assert.equal(thumbs((await s.read(comment, null))?.reactions), 2);
      await s.assertLiveAsStored(comment, first);
    });

    it('counts reactions one writer at a time: one that waits inside its transaction sees the one before it', async () => {
      const s = await site();
      const comment = await s.post('react to me');
      const first = await s.before(comment);
      // The first reaction is held after it wrote, before its event; the second must not count without it.
      const hold = holdInsideNextTransaction(server.store, 'appendEvent');
      const firstReaction = s.react(comment, personas.otherMember);
      await hold.waiting;
      const second = s.react(comment, personas.moderator);
      await settledOrAfter(second, 500);
      hold.release();
      const answers = await Promise.all([firstReaction, second]);
      assert.deepEqual(answers.map((answer) => answer.status), [200, 200]);
      assert.deepEqual(answers.map((answer) => thumbs(answer.json['reactions'] as Comment['reactions'])).sort(), [1, 2]);
      await s.assertLiveAsStored(comment, first);
    });

    it('keeps a reaction in the event of an edit that was on its way when it committed', async () => {
      const s = await site();
      const comment = await s.post('original');
      const first = await s.before(comment);
      const hold = holdNextTransaction(server.store);
      const editing = s.edit(comment, 'edited');
      await hold.waiting;
      assert.equal((await s.react(comment, personas.otherMember)).status, 200);
      hold.release();
      const edited = await editing;
      assert.equal(edited.status, 200);
      assert.equal(thumbs(edited.json['reactions'] as Comment['reactions']), 1, 'the edit answers the reaction too');
      await s.assertLiveAsStored(comment, first);
    });

    it('keeps a reaction in the event of a pin that was on its way when it committed', async () => {
      const s = await site();
      const comment = await s.post('pin me');
      const first = await s.before(comment);
      const hold = holdNextTransaction(server.store);
      const pinning = s.moderate(comment, 'pin');
      await hold.waiting;
      assert.equal((await s.react(comment, personas.otherMember)).status, 200);
      hold.release();
      assert.equal((await pinning).status, 204);
      assert.equal((await s.read(comment, null))?.pinned, true);
      await s.assertLiveAsStored(comment, first);
    });

    it('keeps an edit and a pin for readers when a reaction read the comment before both', async () => {
      const s = await site();
      const comment = await s.post('original');
      const first = await s.before(comment);
      const hold = holdNextTransaction(server.store);
      const reacting = s.react(comment, personas.otherMember);
      await hold.waiting;
      assert.equal((await s.edit(comment, 'edited')).status, 200);
      assert.equal((await s.moderate(comment, 'pin')).status, 204);
      hold.release();
      assert.equal((await reacting).status, 200);
      const stored = await s.read(comment, null);
      assert.deepEqual([stored?.body, stored?.pinned, thumbs(stored?.reactions)], ['edited', true, 1]);
      await s.assertLiveAsStored(comment, first);
    });

    it('refuses a reaction to a comment deleted while it was on its way, leaving no reaction behind', async () => {
      const s = await site();
      const comment = await s.post('short-lived');
      const hold = holdNextTransaction(server.store);
      const reacting = s.react(comment, personas.otherMember);
      await hold.waiting;
      assert.equal((await s.call('DELETE', `/comments/${comment}`, personas.member)).status, 204);
      hold.release();
      assert.equal((await reacting).status, 404);
      assert.deepEqual(await server.store.listReactions(s.id, [comment]), []);
    });

    it('removes a reaction committed while the deletion was on its way', async () => {
      const s = await site();
      const parent = await s.post('deleted, with a reply');
      // A reply keeps the deleted comment in the thread as a placeholder, which readers still see.
      assert.equal((await s.call('POST', '/threads/t/comments', personas.otherMember, { body: 'reply', parentId: parent })).status, 201);
      const first = await s.before(parent);
      const hold = holdNextTransaction(server.store);
      const deleting = s.call('DELETE', `/comments/${parent}`, personas.member);
      await hold.waiting;
      assert.equal((await s.react(parent, personas.otherMember)).status, 200);
      hold.release();
      assert.equal((await deleting).status, 204);
      const stored = await s.read(parent, null);
      assert.deepEqual([stored?.deleted, stored?.reactions], [true, []]);
      assert.deepEqual(await server.store.listReactions(s.id, [parent]), [], 'a deleted comment keeps no reactions');
      await s.assertLiveAsStored(parent, first);
    });

    it('ends every reader on the stored comment when an edit, a pin and reactions are sent together, trial after trial', async () => {
      const s = await site();
      const differ: number[] = [];
      for (let trial = 0; trial < 10; trial++) {
        const comment = await s.post(`original ${trial}`);
        const first = await s.before(comment);
        await Promise.all([s.edit(comment, `edited ${trial}`), s.moderate(comment, 'pin'), s.react(comment, personas.otherMember), s.react(comment, personas.moderator)]);
        try {
          await s.assertLiveAsStored(comment, first);
        } catch {
          differ.push(trial);
        }
      }
      assert.deepEqual(differ, [], 'trials whose live copy differs from the stored comment');
    });
  });
}
