/**
 * `openStore(url)`: `sqlite:path/to/file.db` (or `sqlite:///absolute/path.db`), `sqlite::memory:`, `postgres://…` (or
 * `postgresql://…`; an optional `?schema=name` keeps Plein's tables in that schema), or a plain
 * file path, which means SQLite. The store is not migrated: call `store.migrate()`.
 */
import { openPostgresStore } from './postgres.js';
import { openSqliteStore } from './sqlite.js';
import type { PleinStore } from './types.js';

export type * from './types.js';
export { createKyselyStore, type KyselyStoreOptions } from './kysely-store.js';
export { migrate, schemaVersion, SchemaTooNewError } from './migrate.js';
export { openPostgresStore, type PostgresStoreOptions } from './postgres.js';
export { openSqliteStore, type SqliteStoreOptions } from './sqlite.js';

export async function openStore(url: string): Promise<PleinStore> {
  if (/^postgres(ql)?:\/\//i.test(url)) {
    const parsed = new URL(url);
    const schema = parsed.searchParams.get('schema') ?? undefined;
    parsed.searchParams.delete('schema');
    return openPostgresStore({ url: parsed.toString(), ...(schema === undefined ? {} : { schema }) });
  }
  const file = url.startsWith('sqlite://') ? url.slice('sqlite://'.length) : url.startsWith('sqlite:') ? url.slice('sqlite:'.length) : url;
  if (file === '') throw new Error('A SQLite store needs a file: sqlite:path/to/plein.db');
  return openSqliteStore({ file });
}
