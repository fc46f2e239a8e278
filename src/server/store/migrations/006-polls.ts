import { sql } from 'kysely';
import type { Migration } from './types.js';

/**
 * Polls. Ballots of `public` and `secret` polls are kept per voter (`plein_poll_ballots`), so a
 * voter can see, change or remove theirs and public polls can list them. `anonymous` polls keep
 * two unrelated tables instead: who voted (`plein_poll_voters`) and how many ballots of each
 * content were cast (`plein_poll_counts`). Neither has a time column, and on SQLite both are
 * WITHOUT ROWID, so rows are kept in key order rather than in an insertion order that could be
 * lined up between the two.
 */
export const polls: Migration = {
  version: 6,
  name: 'polls',
  async up(db, t) {
    const keyOrdered = t.dialect === 'sqlite' ? sql`without rowid` : sql``;

    await db.schema
      .createTable('plein_polls')
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('definition', t.json, (c) => c.notNull())
      .addColumn('author_id', 'text')
      .addColumn('closed', t.bool, (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('plein_polls_pk', ['site_id', 'id'])
      .execute();

    // The primary key is the uniqueness that refuses a second concurrent ballot of one voter.
    await db.schema
      .createTable('plein_poll_ballots')
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('poll', 'text', (c) => c.notNull())
      .addColumn('voter_key', 'text', (c) => c.notNull())
      .addColumn('ballot', t.json, (c) => c.notNull())
      .addColumn('voted_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('plein_poll_ballots_pk', ['site_id', 'poll', 'voter_key'])
      .execute();
    // The public list of who voted what, oldest first.
    await db.schema
      .createIndex('plein_poll_ballots_time')
      .on('plein_poll_ballots')
      .columns(['site_id', 'poll', 'voted_at', 'voter_key'])
      .execute();

    await db.schema
      .createTable('plein_poll_voters')
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('poll', 'text', (c) => c.notNull())
      .addColumn('voter_key', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('plein_poll_voters_pk', ['site_id', 'poll', 'voter_key'])
      .modifyEnd(keyOrdered)
      .execute();

    await db.schema
      .createTable('plein_poll_counts')
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('poll', 'text', (c) => c.notNull())
      .addColumn('ballot_key', 'text', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('plein_poll_counts_pk', ['site_id', 'poll', 'ballot_key'])
      .modifyEnd(keyOrdered)
      .execute();
  },
};
