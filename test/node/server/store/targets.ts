/**
 * The databases the shared suites run against: a SQLite file in a fresh temporary folder, and,
 * when PLEIN_TEST_POSTGRES_URL is set, a fresh schema in that PostgreSQL database. Each `fresh()`
 * is an empty database of its own, so tests and reruns never see each other's rows.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../../../../src/server/store/schema.js';
import { openPostgresStore } from '../../../../src/server/store/postgres.js';
import { openSqliteDatabase, openSqliteStore } from '../../../../src/server/store/sqlite.js';
import { PleinSqliteDialect } from '../../../../src/server/store/sqlite-dialect.js';
import type { Dialect, PleinStore } from '../../../../src/server/store/types.js';

export interface FreshDatabase {
  dialect: Dialect;
  /** `openStore()` URL of this database, for child processes. */
  url: string;
  /** Opens another store (a new connection or pool) on this database; closed by `dispose`. */
  open(): Promise<PleinStore>;
  /** A bare Kysely on this database, for migration tests; destroyed by `dispose`. */
  kysely(): Kysely<Database>;
  /** Closes everything opened and deletes the database. */
  dispose(): Promise<void>;
}

export interface StoreTarget {
  name: string;
  dialect: Dialect;
  fresh(): Promise<FreshDatabase>;
}

export const POSTGRES_URL = process.env.PLEIN_TEST_POSTGRES_URL;

function tracker() {
  const stores: PleinStore[] = [];
  const kyselys: Kysely<Database>[] = [];
  return {
    store(store: PleinStore) {
      stores.push(store);
      return store;
    },
    kysely(db: Kysely<Database>) {
      kyselys.push(db);
      return db;
    },
    async closeAll() {
      await Promise.all(stores.map((store) => store.close().catch(() => undefined)));
      await Promise.all(kyselys.map((db) => db.destroy().catch(() => undefined)));
    },
  };
}

export const sqliteTarget: StoreTarget = {
  name: 'SQLite',
  dialect: 'sqlite',
  async fresh() {
    const dir = mkdtempSync(join(tmpdir(), 'plein-store-'));
    const file = join(dir, 'plein.db');
    const open = tracker();
    return {
      dialect: 'sqlite',
      url: `sqlite:${file}`,
      open: async () => open.store(await openSqliteStore({ file })),
      kysely: () => open.kysely(new Kysely<Database>({ dialect: new PleinSqliteDialect(openSqliteDatabase({ file })) })),
      async dispose() {
        await open.closeAll();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

let schemas = 0;

export function postgresTarget(url: string): StoreTarget {
  return {
    name: 'PostgreSQL',
    dialect: 'postgres',
    async fresh() {
      const schema = `plein_t${process.pid}_${Date.now().toString(36)}_${++schemas}`;
      await postgresQuery(url, `CREATE SCHEMA ${schema}`);
      const open = tracker();
      const withSchema = new URL(url);
      withSchema.searchParams.set('schema', schema);
      return {
        dialect: 'postgres',
        url: withSchema.toString(),
        open: async () => open.store(await openPostgresStore({ url, schema, max: 20 })),
        kysely() {
          const pool = new pg.Pool({ connectionString: url, options: `-c search_path=${schema}` });
          return open.kysely(new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }));
        },
        async dispose() {
          await open.closeAll();
          await postgresQuery(url, `DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        },
      };
    },
  };
}

export async function postgresQuery(url: string, text: string, values: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}

/** The targets this run covers: SQLite always, PostgreSQL when configured. */
export const targets: StoreTarget[] = [sqliteTarget, ...(POSTGRES_URL ? [postgresTarget(POSTGRES_URL)] : [])];

export type Fresh = () => Promise<FreshDatabase>;

/** Runs `fn` with a migrated store on a fresh database, then disposes of it. */
export async function withStore<T>(fresh: Fresh, fn: (store: PleinStore, db: FreshDatabase) => Promise<T>): Promise<T> {
  const db = await fresh();
  try {
    const store = await db.open();
    await store.migrate();
    return await fn(store, db);
  } finally {
    await db.dispose();
  }
}
