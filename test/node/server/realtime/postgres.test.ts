import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRealtime, type Realtime } from '../../../../src/server/realtime/realtime.js';
import { openPostgresStore } from '../../../../src/server/store/postgres.js';
import type { StoredEvent } from '../../../../src/server/store/types.js';
import { POSTGRES_URL, postgresQuery, postgresTarget, withStore } from '../store/targets.js';
import { payloads, runRealtimeSuite, until } from './suite.js';

const skip = POSTGRES_URL ? false : 'set PLEIN_TEST_POSTGRES_URL (see scripts/with-postgres.sh)';
const url = POSTGRES_URL ?? '';
const fresh = () => postgresTarget(url).fresh();

if (POSTGRES_URL) runRealtimeSuite('PostgreSQL', fresh);

/** Two instances, as two server processes would have: each its own pool, LISTEN connection and hub. */
async function withTwoInstances(fn: (a: Realtime, b: Realtime, channel: string) => Promise<void>): Promise<void> {
  await withStore(fresh, async (storeA, db) => {
    const storeB = await db.open();
    const a = createRealtime(storeA, { pruneIntervalMs: 0, listener: { retryMs: 20 } });
    const b = createRealtime(storeB, { pruneIntervalMs: 0, listener: { retryMs: 20 } });
    try {
      await Promise.all([a.ready, b.ready]);
      await fn(a, b, storeA.notifications!.channel);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
}

describe('realtime across PostgreSQL instances', { skip }, () => {
  it('delivers what one instance publishes to subscribers on the other, in order', async () => {
    await withTwoInstances(async (a, b) => {
      const onB: StoredEvent[] = [];
      b.subscribe('blog', ['thread:a'], (event) => onB.push(event));
      const published = [];
      for (let n = 1; n <= 50; n++) published.push(await a.publish('blog', 'thread:a', n));
      await until(() => onB.length >= 50);
      assert.deepEqual(onB, published);
    });
  });

  it('gives both instances the same order when both publish at once', async () => {
    await withTwoInstances(async (a, b) => {
      const onA: number[] = [];
      const onB: number[] = [];
      a.subscribe('blog', ['t'], (event) => onA.push(event.id));
      b.subscribe('blog', ['t'], (event) => onB.push(event.id));
      await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 ? a : b).publish('blog', 't', i)));
      await until(() => onA.length >= 60 && onB.length >= 60);
      assert.deepEqual(onA, onB);
      assert.deepEqual(onA, [...onA].sort((x, y) => x - y));
      assert.equal(new Set(onA).size, 60);
    });
  });

  it('resumes on one instance from what was published on the other', async () => {
    await withTwoInstances(async (a, b) => {
      const seen = await a.publish('blog', 't', 'seen');
      await a.publish('blog', 't', 'missed');
      const heard: StoredEvent[] = [];
      const { complete, unsubscribe } = await b.resume('blog', ['t'], seen.id, (event) => heard.push(event));
      await a.publish('blog', 't', 'live');
      await until(() => heard.length >= 2);
      unsubscribe();
      assert.equal(complete, true);
      assert.deepEqual(payloads(heard), ['missed', 'live']);
    });
  });

  it('reconnects after losing its LISTEN connection and delivers what was published meanwhile', async () => {
    await withTwoInstances(async (a, b, channel) => {
      const onB: unknown[] = [];
      b.subscribe('blog', ['t'], (event) => onB.push(event.payload));
      await a.publish('blog', 't', 'before');
      await until(() => onB.length === 1);
      // Kill both instances' LISTEN connections, as a failover or an idle-connection killer would.
      const killed = await postgresQuery(url, 'select pg_terminate_backend(pid) from pg_stat_activity where query = $1', [`LISTEN "${channel}"`]);
      assert.equal(killed.rowCount, 2);
      await a.publish('blog', 't', 'while down');
      await a.publish('blog', 't', 'after');
      await until(() => onB.length === 3, 5000);
      assert.deepEqual(onB, ['before', 'while down', 'after']);
    });
  });
});

describe('realtime on an unreachable PostgreSQL', () => {
  it('fails to become ready, without crashing the process, and publishes nothing', async () => {
    // Port 1 on loopback refuses connections; the pool itself connects only when used.
    const store = await openPostgresStore({ url: 'postgres://postgres@127.0.0.1:1/none' });
    const errors: unknown[] = [];
    const realtime = createRealtime(store, { pruneIntervalMs: 0, onError: (error) => errors.push(error) });
    try {
      await assert.rejects(realtime.ready, /ECONNREFUSED/);
      await assert.rejects(realtime.publish('blog', 't', 1), /ECONNREFUSED/);
      assert.ok(errors.length >= 1);
    } finally {
      await realtime.close();
      await store.close();
    }
  });
});
