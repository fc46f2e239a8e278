import { sql } from 'kysely';
import { eventFromRow } from '../rows.js';
import type { PleinStore } from '../types.js';
import { atomically, type StoreContext } from './context.js';

type Methods = Pick<PleinStore, 'appendEvent' | 'eventsSince' | 'eventsAfter' | 'journalBounds' | 'pruneEvents'>;

/** Serialises appends on PostgreSQL; spells "plein" + 1. */
const APPEND_LOCK = 0x706c65696e01;

export function eventQueries(ctx: StoreContext): Methods {
  const { db, codec, dialect, channel } = ctx;

  const maxId = async () => {
    const row = await db.selectFrom('plein_events').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
    return row?.id === null || row?.id === undefined ? null : codec.readNumber(row.id);
  };

  return {
    async appendEvent(event) {
      const values = { site_id: event.siteId, topic: event.topic, payload: codec.json(event.payload), at: event.at ?? new Date().toISOString() };
      if (dialect === 'sqlite') {
        // SQLite has one writer at a time: ids are handed out in commit order already.
        const row = await db.insertInto('plein_events').values(values).returningAll().executeTakeFirstOrThrow();
        return eventFromRow(codec, row);
      }
      // A BIGSERIAL id is taken at insert, not at commit: two writers could commit 11 before 10,
      // and a reader that saw 11 would skip 10 for ever. Holding one lock from before the insert
      // to the commit makes ids commit in order. The NOTIFY is sent on commit, never before.
      return atomically(ctx, async (trx) => {
        await sql`select pg_advisory_xact_lock(${APPEND_LOCK})`.execute(trx);
        const row = await trx.insertInto('plein_events').values(values).returningAll().executeTakeFirstOrThrow();
        const stored = eventFromRow(codec, row);
        if (channel !== null) await sql`select pg_notify(${channel}, ${String(stored.id)})`.execute(trx);
        return stored;
      });
    },
    async eventsSince(siteId, topics, afterId, limit) {
      if (topics.length === 0 || limit <= 0) return [];
      const rows = await db
        .selectFrom('plein_events')
        .selectAll()
        .where('site_id', '=', siteId)
        .where('topic', 'in', [...new Set(topics)])
        .where('id', '>', Math.floor(afterId))
        .orderBy('id')
        .limit(Math.floor(limit))
        .execute();
      return rows.map((row) => eventFromRow(codec, row));
    },
    async eventsAfter(afterId, limit) {
      if (limit <= 0) return [];
      const rows = await db.selectFrom('plein_events').selectAll().where('id', '>', Math.floor(afterId)).orderBy('id').limit(Math.floor(limit)).execute();
      return rows.map((row) => eventFromRow(codec, row));
    },
    async journalBounds() {
      const row = await db
        .selectFrom('plein_events')
        .select((eb) => [eb.fn.min('id').as('first'), eb.fn.max('id').as('last')])
        .executeTakeFirst();
      const first = row?.first ?? null;
      const last = row?.last ?? null;
      return { first: first === null ? null : codec.readNumber(first), last: last === null ? 0 : codec.readNumber(last) };
    },
    async pruneEvents(olderThan, keepNewest) {
      const newest = await maxId();
      if (newest === null) return 0;
      const old = await db.selectFrom('plein_events').select((eb) => eb.fn.max('id').as('id')).where('at', '<', olderThan).executeTakeFirst();
      let cutoff = old?.id === null || old?.id === undefined ? 0 : codec.readNumber(old.id);
      if (keepNewest !== undefined) {
        const beyond = await db
          .selectFrom('plein_events')
          .select('id')
          .orderBy('id', 'desc')
          .limit(1)
          .offset(Math.max(1, Math.floor(keepNewest)))
          .executeTakeFirst();
        if (beyond) cutoff = Math.max(cutoff, codec.readNumber(beyond.id));
      }
      if (cutoff === 0) return 0;
      const result = await db.deleteFrom('plein_events').where('id', '<=', cutoff).where('id', '<', newest).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
