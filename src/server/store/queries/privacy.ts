import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { eraseFromPayload } from '../journal-erasure.js';
import { auditFromRow, commentFromRow, reportFromRow, userFromRow } from '../rows.js';
import type { Database } from '../schema.js';
import type { AuditRow, PleinStore } from '../types.js';
import { atomically, chunks, type StoreContext } from './context.js';

type Methods = Pick<PleinStore, 'exportUser' | 'deleteUser'>;

async function commentIdsOf(db: Kysely<Database>, siteId: string, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('plein_comments').select('id').where('site_id', '=', siteId).where('author_id', '=', userId).execute();
  return rows.map((row) => row.id);
}

/** Audit targets that are about the member: the member themself and each of their comments. */
function targetsAbout(userId: string, commentIds: string[]): string[] {
  return [`user:${userId}`, ...commentIds.map((id) => `comment:${id}`)];
}

/** Journal entries read per query while erasing; the journal holds a day of events. */
const JOURNAL_BATCH = 500;

export function privacyQueries(ctx: StoreContext): Methods {
  const { db, codec } = ctx;

  async function eraseFromJournal(trx: Kysely<Database>, siteId: string, userId: string): Promise<void> {
    for (let after = 0; ; ) {
      const rows = await trx
        .selectFrom('plein_events')
        .select(['id', 'payload'])
        .where('site_id', '=', siteId)
        .where('id', '>', after)
        .orderBy('id')
        .limit(JOURNAL_BATCH)
        .execute();
      for (const row of rows) {
        const erased = eraseFromPayload(codec.readJson(row.payload), userId);
        if (erased !== null) await trx.updateTable('plein_events').set({ payload: codec.json(erased) }).where('id', '=', row.id).execute();
      }
      if (rows.length < JOURNAL_BATCH) return;
      after = codec.readNumber(rows.at(-1)!.id);
    }
  }

  /**
   * A poll's result does not change when a voter is erased (it may be closed and decided), so
   * their ballots stay counted under a fresh random key that names nobody; public voter lists
   * show them as an erased voter.
   */
  async function unlinkBallots(trx: Kysely<Database>, siteId: string, userId: string): Promise<number> {
    let unlinked = 0;
    for (const table of ['plein_poll_ballots', 'plein_poll_voters'] as const) {
      const rows = await trx.selectFrom(table).select('poll').where('site_id', '=', siteId).where('voter_key', '=', userId).execute();
      for (const { poll } of rows) {
        await trx.updateTable(table).set({ voter_key: `erased:${randomUUID()}` }).where('site_id', '=', siteId).where('poll', '=', poll).where('voter_key', '=', userId).execute();
        unlinked++;
      }
    }
    return unlinked;
  }

  return {
    async exportUser(siteId, userId) {
      const user = await db.selectFrom('plein_users').selectAll().where('site_id', '=', siteId).where('id', '=', userId).executeTakeFirst();
      const comments = await db
        .selectFrom('plein_comments')
        .selectAll()
        .where('site_id', '=', siteId)
        .where('author_id', '=', userId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      const reactions = await db
        .selectFrom('plein_reactions as r')
        .leftJoin('plein_comments as c', (join) => join.onRef('c.site_id', '=', 'r.site_id').onRef('c.id', '=', 'r.comment_id'))
        .select(['r.comment_id', 'r.user_id', 'r.key', 'c.thread'])
        .where('r.site_id', '=', siteId)
        .where('r.user_id', '=', userId)
        .orderBy('r.comment_id')
        .orderBy('r.key')
        .execute();
      const reports = await db
        .selectFrom('plein_reports')
        .selectAll()
        .where('site_id', '=', siteId)
        .where('user_id', '=', userId)
        .orderBy('at')
        .execute();
      const ballots = await db
        .selectFrom('plein_poll_ballots')
        .select(['poll', 'ballot', 'voted_at'])
        .where('site_id', '=', siteId)
        .where('voter_key', '=', userId)
        .execute();
      const anonymousVotes = await db.selectFrom('plein_poll_voters').select('poll').where('site_id', '=', siteId).where('voter_key', '=', userId).execute();
      const audit = new Map<number, AuditRow>();
      const collect = (rows: Parameters<typeof auditFromRow>[1][]) => {
        for (const row of rows) {
          const entry = auditFromRow(codec, row);
          audit.set(entry.id, entry);
        }
      };
      collect(await db.selectFrom('plein_audit').selectAll().where('site_id', '=', siteId).where('actor_id', '=', userId).execute());
      for (const part of chunks(targetsAbout(userId, comments.map((row) => row.id)))) {
        collect(await db.selectFrom('plein_audit').selectAll().where('site_id', '=', siteId).where('target', 'in', part).execute());
      }
      return {
        siteId,
        userId,
        exportedAt: new Date().toISOString(),
        user: user ? userFromRow(codec, user) : null,
        comments: comments.map((row) => commentFromRow(codec, row)),
        reactions: reactions.map((row) => ({ commentId: row.comment_id, userId: row.user_id, key: row.key, thread: row.thread ?? '' })),
        reports: reports.map(reportFromRow),
        polls: [
          ...ballots.map((row) => ({ poll: row.poll, ballot: codec.readJson(row.ballot), votedAt: row.voted_at })),
          ...anonymousVotes.map((row) => ({ poll: row.poll, ballot: null, votedAt: null })),
        ].sort((a, b) => (a.poll < b.poll ? -1 : a.poll > b.poll ? 1 : 0)),
        audit: [...audit.values()].sort((a, b) => a.id - b.id),
      };
    },
    async deleteUser(siteId, userId, at = new Date().toISOString()) {
      return atomically(ctx, async (trx) => {
        const ids = await commentIdsOf(trx, siteId, userId);
        const comments = await trx
          .updateTable('plein_comments')
          .set((eb) => ({ body: '', ip_hash: null, deleted_at: eb.fn.coalesce('deleted_at', eb.val(at)) }))
          .where('site_id', '=', siteId)
          .where('author_id', '=', userId)
          .executeTakeFirst();
        // Moderation entries stay (who did what, when) but lose details that may quote the member.
        for (const part of chunks(targetsAbout(userId, ids))) {
          await trx.updateTable('plein_audit').set({ detail: null }).where('site_id', '=', siteId).where('target', 'in', part).execute();
        }
        await eraseFromJournal(trx, siteId, userId);
        const reactions = await trx.deleteFrom('plein_reactions').where('site_id', '=', siteId).where('user_id', '=', userId).executeTakeFirst();
        const reports = await trx.deleteFrom('plein_reports').where('site_id', '=', siteId).where('user_id', '=', userId).executeTakeFirst();
        const ballots = await unlinkBallots(trx, siteId, userId);
        await trx
          .updateTable('plein_users')
          .set({ name: '', avatar_url: null, roles: codec.json([]), deleted_at: at })
          .where('site_id', '=', siteId)
          .where('id', '=', userId)
          .execute();
        return {
          comments: Number(comments.numUpdatedRows),
          reactions: Number(reactions.numDeletedRows),
          reports: Number(reports.numDeletedRows),
          ballots,
        };
      });
    },
  };
}
