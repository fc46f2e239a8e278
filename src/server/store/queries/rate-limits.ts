import type { PleinStore } from '../types.js';
import type { StoreContext } from './context.js';

type Methods = Pick<PleinStore, 'hit' | 'pruneRateLimits'>;

export function rateLimitQueries(ctx: StoreContext): Methods {
  const { db, codec } = ctx;
  return {
    async hit(key, windowMs, now) {
      const at = Math.floor(now);
      const resetAt = at + Math.max(1, Math.floor(windowMs));
      // One statement, so the read-modify-write is atomic on both dialects: SQLite runs it as
      // its own write transaction (one writer at a time, across processes), PostgreSQL locks the
      // row for ON CONFLICT … DO UPDATE. Both evaluate every SET against the old row.
      const row = await db
        .insertInto('plein_rate_limits')
        .values({ key, count: 1, reset_at: resetAt })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet((eb) => {
            const expired = eb('plein_rate_limits.reset_at', '<=', at);
            return {
              count: eb.case().when(expired).then(1).else(eb('plein_rate_limits.count', '+', 1)).end(),
              reset_at: eb.case().when(expired).then(eb.ref('excluded.reset_at')).else(eb.ref('plein_rate_limits.reset_at')).end(),
            };
          }),
        )
        .returning(['count', 'reset_at'])
        .executeTakeFirstOrThrow();
      return { count: codec.readNumber(row.count), resetAt: codec.readNumber(row.reset_at) };
    },
    async pruneRateLimits(now) {
      const result = await db.deleteFrom('plein_rate_limits').where('reset_at', '<=', Math.floor(now)).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
