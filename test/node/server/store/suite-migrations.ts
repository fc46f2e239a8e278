import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { migrate, schemaVersion, SchemaTooNewError } from '../../../../src/server/store/migrate.js';
import { MIGRATIONS, type Migration } from '../../../../src/server/store/migrations/index.js';
import { runChild } from './run-child.js';
import type { Fresh, FreshDatabase } from './targets.js';

const LATEST = MIGRATIONS.length;

async function recorded(db: FreshDatabase) {
  const kysely = db.kysely();
  return kysely.selectFrom('plein_migrations').select(['version', 'name']).orderBy('version').execute();
}

async function tableExists(db: FreshDatabase, table: string): Promise<boolean> {
  const kysely = db.kysely();
  try {
    await sql`select count(*) from ${sql.table(table)}`.execute(kysely);
    return true;
  } catch {
    return false;
  }
}

const extra = (up: Migration['up']): Migration => ({ version: LATEST + 1, name: 'extra', up });

export function migrationTests(fresh: Fresh): void {
  describe('migrations', () => {
    it('creates the schema on an empty database and records each version once', async () => {
      const db = await fresh();
      try {
        const store = await db.open();
        assert.equal(await schemaVersion(db.kysely()), 0);
        assert.equal(await store.migrate(), LATEST);
        assert.equal(await schemaVersion(db.kysely()), LATEST);
        assert.deepEqual(
          (await recorded(db)).map((row) => [Number(row.version), row.name]),
          MIGRATIONS.map((migration) => [migration.version, migration.name]),
        );
        for (const table of ['plein_sites', 'plein_comments', 'plein_reactions', 'plein_audit', 'plein_rate_limits', 'plein_events']) {
          assert.ok(await tableExists(db, table), table);
        }
      } finally {
        await db.dispose();
      }
    });

    it('is idempotent: migrating again changes nothing and keeps the data', async () => {
      const db = await fresh();
      try {
        const store = await db.open();
        await store.migrate();
        await store.appendEvent({ siteId: 's', topic: 't', payload: 1 });
        assert.equal(await store.migrate(), LATEST);
        assert.equal(await (await db.open()).migrate(), LATEST);
        assert.equal((await recorded(db)).length, LATEST);
        assert.equal((await store.journalBounds()).last, 1);
      } finally {
        await db.dispose();
      }
    });

    it('applies each migration once when two processes migrate the same empty database at once', async () => {
      const db = await fresh();
      try {
        const versions = await Promise.all([runChild(['migrate', db.url]), runChild(['migrate', db.url])]);
        assert.deepEqual(versions.map((out) => Number(out.trim())), [LATEST, LATEST]);
        assert.equal((await recorded(db)).length, LATEST);
      } finally {
        await db.dispose();
      }
    });

    it('applies a new migration on top without re-running the earlier ones', async () => {
      const db = await fresh();
      try {
        const kysely = db.kysely();
        await migrate(kysely, db.dialect);
        const version = await migrate(kysely, db.dialect, [
          ...MIGRATIONS,
          extra(async (trx) => {
            await trx.schema.createTable('plein_extra').addColumn('id', 'text').execute();
          }),
        ]);
        assert.equal(version, LATEST + 1);
        assert.ok(await tableExists(db, 'plein_extra'));
        assert.equal((await recorded(db)).length, LATEST + 1);
      } finally {
        await db.dispose();
      }
    });

    it('rolls a failing migration back completely and records nothing for it', async () => {
      const db = await fresh();
      try {
        const kysely = db.kysely();
        await migrate(kysely, db.dialect);
        const failing = extra(async (trx) => {
          await trx.schema.createTable('plein_half').addColumn('id', 'text').execute();
          throw new Error('boom');
        });
        await assert.rejects(migrate(kysely, db.dialect, [...MIGRATIONS, failing]), /boom/);
        assert.equal(await tableExists(db, 'plein_half'), false);
        assert.equal((await recorded(db)).length, LATEST);
      } finally {
        await db.dispose();
      }
    });

    it('refuses a database migrated by a newer server and leaves it alone', async () => {
      const db = await fresh();
      try {
        const kysely = db.kysely();
        await migrate(kysely, db.dialect, [...MIGRATIONS, extra(async () => undefined)]);
        const store = await db.open();
        await assert.rejects(store.migrate(), (error: unknown) => error instanceof SchemaTooNewError && error.found === LATEST + 1);
        assert.equal((await recorded(db)).length, LATEST + 1);
      } finally {
        await db.dispose();
      }
    });
  });
}
