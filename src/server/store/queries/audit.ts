import { auditFromRow } from '../rows.js';
import type { PleinStore } from '../types.js';
import type { StoreContext } from './context.js';

type Methods = Pick<PleinStore, 'audit' | 'listAudit'>;

export function auditQueries(ctx: StoreContext): Methods {
  const { db, codec } = ctx;
  return {
    async audit(entry) {
      await db
        .insertInto('plein_audit')
        .values({
          site_id: entry.siteId,
          at: entry.at,
          actor_id: entry.actorId,
          action: entry.action,
          target: entry.target,
          detail: entry.detail === undefined || entry.detail === null ? null : codec.json(entry.detail),
        })
        .execute();
    },
    async listAudit(siteId, limit) {
      const rows = await db
        .selectFrom('plein_audit')
        .selectAll()
        .where('site_id', '=', siteId)
        .orderBy('id', 'desc')
        .limit(Math.max(0, Math.floor(limit)))
        .execute();
      return rows.map((row) => auditFromRow(codec, row));
    },
  };
}
