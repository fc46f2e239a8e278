import { Database, type DatabaseConfig } from './database.js';

/**
 * The databases of one page, by namespace, counted by the adapter instances using them. When the
 * last instance of a namespace is disposed the database is dropped, so the next instance starts
 * from storage (or the seed): that is what makes "the data survives re-creation" observable.
 */
export class DatabaseRegistry {
  #entries = new Map<string, { db: Database; refs: number }>();

  acquire(config: DatabaseConfig): Database {
    const entry = this.#entries.get(config.namespace);
    if (entry) {
      if (entry.db.persist !== config.persist) {
        console.warn(
          `[plein/memory] namespace "${config.namespace}" is already open with persist: ${entry.db.persist}; ` +
            'instances of one namespace share its data and that setting.',
        );
      }
      entry.refs++;
      return entry.db;
    }
    const db = new Database(config);
    this.#entries.set(config.namespace, { db, refs: 1 });
    return db;
  }

  /** Gives back a database; releasing one that was already dropped does nothing. */
  release(db: Database): void {
    const entry = this.#entries.get(db.namespace);
    if (!entry || entry.db !== db) return;
    if (--entry.refs > 0) return;
    this.#entries.delete(db.namespace);
    db.close();
  }

  isOpen(namespace: string): boolean {
    return this.#entries.has(namespace);
  }
}

/** The registry of this page: every `createMemoryAdapter()` shares it. */
export const pageRegistry = new DatabaseRegistry();
