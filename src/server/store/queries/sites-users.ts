import { siteFromRow, siteToRow, userFromRow, userToRow } from '../rows.js';
import type { PleinStore } from '../types.js';
import { chunks, unique, type StoreContext } from './context.js';

type Methods = Pick<PleinStore, 'putSite' | 'getSite' | 'listSites' | 'upsertUser' | 'getUser' | 'listUsers'>;

export function siteAndUserQueries(ctx: StoreContext): Methods {
  const { db, codec } = ctx;
  return {
    async putSite(site) {
      const { id: _id, ...rest } = siteToRow(codec, site);
      await db
        .insertInto('plein_sites')
        .values(siteToRow(codec, site))
        .onConflict((oc) => oc.column('id').doUpdateSet(rest))
        .execute();
    },
    async getSite(id) {
      const row = await db.selectFrom('plein_sites').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? siteFromRow(codec, row) : null;
    },
    async listSites() {
      const rows = await db.selectFrom('plein_sites').selectAll().orderBy('id').execute();
      return rows.map((row) => siteFromRow(codec, row));
    },
    async upsertUser(user) {
      const { site_id: _site, id: _id, created_at: _created, ...rest } = userToRow(codec, user);
      // The first sighting's createdAt stays; name, avatar and roles follow the latest token.
      await db
        .insertInto('plein_users')
        .values(userToRow(codec, user))
        .onConflict((oc) => oc.columns(['site_id', 'id']).doUpdateSet(rest))
        .execute();
    },
    async getUser(siteId, id) {
      const row = await db.selectFrom('plein_users').selectAll().where('site_id', '=', siteId).where('id', '=', id).executeTakeFirst();
      return row ? userFromRow(codec, row) : null;
    },
    async listUsers(siteId, ids) {
      const found = [];
      for (const part of chunks(unique(ids))) {
        const rows = await db.selectFrom('plein_users').selectAll().where('site_id', '=', siteId).where('id', 'in', part).execute();
        found.push(...rows.map((row) => userFromRow(codec, row)));
      }
      return found;
    },
  };
}
