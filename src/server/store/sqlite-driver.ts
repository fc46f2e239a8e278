/**
 * The SQLite driver: one better-sqlite3 connection, with group commit.
 *
 * With `synchronous = FULL` every commit waits for an fsync, on the main thread. So work is
 * grouped: units (a batch of single queries, or one explicit transaction) run one after the
 * other inside one outer `BEGIN IMMEDIATE` transaction, each explicit transaction in a
 * savepoint of its own; the outer transaction commits when nobody is waiting for the
 * connection any more (or the group is big or old enough). One fsync then acknowledges every
 * unit of the group: a query's result and a transaction's commit resolve only after that
 * commit, and if it fails, they all reject. A unit that fails alone (a constraint, a thrown
 * error in a transaction) is undone alone: SQLite undoes the statement, or we roll back to
 * the unit's savepoint.
 *
 * Units are served first come, first served. A transaction has the connection to itself until
 * it ends, so inside it use only its own `tx` (a query on the outer store would wait for it).
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { CompiledQuery, DatabaseConnection, Driver, QueryResult } from 'kysely';
import { FifoLock } from './fifo-lock.js';

/** Most single queries taken into one unit. */
const MAX_QUERIES = 1000;
/** A group commits once it holds this many units or is this old, even if more are waiting. */
const MAX_UNITS = 200;
const MAX_GROUP_MS = 20;
const STATEMENT_CACHE = 256;
const SAVEPOINT = 'plein_unit';

interface Queued {
  query: CompiledQuery;
  resolve: (result: QueryResult<unknown>) => void;
  reject: (error: unknown) => void;
}

interface Waiting {
  resolve: () => void;
  reject: (error: unknown) => void;
}

class Handle implements DatabaseConnection {
  inTransaction = false;
  constructor(readonly driver: GroupCommitSqliteDriver) {}

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return this.driver.execute(this, query) as Promise<QueryResult<R>>;
  }

  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    const { rows } = await this.executeQuery<R>(query);
    for (const row of rows) yield { rows: [row] };
  }
}

export class GroupCommitSqliteDriver implements Driver {
  readonly #db: BetterSqlite3.Database;
  readonly #lock = new FifoLock();
  readonly #statements = new Map<string, BetterSqlite3.Statement>();
  #queue: Queued[] = [];
  #scheduled = false;
  /** The outer transaction of the current group. */
  #group: { units: number; since: number; waiting: Waiting[] } | null = null;

  constructor(db: BetterSqlite3.Database) {
    this.#db = db;
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new Handle(this);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await this.#lock.lock();
    try {
      this.#openGroup();
      this.#db.exec(`savepoint ${SAVEPOINT}`);
    } catch (error) {
      this.#release();
      throw error;
    }
    (connection as Handle).inTransaction = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const handle = connection as Handle;
    if (!handle.inTransaction) return;
    handle.inTransaction = false;
    let durable: Promise<void>;
    try {
      this.#db.exec(`release ${SAVEPOINT}`);
      durable = this.#whenCommitted();
    } catch (error) {
      this.#undoUnit();
      this.#release();
      throw error;
    }
    this.#release();
    await durable;
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const handle = connection as Handle;
    if (!handle.inTransaction) return;
    handle.inTransaction = false;
    try {
      this.#undoUnit();
    } finally {
      this.#release();
    }
  }

  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {
    await this.#lock.lock();
    try {
      this.#runQueries(this.#queue.splice(0));
      this.#commitGroup();
      this.#db.close();
    } finally {
      this.#lock.unlock();
    }
  }

