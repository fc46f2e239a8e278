import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openPostgresStore } from '../../../../src/server/store/postgres.js';
import { runStoreSuite } from './suite.js';
import { POSTGRES_URL, postgresQuery, postgresTarget, withStore } from './targets.js';

const skip = POSTGRES_URL ? false : 'set PLEIN_TEST_POSTGRES_URL (see scripts/with-postgres.sh)';
const url = POSTGRES_URL ?? '';
const fresh = () => postgresTarget(url).fresh();

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

if (POSTGRES_URL) runStoreSuite('PostgreSQL', fresh);

describe('PostgreSQL specifics', { skip }, () => {
  it('commits event ids in order: an append waits while another transaction holds an uncommitted one', async () => {
    await withStore(fresh, async (store, db) => {
      const other = await db.open();
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let appended!: (id: number) => void;
      const first = new Promise<number>((resolve) => (appended = resolve));
      const tx = store.transaction(async (trx) => {
        appended((await trx.appendEvent({ siteId: 'blog', topic: 't', payload: 'first' })).id);
        await held;
      });
      const firstId = await first;
      let secondId = 0;
      const second = other.appendEvent({ siteId: 'blog', topic: 't', payload: 'second' }).then((event) => (secondId = event.id));
      await tick(150);
      assert.equal(secondId, 0, 'the second append waits for the first to commit');
      assert.deepEqual(await other.eventsAfter(0, 10), []);
      release();
      await tx;
      await second;
      assert.ok(secondId > firstId);
      assert.deepEqual((await other.eventsAfter(0, 10)).map((event) => event.payload), ['first', 'second']);
    });
  });

  it('notifies listeners with the event id when the append commits, not before', async () => {
    await withStore(fresh, async (store) => {
      const heard: string[] = [];
      const connection = await store.notifications!.connect((payload) => heard.push(payload), () => undefined);
      try {
        let release!: () => void;
        const held = new Promise<void>((resolve) => (release = resolve));
        let id = 0;
        const tx = store.transaction(async (trx) => {
          id = (await trx.appendEvent({ siteId: 'blog', topic: 't', payload: null })).id;
          await held;
        });
        await tick(100);
        assert.deepEqual(heard, []);
        release();
        await tx;
        for (let i = 0; i < 50 && heard.length === 0; i++) await tick(10);
        assert.deepEqual(heard, [String(id)]);
      } finally {
        await connection.close();
      }
    });
  });

  it('keeps its tables in its own schema and refuses schema names it cannot quote safely', async () => {
    await withStore(fresh, async (store, db) => {
      const schema = new URL(db.url).searchParams.get('schema');
      const tables = await postgresQuery(url, 'select table_schema from information_schema.tables where table_name = $1', ['plein_events']);
      assert.ok(tables.rows.some((row: { table_schema: string }) => row.table_schema === schema));
      assert.equal(store.notifications?.channel, `plein_events_${schema}`);
      await assert.rejects(openPostgresStore({ url, schema: 'x; drop table y' }), /Schema name/);
    });
  });
});
