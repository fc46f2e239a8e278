/**
 * PostgreSQL store (pg Pool), for production and for several server instances on one database.
 * With `synchronous_commit = on` (the default) a commit returns only once it is flushed to the
 * WAL, so acknowledged writes are durable.
 */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { createKyselyStore } from './kysely-store.js';
import { pgNotifications } from './pg-notifications.js';
import type { Database } from './schema.js';
import type { PleinStore } from './types.js';

export interface PostgresStoreOptions {
  /** `postgres://user:password@host:port/database` */
  url: string;
  /**
   * Keep Plein's tables in this schema (created when missing) instead of the user's default
   * search path; lower-case letters, digits and `_`. Also names the NOTIFY channel, so
   * deployments sharing a database stay apart.
   */
  schema?: string;
  /** Pool size; default 10. */
  max?: number;
  /** Errors of idle pooled connections (a restarted server); the pool replaces them. */
  onError?: (error: Error) => void;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,47}$/;

async function ensureSchema(config: pg.ClientConfig, schema: string): Promise<void> {
  const client = new pg.Client(config);
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${client.escapeIdentifier(schema)}`);
  } catch (error) {
    // Two instances creating it at once: one wins, the other sees a duplicate.
    if ((error as { code?: string }).code !== '23505' && (error as { code?: string }).code !== '42P06') throw error;
  } finally {
    await client.end();
  }
}

export async function openPostgresStore(options: PostgresStoreOptions): Promise<PleinStore> {
  const { schema } = options;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(`Schema name ${JSON.stringify(schema)}: use lower-case letters, digits and "_".`);
  }
  const config: pg.ClientConfig = {
    connectionString: options.url,
    application_name: 'plein',
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  };
  if (schema !== undefined) await ensureSchema({ connectionString: options.url }, schema);
  const pool = new pg.Pool({ ...config, max: options.max ?? 10 });
  pool.on('error', (error) => options.onError?.(error));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const channel = schema === undefined ? 'plein_events' : `plein_events_${schema}`;
  return createKyselyStore(db, 'postgres', { notifications: pgNotifications(config, channel) });
}