  execute(handle: Handle, query: CompiledQuery): Promise<QueryResult<unknown>> {
    if (handle.inTransaction) {
      try {
        return Promise.resolve(this.#run(query));
      } catch (error) {
        return Promise.reject(error);
      }
    }
    return new Promise((resolve, reject) => {
      this.#queue.push({ query, resolve, reject });
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    // setImmediate, not a microtask: the unit takes in every request handled in this I/O phase.
    setImmediate(() => void this.#flush());
  }

  async #flush(): Promise<void> {
    await this.#lock.lock();
    this.#scheduled = false;
    try {
      const batch = this.#queue.splice(0, MAX_QUERIES);
      if (this.#queue.length > 0) this.#schedule();
      this.#runQueries(batch);
    } finally {
      this.#release();
    }
  }

  #runQueries(batch: Queued[]): void {
    if (batch.length === 0) return;
    // Reads with no group open see only committed data: nothing to wait for.
    if (!this.#group && batch.every(({ query }) => this.#prepare(query.sql)?.readonly === true)) {
      for (const item of batch) {
        try {
          item.resolve(this.#run(item.query));
        } catch (error) {
          item.reject(error);
        }
      }
      return;
    }
    try {
      this.#openGroup();
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    for (const item of batch) {
      let result: QueryResult<unknown>;
      try {
        result = this.#run(item.query);
      } catch (error) {
        item.reject(error);
        continue;
      }
      this.#whenCommitted().then(() => item.resolve(result), item.reject);
    }
    this.#checkGroup();
  }

  #openGroup(): void {
    if (this.#group) {
      this.#group.units++;
      return;
    }
    this.#db.exec('begin immediate');
    this.#group = { units: 1, since: Date.now(), waiting: [] };
  }

  #whenCommitted(): Promise<void> {
    const group = this.#group;
    if (!group) return Promise.resolve();
    return new Promise((resolve, reject) => group.waiting.push({ resolve, reject }));
  }

  /** Rolls back to the unit's savepoint, if the group is still there. */
  #undoUnit(): void {
    if (this.#db.inTransaction) {
      this.#db.exec(`rollback to ${SAVEPOINT}`);
      this.#db.exec(`release ${SAVEPOINT}`);
    }
    this.#checkGroup();
  }

  /** Some errors (disk full, I/O) roll the whole transaction back: then the group wrote nothing. */
  #checkGroup(): void {
    if (this.#group && !this.#db.inTransaction) this.#failGroup(new Error('SQLite rolled the write group back.'));
  }

  #failGroup(error: unknown): void {
    const group = this.#group;
    this.#group = null;
    for (const waiter of group?.waiting ?? []) waiter.reject(error);
  }

  /** Ends a unit: the next waiter joins the open group, unless it should commit now. */
  #release(): void {
    const group = this.#group;
    if (group) {
      const more = this.#lock.waiting > 0 && group.units < MAX_UNITS && Date.now() - group.since < MAX_GROUP_MS;
      if (!more) this.#commitGroup();
    }
    // Hand over on the next turn of the event loop. better-sqlite3 answers synchronously, so
    // transactions handing the connection to each other through promises alone would run in
    // one endless microtask chain and starve sockets, timers and the query batches.
    setImmediate(() => this.#lock.unlock());
  }

  #commitGroup(): void {
    const group = this.#group;
    if (!group) return;
    try {
      this.#db.exec('commit');
    } catch (error) {
      if (this.#db.inTransaction) this.#db.exec('rollback');
      this.#failGroup(error);
      return;
    }
    this.#group = null;
    for (const waiter of group.waiting) waiter.resolve();
  }

  #prepare(sql: string): BetterSqlite3.Statement | null {
    let statement = this.#statements.get(sql);
    if (!statement) {
      try {
        statement = this.#db.prepare(sql);
      } catch {
        return null;
      }
      if (this.#statements.size >= STATEMENT_CACHE) this.#statements.delete(this.#statements.keys().next().value!);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  #run(query: CompiledQuery): QueryResult<unknown> {
    const statement = this.#prepare(query.sql) ?? this.#db.prepare(query.sql);
    const parameters = query.parameters as unknown[];
    if (statement.reader) return { rows: statement.all(parameters) };
    const { changes, lastInsertRowid } = statement.run(parameters);
    return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
  }
}
