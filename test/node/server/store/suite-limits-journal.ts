import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { T0, at } from './fixtures.js';
import { runChild } from './run-child.js';
import { withStore, type Fresh } from './targets.js';

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const sorted = (counts: number[]) => [...counts].sort((a, b) => a - b);

export function limitAndJournalTests(fresh: Fresh): void {
  describe('rate limits', () => {
    it('counts hits in a window that starts at the first hit and starts over once it ends', async () => {
      await withStore(fresh, async (store) => {
        assert.deepEqual(await store.hit('blog:ip:h1', 10_000, T0), { count: 1, resetAt: T0 + 10_000 });
        assert.deepEqual(await store.hit('blog:ip:h1', 10_000, T0 + 9_999), { count: 2, resetAt: T0 + 10_000 });
        assert.deepEqual(await store.hit('blog:ip:h2', 10_000, T0 + 5), { count: 1, resetAt: T0 + 10_005 });
        assert.deepEqual(await store.hit('blog:ip:h1', 10_000, T0 + 10_000), { count: 1, resetAt: T0 + 20_000 });
      });
    });

    it('counts 200 concurrent hits on one key exactly once each', async () => {
      await withStore(fresh, async (store) => {
        const hits = await Promise.all(range(200).map(() => store.hit('hot', 60_000, T0)));
        assert.deepEqual(sorted(hits.map((hit) => hit.count)), range(200));
        assert.ok(hits.every((hit) => hit.resetAt === T0 + 60_000));
      });
    });

    it('counts concurrent hits from two store instances on one database exactly', async () => {
      await withStore(fresh, async (store, db) => {
        const other = await db.open();
        const hits = await Promise.all(range(200).map((i) => (i % 2 ? store : other).hit('shared', 60_000, T0)));
        assert.deepEqual(sorted(hits.map((hit) => hit.count)), range(200));
      });
    });

    it('counts concurrent hits from two processes on one database exactly', async () => {
      await withStore(fresh, async (_store, db) => {
        const args = ['hit', db.url, 'procs', '100', '60000', String(T0)];
        const outputs = await Promise.all([runChild(args), runChild(args)]);
        const counts = outputs.flatMap((out) => JSON.parse(out) as number[]);
        assert.deepEqual(sorted(counts), range(200));
      });
    });

    it('forgets only the windows that have ended', async () => {
      await withStore(fresh, async (store) => {
        await store.hit('old', 1_000, T0);
        await store.hit('new', 60_000, T0);
        assert.equal(await store.pruneRateLimits(T0 + 1_000), 1);
        assert.equal((await store.hit('new', 60_000, T0 + 2_000)).count, 2);
        assert.equal((await store.hit('old', 1_000, T0 + 2_000)).count, 1);
      });
    });
  });

  describe('event journal', () => {
    it('hands out increasing ids and returns payloads as appended', async () => {
      await withStore(fresh, async (store) => {
        const payloads = [{ type: 'comment-added', comment: { id: 'c1', body: 'héllo 👋' } }, 'text', 7, null, [1, 'two']];
        const events = [];
        for (const payload of payloads) events.push(await store.appendEvent({ siteId: 'blog', topic: 'thread:a', payload }));
        assert.deepEqual(events.map((event) => event.payload), payloads);
        for (let i = 1; i < events.length; i++) assert.ok(events[i]!.id > events[i - 1]!.id);
        assert.deepEqual(await store.eventsSince('blog', ['thread:a'], 0, 100), events);
        assert.match(events[0]!.at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      });
    });

    it("returns one site's events on the given topics after an id, oldest first, up to a limit", async () => {
      await withStore(fresh, async (store) => {
        const a1 = await store.appendEvent({ siteId: 'blog', topic: 'thread:a', payload: 'a1' });
        const b1 = await store.appendEvent({ siteId: 'blog', topic: 'thread:b', payload: 'b1' });
        await store.appendEvent({ siteId: 'other', topic: 'thread:a', payload: 'x' });
        await store.appendEvent({ siteId: 'blog', topic: 'thread:c', payload: 'c1' });
        const a2 = await store.appendEvent({ siteId: 'blog', topic: 'thread:a', payload: 'a2' });
        const payloads = async (after: number, limit = 100) =>
          (await store.eventsSince('blog', ['thread:a', 'thread:b'], after, limit)).map((event) => event.payload);
        assert.deepEqual(await payloads(0), ['a1', 'b1', 'a2']);
        assert.deepEqual(await payloads(a1.id), ['b1', 'a2']);
        assert.deepEqual(await payloads(b1.id), ['a2']);
        assert.deepEqual(await payloads(a2.id), []);
        assert.deepEqual(await payloads(0, 2), ['a1', 'b1']);
        assert.deepEqual(await store.eventsSince('blog', [], 0, 10), []);
        assert.deepEqual((await store.eventsAfter(a1.id, 2)).map((event) => event.payload), ['b1', 'x']);
      });
    });

    it('knows its bounds, empty or not', async () => {
      await withStore(fresh, async (store) => {
        assert.deepEqual(await store.journalBounds(), { first: null, last: 0 });
        const first = await store.appendEvent({ siteId: 'blog', topic: 't', payload: 1 });
        const last = await store.appendEvent({ siteId: 'blog', topic: 't', payload: 2 });
        assert.deepEqual(await store.journalBounds(), { first: first.id, last: last.id });
      });
    });

    it('prunes the oldest events by age and by count, always a prefix and never the newest', async () => {
      await withStore(fresh, async (store) => {
        const events = [];
        for (const [i, seconds] of [0, 10, 5, 20, 30, 40].entries()) {
          events.push(await store.appendEvent({ siteId: 'blog', topic: 't', payload: i, at: at(seconds) }));
        }
        // The event at 5 s follows one at 10 s: pruning up to it takes the newer one too.
        assert.equal(await store.pruneEvents(at(6)), 3);
        assert.deepEqual((await store.eventsAfter(0, 10)).map((event) => event.payload), [3, 4, 5]);
        assert.equal(await store.pruneEvents(at(0), 2), 1);
        assert.deepEqual((await store.eventsAfter(0, 10)).map((event) => event.payload), [4, 5]);
        assert.equal(await store.pruneEvents(at(999)), 1);
        assert.deepEqual(await store.journalBounds(), { first: events[5]!.id, last: events[5]!.id });
        assert.equal(await store.pruneEvents(at(999), 0), 0);
        const next = await store.appendEvent({ siteId: 'blog', topic: 't', payload: 6 });
        assert.ok(next.id > events[5]!.id, 'ids are never reused after pruning');
      });
    });
  });
}
