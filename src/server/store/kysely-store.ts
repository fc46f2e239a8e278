/**
 * The one store implementation: Kysely queries that run unchanged on SQLite and PostgreSQL.
 * Dialect differences live in `codec.ts` (values), `migrations/types.ts` (column types) and the
 * few places that say so (event ordering on PostgreSQL).
 */
import type { Kysely } from 'kysely';
import { codecFor } from './codec.js';
import { migrate } from './migrate.js';
import { auditQueries } from './queries/audit.js';
import { commentQueries } from './queries/comments.js';
import type { StoreContext } from './queries/context.js';
import { eventQueries } from './queries/events.js';
import { pollQueries } from './queries/polls.js';
import { privacyQueries } from './queries/privacy.js';
import { rateLimitQueries } from './queries/rate-limits.js';
import { reactionAndReportQueries } from './queries/reactions-reports.js';
import { siteAndUserQueries } from './queries/sites-users.js';
import type { Database } from './schema.js';
import type { Dialect, NotificationSource, PleinStore } from './types.js';

export interface KyselyStoreOptions {
  /** PostgreSQL LISTEN/NOTIFY; `appendEvent` notifies on its channel. */
  notifications?: NotificationSource | null;
  /** Runs after the Kysely instance is destroyed (closing what the opener made). */
  onClose?: () => Promise<void>;
}

export function createKyselyStore(db: Kysely<Database>, dialect: Dialect, options: KyselyStoreOptions = {}): PleinStore {
  const notifications = options.notifications ?? null;
  const ctx: StoreContext = { db, dialect, codec: codecFor(dialect), channel: notifications?.channel ?? null };
  const inTransaction = db.isTransaction;

  const store: PleinStore = {
    dialect,
    notifications,
    async migrate() {
      if (inTransaction) throw new Error('Run migrations outside a transaction.');
      return migrate(db, dialect);
    },
    async close() {
      if (inTransaction) throw new Error('Close the store, not a transaction.');
      await db.destroy();
      await options.onClose?.();
    },
    transaction(fn) {
      if (inTransaction) return fn(store);
      return db.transaction().execute((trx) => fn(createKyselyStore(trx, dialect, { notifications })));
    },
    ...siteAndUserQueries(ctx),
    ...commentQueries(ctx),
    ...reactionAndReportQueries(ctx),
    ...auditQueries(ctx),
    ...rateLimitQueries(ctx),
    ...eventQueries(ctx),
    ...privacyQueries(ctx),
    ...pollQueries(ctx),
  };
  return store;
}
