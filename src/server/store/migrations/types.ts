import type { Kysely } from 'kysely';
import type { Dialect } from '../types.js';
import type { Database } from '../schema.js';

/** Column types that differ between the dialects; migrations use these, never a dialect test of their own. */
export interface ColumnTypes {
  dialect: Dialect;
  /** JSON documents: TEXT in SQLite, JSONB in PostgreSQL. */
  json: 'text' | 'jsonb';
  /** INTEGER 0/1 in SQLite, BOOLEAN in PostgreSQL. */
  bool: 'integer' | 'boolean';
  /** Epoch milliseconds and other values beyond 32 bits. */
  bigint: 'integer' | 'bigint';
  /** An auto-increment primary key: INTEGER PRIMARY KEY AUTOINCREMENT (ids never reused) or BIGSERIAL. */
  serial: 'integer' | 'bigserial';
}

export function columnTypes(dialect: Dialect): ColumnTypes {
  return dialect === 'postgres'
    ? { dialect, json: 'jsonb', bool: 'boolean', bigint: 'bigint', serial: 'bigserial' }
    : { dialect, json: 'text', bool: 'integer', bigint: 'integer', serial: 'integer' };
}

/**
 * One schema change. `version` orders them and is what `plein_migrations` records; a migration
 * never changes once released (add a new one instead). `up` runs inside the migration transaction.
 */
export interface Migration {
  version: number;
  name: string;
  up(db: Kysely<Database>, types: ColumnTypes): Promise<void>;
}
