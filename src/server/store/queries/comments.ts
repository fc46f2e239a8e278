import type { UpdateQueryBuilder, UpdateResult } from 'kysely';
import type { Database } from '../schema.js';
import { commentFromRow, commentToRow, threadFromRow, threadToRow } from '../rows.js';
import type { CommentExpectation, CommentPatch, PleinStore, ThreadPatch } from '../types.js';
import { atomically, type StoreContext } from './context.js';

type Methods = Pick<
  PleinStore,
  'getThread' | 'putThread' | 'patchThread' | 'insertComment' | 'updateComment' | 'getComment' | 'listThreadComments' | 'listQueue'
>;

const THREAD_COLUMNS = { locked: 'locked', premoderated: 'premoderated', guests: 'guests', ownerId: 'owner_id', reactions: 'reactions' } as const;

const pick = <T extends object>(from: T, keys: readonly (keyof T)[]): Partial<T> => Object.fromEntries(keys.map((key) => [key, from[key]])) as Partial<T>;

function patchToRow(ctx: StoreContext, patch: CommentPatch) {
  const row: {
    body?: string;
    edited_at?: string | null;
    deleted_at?: string | null;
    status?: string;
    pinned?: number | boolean;
    score?: number;
    ip_hash?: string | null;
  } = {};
  if (patch.body !== undefined) row.body = patch.body;
  if (patch.editedAt !== undefined) row.edited_at = patch.editedAt;
  if (patch.deletedAt !== undefined) row.deleted_at = patch.deletedAt;
  if (patch.status !== undefined) row.status = patch.status;
  if (patch.pinned !== undefined) row.pinned = ctx.codec.bool(patch.pinned);
  if (patch.score !== undefined) row.score = patch.score;
  if (patch.ipHash !== undefined) row.ip_hash = patch.ipHash;
  return row;
}

type CommentUpdate = UpdateQueryBuilder<Database, 'plein_comments', 'plein_comments', UpdateResult>;

function asExpected(ctx: StoreContext, query: CommentUpdate, expected: CommentExpectation): CommentUpdate {
  return query
    .where('status', '=', expected.status)
    .where('pinned', '=', ctx.codec.bool(expected.pinned))
    .where('edited_at', expected.editedAt === null ? 'is' : '=', expected.editedAt)
    .where('deleted_at', expected.deleted ? 'is not' : 'is', null);
}

export function commentQueries(ctx: StoreContext): Methods {
  const { db, codec } = ctx;
  const getComment: Methods['getComment'] = async (siteId, id) => {
    const row = await db.selectFrom('plein_comments').selectAll().where('site_id', '=', siteId).where('id', '=', id).executeTakeFirst();
    return row ? commentFromRow(codec, row) : null;
  };
  return {
    getComment,
    async getThread(siteId, id) {
      const row = await db.selectFrom('plein_threads').selectAll().where('site_id', '=', siteId).where('id', '=', id).executeTakeFirst();
      return row ? threadFromRow(codec, row) : null;
    },
    async patchThread(siteId, id, patch, createdAt) {
      const named = (Object.keys(THREAD_COLUMNS) as (keyof ThreadPatch)[]).filter((key) => patch[key] !== undefined);
      const values = threadToRow(codec, { siteId, id, locked: false, premoderated: null, guests: null, ownerId: null, reactions: null, createdAt, ...pick(patch, named) });
      const set = Object.fromEntries(named.map((key) => [THREAD_COLUMNS[key], values[THREAD_COLUMNS[key]]]));
      return atomically(ctx, async (trx) => {
        await trx
          .insertInto('plein_threads')
          .values(values)
          .onConflict((oc) => (Object.keys(set).length > 0 ? oc.columns(['site_id', 'id']).doUpdateSet(set) : oc.columns(['site_id', 'id']).doNothing()))
          .execute();
        // Read within the upsert's transaction, holding the row: what it is at this commit.
        const row = await trx.selectFrom('plein_threads').selectAll().where('site_id', '=', siteId).where('id', '=', id).executeTakeFirstOrThrow();
        return threadFromRow(codec, row);
      });
    },
    async putThread(thread) {
      const { site_id: _site, id: _id, created_at: _created, ...rest } = threadToRow(codec, thread);
      await db
        .insertInto('plein_threads')
        .values(threadToRow(codec, thread))
        .onConflict((oc) => oc.columns(['site_id', 'id']).doUpdateSet(rest))
        .execute();
    },
    async insertComment(row) {
      await db.insertInto('plein_comments').values(commentToRow(codec, row)).execute();
    },
    async updateComment(siteId, id, patch, expected) {
      const set = patchToRow(ctx, patch);
      if (Object.keys(set).length === 0 && !expected) return (await getComment(siteId, id)) !== null;
      let query = db.updateTable('plein_comments').where('site_id', '=', siteId).where('id', '=', id);
      query = Object.keys(set).length > 0 ? query.set(set) : query.set((eb) => ({ status: eb.ref('status') }));
      if (expected) query = asExpected(ctx, query, expected);
      const result = await query.executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async listThreadComments(siteId, thread) {
      const rows = await db
        .selectFrom('plein_comments')
        .selectAll()
        .where('site_id', '=', siteId)
        .where('thread', '=', thread)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map((row) => commentFromRow(codec, row));
    },
    async listQueue(siteId, thread) {
      let query = db
        .selectFrom('plein_comments as c')
        .selectAll('c')
        .where('c.site_id', '=', siteId)
        .where('c.deleted_at', 'is', null)
        .where((eb) =>
          eb.or([
            eb('c.status', '=', 'pending'),
            eb.and([
              eb('c.status', '=', 'published'),
              eb.exists(
                eb
                  .selectFrom('plein_reports as r')
                  .select('r.comment_id')
                  .whereRef('r.site_id', '=', 'c.site_id')
                  .whereRef('r.comment_id', '=', 'c.id'),
              ),
            ]),
          ]),
        );
      if (thread !== null) query = query.where('c.thread', '=', thread);
      const rows = await query.orderBy('c.created_at').orderBy('c.id').execute();
      return rows.map((row) => commentFromRow(codec, row));
    },
  };
}
