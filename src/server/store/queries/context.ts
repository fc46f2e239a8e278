import type { Kysely } from 'kysely';
import type { Codec } from '../codec.js';
import type { Database } from '../schema.js';
import type { Dialect } from '../types.js';

export interface StoreContext {
  db: Kysely<Database>;
  dialect: Dialect;
  codec: Codec;
  /** The NOTIFY channel on PostgreSQL; `null` when nobody listens. */
  channel: string | null;
}

/** Runs `fn` in the current transaction, or in a new one. */
export function atomically<T>(ctx: StoreContext, fn: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  return ctx.db.isTransaction ? fn(ctx.db) : ctx.db.transaction().execute(fn);
}

/**
 * Splits id lists for `IN (…)`: SQLite allows 32,766 bound values and PostgreSQL 65,535 per
 * statement; a thread of ten thousand comments must not come near either.
 */
export function chunks<T>(items: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];
