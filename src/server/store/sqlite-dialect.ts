import type BetterSqlite3 from 'better-sqlite3';
import { SqliteDialect, type Driver } from 'kysely';
import { GroupCommitSqliteDriver } from './sqlite-driver.js';

/** Kysely's SQLite dialect with Plein's driver (group commit, `BEGIN IMMEDIATE`, first come first served). */
export class PleinSqliteDialect extends SqliteDialect {
  readonly #database: BetterSqlite3.Database;

  constructor(database: BetterSqlite3.Database) {
    super({ database });
    this.#database = database;
  }

  override createDriver(): Driver {
    return new GroupCommitSqliteDriver(this.#database);
  }
}
