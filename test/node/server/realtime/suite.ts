/** The realtime tests every store dialect runs (PostgreSQL adds cross-instance tests of its own). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRealtime, type Realtime } from '../../../../src/server/realtime/realtime.js';
import type { PleinStore, StoredEvent } from '../../../../src/server/store/types.js';
import { withStore, type Fresh } from '../store/targets.js';

export async function withRealtime<T>(fresh: Fresh, fn: (realtime: Realtime, store: PleinStore) => Promise<T>): Promise<T> {
  return withStore(fresh, async (store) => {
    const realtime = createRealtime(store, { pruneIntervalMs: 0 });
    try {
      await realtime.ready;
      return await fn(realtime, store);
    } finally {
      await realtime.close();
    }
  });
}

export const payloads = (events: StoredEvent[]) => events.map((event) => event.payload);

export async function until(check: () => boolean, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export function runRealtimeSuite(name: string, fresh: Fresh): void {
  describe(`realtime on ${name}`, () => {
    it("publishes to the site's subscribers of the topic, in order, with the journal's ids", async () => {
      await withRealtime(fresh, async (realtime) => {
        const heard: StoredEvent[] = [];
        const elsewhere: StoredEvent[] = [];
        realtime.subscribe('blog', ['thread:a'], (event) => heard.push(event));
        realtime.subscribe('other', ['thread:a'], (event) => elsewhere.push(event));
        const published = [];
        for (const n of [1, 2, 3]) published.push(await realtime.publish('blog', 'thread:a', { n }));
        // Concurrent publishes are delivered in id order, which is the order they committed.
        published.push(...(await Promise.all([4, 5, 6].map((n) => realtime.publish('blog', 'thread:a', { n })))));
        await realtime.publish('blog', 'thread:b', 'not this');
        assert.deepEqual(heard, [...published].sort((x, y) => x.id - y.id));
        assert.deepEqual(payloads(heard.slice(0, 3)), [{ n: 1 }, { n: 2 }, { n: 3 }]);
        assert.deepEqual(elsewhere, []);
      });
    });

    it('replays exactly the events after an id on the given topics, oldest first', async () => {
      await withRealtime(fresh, async (realtime) => {
        const seen = await realtime.publish('blog', 'thread:a', 'seen');
        await realtime.publish('blog', 'thread:z', 'other topic');
        await realtime.publish('other', 'thread:a', 'other site');
        await realtime.publish('blog', 'thread:a', 'missed 1');
        await realtime.publish('blog', 'moderation', 'missed 2');
        const replay = await realtime.replay('blog', ['thread:a', 'moderation'], seen.id);
        assert.deepEqual(payloads(replay.events), ['missed 1', 'missed 2']);
        assert.equal(replay.complete, true);
        const none = await realtime.replay('blog', ['thread:a'], replay.events.at(-1)!.id);
        assert.deepEqual(none, { events: [], complete: true });
      });
    });

    it('says a replay is incomplete when the journal was pruned past the id, the id is unknown, or too much was missed', async () => {
      await withRealtime(fresh, async (realtime, store) => {
        const first = await realtime.publish('blog', 't', 1);
        for (let n = 2; n <= 5; n++) await realtime.publish('blog', 't', n);
        assert.equal((await realtime.replay('blog', ['t'], first.id, 3)).complete, false);
        assert.equal((await realtime.replay('blog', ['t'], first.id, 4)).complete, true);
        assert.equal((await realtime.replay('blog', ['t'], first.id + 1000)).complete, false);
        await store.pruneEvents(new Date(0).toISOString(), 2);
        const stale = await realtime.replay('blog', ['t'], first.id);
        assert.deepEqual([payloads(stale.events), stale.complete], [[4, 5], false]);
        const fine = await realtime.replay('blog', ['t'], first.id + 2);
        assert.deepEqual([payloads(fine.events), fine.complete], [[4, 5], true]);
      });
    });

    it('resumes with the missed events, then live ones, with no gap and no repeat while events keep coming', async () => {
      await withRealtime(fresh, async (realtime, store) => {
        const last = await realtime.publish('blog', 't', 0);
        for (let n = 1; n <= 20; n++) await realtime.publish('blog', 't', n);
        const heard: StoredEvent[] = [];
        const burst = Promise.all(Array.from({ length: 40 }, (_, i) => realtime.publish('blog', 't', 21 + i)));
        const { complete, unsubscribe } = await realtime.resume('blog', ['t'], last.id, (event) => heard.push(event));
        await burst;
        await realtime.publish('blog', 't', 61);
        await until(() => heard.length >= 61);
        unsubscribe();
        assert.equal(complete, true);
        // Exactly the journal after the resume point, in its order (concurrent publishes commit in any order).
        assert.deepEqual(heard, await store.eventsSince('blog', ['t'], last.id, 100));
        assert.deepEqual(payloads(heard).sort((x, y) => Number(x) - Number(y)), Array.from({ length: 61 }, (_, i) => i + 1));
      });
    });

    it('delivers events appended in a committed store transaction on flush, and never those rolled back', async () => {
      await withRealtime(fresh, async (realtime, store) => {
        const heard: unknown[] = [];
        realtime.subscribe('blog', ['t'], (event) => heard.push(event.payload));
        await store.transaction(async (tx) => {
          await tx.appendEvent({ siteId: 'blog', topic: 't', payload: 'in tx' });
        });
        await assert.rejects(
          store.transaction(async (tx) => {
            await tx.appendEvent({ siteId: 'blog', topic: 't', payload: 'rolled back' });
            throw new Error('abort');
          }),
        );
        await realtime.flush();
        await realtime.publish('blog', 't', 'after');
        assert.deepEqual(heard, ['in tx', 'after']);
      });
    });

    it('prunes the journal to its retention: age and count', async () => {
      await withStore(fresh, async (store) => {
        const realtime = createRealtime(store, { pruneIntervalMs: 0, retention: { maxAgeMs: 60_000, maxEvents: 3 } });
        try {
          await realtime.ready;
          const now = Date.parse('2026-11-27T12:00:00.000Z');
          const minutesAgo = (m: number) => new Date(now - m * 60_000).toISOString();
          for (const m of [10, 5, 0.5, 0.4, 0.3, 0.2]) await store.appendEvent({ siteId: 'blog', topic: 't', payload: m, at: minutesAgo(m) });
          assert.equal(await realtime.prune(now), 3);
          assert.deepEqual(payloads(await store.eventsAfter(0, 10)), [0.4, 0.3, 0.2]);
        } finally {
          await realtime.close();
        }
      });
    });

    it('delivers nothing more once closed', async () => {
      await withStore(fresh, async (store) => {
        const realtime = createRealtime(store, { pruneIntervalMs: 0 });
        await realtime.ready;
        const heard: unknown[] = [];
        realtime.subscribe('blog', ['t'], (event) => heard.push(event.payload));
        await realtime.publish('blog', 't', 'open');
        await realtime.close();
        await store.appendEvent({ siteId: 'blog', topic: 't', payload: 'closed' });
        await realtime.flush();
        await new Promise((resolve) => setTimeout(resolve, 50));
        assert.deepEqual(heard, ['open']);
      });
    });

    it('publishes to 5,000 subscribers of one topic, journal write included, within 150 ms', async () => {
      await withRealtime(fresh, async (realtime) => {
        let received = 0;
        let resolveAll = () => undefined as void;
        for (let i = 0; i < 5_000; i++) {
          realtime.subscribe('blog', ['thread:hot'], () => {
            if (++received % 5_000 === 0) resolveAll();
          });
        }
        await realtime.publish('blog', 'thread:hot', 'warm-up');
        const timings: number[] = [];
        for (let round = 0; round < 5; round++) {
          received = 0;
          const done = new Promise<void>((resolve) => (resolveAll = resolve));
          const started = performance.now();
          await realtime.publish('blog', 'thread:hot', { round });
          await done;
          timings.push(performance.now() - started);
        }
        timings.sort((a, b) => a - b);
        console.log(`${name}: publish → 5,000 subscribers: median ${timings[2]!.toFixed(2)} ms (${timings.map((t) => t.toFixed(1)).join(', ')})`);
        assert.ok(timings[2]! < 150, `median ${timings[2]} ms`);
      });
    });
  });
}
