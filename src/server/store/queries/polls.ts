import type { Selectable } from 'kysely';
import type { Codec } from '../codec.js';
import type { PollBallotsTable, PollsTable } from '../schema.js';
import type { PleinStore, PollBallotRow, PollRow } from '../types.js';
import { atomically, type StoreContext } from './context.js';

type Methods = Pick<
  PleinStore,
  | 'getPoll'
  | 'insertPoll'
  | 'updatePoll'
  | 'pollVotedAmong'
  | 'getPollBallot'
  | 'putPollBallot'
  | 'deletePollBallot'
  | 'listPollBallots'
  | 'addAnonymousBallot'
  | 'listPollCounts'
>;

const VOTER_KEYS_PER_QUERY = 500;

function pollFromRow(c: Codec, row: Selectable<PollsTable>): PollRow {
  return {
    siteId: row.site_id,
    id: row.id,
    definition: c.readJson(row.definition),
    authorId: row.author_id,
    closed: c.readBool(row.closed),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function ballotFromRow(c: Codec, row: Selectable<PollBallotsTable>): PollBallotRow {
  return { siteId: row.site_id, poll: row.poll, voterKey: row.voter_key, ballot: c.readJson(row.ballot), votedAt: row.voted_at };
}

export function pollQueries(ctx: StoreContext): Methods {
  const { db, codec } = ctx;
  return {
    async getPoll(siteId, id) {
      const row = await db.selectFrom('plein_polls').selectAll().where('site_id', '=', siteId).where('id', '=', id).executeTakeFirst();
      return row ? pollFromRow(codec, row) : null;
    },
    async insertPoll(poll) {
      const result = await db
        .insertInto('plein_polls')
        .values({
          site_id: poll.siteId,
          id: poll.id,
          definition: codec.json(poll.definition),
          author_id: poll.authorId,
          closed: codec.bool(poll.closed),
          created_at: poll.createdAt,
          updated_at: poll.updatedAt,
        })
        .onConflict((oc) => oc.columns(['site_id', 'id']).doNothing())
        .executeTakeFirst();
      return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
    },
    async updatePoll(siteId, id, patch) {
      const set: { definition?: string; closed?: number | boolean; updated_at: string } = { updated_at: patch.updatedAt };
      if (patch.definition !== undefined) set.definition = codec.json(patch.definition);
      if (patch.closed !== undefined) set.closed = codec.bool(patch.closed);
      const result = await db.updateTable('plein_polls').set(set).where('site_id', '=', siteId).where('id', '=', id).executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async pollVotedAmong(siteId, poll, voterKeys) {
      const voted: string[] = [];
      // In slices, so a poll watched by thousands stays within every engine's bound-parameter limit.
      for (let start = 0; start < voterKeys.length; start += VOTER_KEYS_PER_QUERY) {
        const keys = voterKeys.slice(start, start + VOTER_KEYS_PER_QUERY);
        const rows = await db
          .selectFrom('plein_poll_ballots')
          .select('voter_key')
          .where('site_id', '=', siteId)
          .where('poll', '=', poll)
          .where('voter_key', 'in', keys)
          .union((eb) =>
            eb.selectFrom('plein_poll_voters').select('voter_key').where('site_id', '=', siteId).where('poll', '=', poll).where('voter_key', 'in', keys),
          )
          .execute();
        for (const row of rows) voted.push(row.voter_key);
      }
      return voted;
    },
    async getPollBallot(siteId, poll, voterKey) {
      const row = await db
        .selectFrom('plein_poll_ballots')
        .selectAll()
        .where('site_id', '=', siteId)
        .where('poll', '=', poll)
        .where('voter_key', '=', voterKey)
        .executeTakeFirst();
      return row ? ballotFromRow(codec, row) : null;
    },
    async putPollBallot(row, replace) {
      const values = { site_id: row.siteId, poll: row.poll, voter_key: row.voterKey, ballot: codec.json(row.ballot), voted_at: row.votedAt };
      const result = await db
        .insertInto('plein_poll_ballots')
        .values(values)
        .onConflict((oc) => {
          const target = oc.columns(['site_id', 'poll', 'voter_key']);
          return replace ? target.doUpdateSet({ ballot: values.ballot, voted_at: values.voted_at }) : target.doNothing();
        })
        .executeTakeFirst();
      return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
    },
    async deletePollBallot(siteId, poll, voterKey) {
      const result = await db
        .deleteFrom('plein_poll_ballots')
        .where('site_id', '=', siteId)
        .where('poll', '=', poll)
        .where('voter_key', '=', voterKey)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
    async listPollBallots(siteId, poll, page = {}) {
      let query = db.selectFrom('plein_poll_ballots').selectAll().where('site_id', '=', siteId).where('poll', '=', poll);
      const after = page.after;
      if (after) {
        query = query.where((eb) =>
          eb.or([eb('voted_at', '>', after.votedAt), eb.and([eb('voted_at', '=', after.votedAt), eb('voter_key', '>', after.voterKey)])]),
        );
      }
      query = query.orderBy('voted_at').orderBy('voter_key');
      if (page.limit !== undefined) query = query.limit(page.limit);
      const rows = await query.execute();
      return rows.map((row) => ballotFromRow(codec, row));
    },
    addAnonymousBallot(siteId, poll, voterKey, ballotKey) {
      return atomically(ctx, async (tx) => {
        const voter = await tx
          .insertInto('plein_poll_voters')
          .values({ site_id: siteId, poll, voter_key: voterKey })
          .onConflict((oc) => oc.columns(['site_id', 'poll', 'voter_key']).doNothing())
          .executeTakeFirst();
        if ((voter.numInsertedOrUpdatedRows ?? 0n) === 0n) return false;
        await tx
          .insertInto('plein_poll_counts')
          .values({ site_id: siteId, poll, ballot_key: ballotKey, count: 1 })
          .onConflict((oc) => oc.columns(['site_id', 'poll', 'ballot_key']).doUpdateSet((eb) => ({ count: eb('plein_poll_counts.count', '+', 1) })))
          .execute();
        if (ctx.dialect === 'postgres') {
          // Every count row of the poll gets this transaction's id (xmin), which the voter row
          // has too: the system columns then tell which ballot was last cast, never its content.
          await tx
            .updateTable('plein_poll_counts')
            .set((eb) => ({ count: eb.ref('count') }))
            .where('site_id', '=', siteId)
            .where('poll', '=', poll)
            .where('ballot_key', '<>', ballotKey)
            .execute();
        }
        return true;
      });
    },
    async listPollCounts(siteId, poll) {
      const rows = await db
        .selectFrom('plein_poll_counts')
        .select(['ballot_key', 'count'])
        .where('site_id', '=', siteId)
        .where('poll', '=', poll)
        .execute();
      return rows.map((row) => ({ ballotKey: row.ballot_key, count: codec.readNumber(row.count) }));
    },
  };
}
