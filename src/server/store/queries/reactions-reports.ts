import { reportFromRow } from '../rows.js';
import type { PleinStore, ReactionRow } from '../types.js';
import { chunks, unique, type StoreContext } from './context.js';

type Methods = Pick<
  PleinStore,
  'setReaction' | 'listReactions' | 'listThreadReactions' | 'addReport' | 'listReports' | 'clearReports'
>;

const toReaction = (row: { comment_id: string; user_id: string; key: string }): ReactionRow => ({
  commentId: row.comment_id,
  userId: row.user_id,
  key: row.key,
});

export function reactionAndReportQueries(ctx: StoreContext): Methods {
  const { db } = ctx;
  return {
    async setReaction(siteId, commentId, userId, key, on) {
      if (on) {
        const result = await db
          .insertInto('plein_reactions')
          .values({ site_id: siteId, comment_id: commentId, user_id: userId, key })
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst();
        return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
      }
      const result = await db
        .deleteFrom('plein_reactions')
        .where('site_id', '=', siteId)
        .where('comment_id', '=', commentId)
        .where('user_id', '=', userId)
        .where('key', '=', key)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
    async listReactions(siteId, commentIds) {
      const found: ReactionRow[] = [];
      for (const part of chunks(unique(commentIds))) {
        const rows = await db
          .selectFrom('plein_reactions')
          .select(['comment_id', 'user_id', 'key'])
          .where('site_id', '=', siteId)
          .where('comment_id', 'in', part)
          .execute();
        found.push(...rows.map(toReaction));
      }
      return found;
    },
    async listThreadReactions(siteId, thread) {
      const rows = await db
        .selectFrom('plein_reactions as r')
        .innerJoin('plein_comments as c', (join) => join.onRef('c.site_id', '=', 'r.site_id').onRef('c.id', '=', 'r.comment_id'))
        .select(['r.comment_id', 'r.user_id', 'r.key'])
        .where('c.site_id', '=', siteId)
        .where('c.thread', '=', thread)
        .execute();
      return rows.map(toReaction);
    },
    async addReport(report) {
      const row = {
        site_id: report.siteId,
        comment_id: report.commentId,
        user_id: report.userId,
        reason: report.reason,
        note: report.note,
        at: report.at,
      };
      await db
        .insertInto('plein_reports')
        .values(row)
        .onConflict((oc) => oc.columns(['site_id', 'comment_id', 'user_id']).doUpdateSet({ reason: row.reason, note: row.note, at: row.at }))
        .execute();
    },
    async listReports(siteId, commentIds) {
      const found = [];
      for (const part of chunks(unique(commentIds))) {
        const rows = await db
          .selectFrom('plein_reports')
          .selectAll()
          .where('site_id', '=', siteId)
          .where('comment_id', 'in', part)
          .orderBy('at')
          .execute();
        found.push(...rows.map(reportFromRow));
      }
      return found;
    },
    async clearReports(siteId, commentId) {
      const result = await db.deleteFrom('plein_reports').where('site_id', '=', siteId).where('comment_id', '=', commentId).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
