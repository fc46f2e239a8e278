/**
 * Versioned migrations recorded in `plein_migrations` (version, name, applied_at). Everything
 * runs in one transaction holding the database's write lock (SQLite `BEGIN IMMEDIATE`,
 * PostgreSQL an advisory lock), so instances starting together apply each migration once and a
 * failed migration leaves the schema as it was (DDL is transactional in both).
 */
import { sql, type Kysely } from 'kysely';
import { MIGRATIONS, columnTypes, type Migration } from './migrations/index.js';
import type { Database } from './schema.js';
import type { Dialect } from './types.js';

/** Any constant shared by every instance; spells "plein". */
const MIGRATION_LOCK = 0x706c65696e;

export class SchemaTooNewError extends Error {
  override readonly name = 'SchemaTooNewError';
  constructor(readonly found: number, readonly known: number) {
    super(`The database has schema version ${found}; this server knows up to ${known}. Upgrade the server.`);
  }
}

/** Applies the migrations not yet recorded; returns the schema version. */
export async function migrate(db: Kysely<Database>, dialect: Dialect, migrations: readonly Migration[] = MIGRATIONS): Promise<number> {
  const known = migrations.reduce((max, migration) => Math.max(max, migration.version), 0);
  return db.transaction().execute(async (trx) => {
    if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx);
    await trx.schema
      .createTable('plein_migrations')
      .ifNotExists()
      .addColumn('version', 'integer', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('applied_at', 'text', (c) => c.notNull())
      .execute();
    const applied = new Set((await trx.selectFrom('plein_migrations').select('version').execute()).map((row) => Number(row.version)));
    const newest = Math.max(0, ...applied);
    if (newest > known) throw new SchemaTooNewError(newest, known);
    const types = columnTypes(dialect);
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(migration.version)) continue;
      await migration.up(trx, types);
      await trx
        .insertInto('plein_migrations')
        .values({ version: migration.version, name: migration.name, applied_at: new Date().toISOString() })
        .execute();
    }
    return Math.max(newest, known);
  });
}

/** The recorded schema version, 0 for an empty database. */
export async function schemaVersion(db: Kysely<Database>): Promise<number> {
  try {
    const row = await db.selectFrom('plein_migrations').select((eb) => eb.fn.max('version').as('version')).executeTakeFirst();
    return Number(row?.version ?? 0);
  } catch {
    return 0;
  }
}
