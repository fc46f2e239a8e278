import type { Migration } from './types.js';

export const comments: Migration = {
  version: 2,
  name: 'comments',
  async up(db, t) {
    await db.schema
      .createTable('plein_threads')
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('locked', t.bool, (c) => c.notNull())
      .addColumn('premoderated', t.bool)
      .addColumn('guests', t.bool)
      .addColumn('owner_id', 'text')
      .addColumn('reactions', t.json)
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('plein_threads_pk', ['site_id', 'id'])
      .execute();

    await db.schema
      .createTable('plein_comments')
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('thread', 'text', (c) => c.notNull())
      .addColumn('parent_id', 'text')
      .addColumn('author_id', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('edited_at', 'text')
      .addColumn('deleted_at', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('pinned', t.bool, (c) => c.notNull())
      .addColumn('score', 'integer', (c) => c.notNull())
      .addColumn('ip_hash', 'text')
      .addPrimaryKeyConstraint('plein_comments_pk', ['site_id', 'id'])
      .execute();
    // Listing a thread (oldest first) is the hot read.
    await db.schema.createIndex('plein_comments_thread').on('plein_comments').columns(['site_id', 'thread', 'created_at']).execute();
    // Export and erasure find a member's comments.
    await db.schema.createIndex('plein_comments_author').on('plein_comments').columns(['site_id', 'author_id']).execute();
    // The moderation queue: pending comments, site-wide.
    await db.schema.createIndex('plein_comments_status').on('plein_comments').columns(['site_id', 'status', 'created_at']).execute();

    // The primary key's leading (site_id, comment_id) is the index for reading a comment's reactions.
    await db.schema
      .createTable('plein_reactions')
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('comment_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('plein_reactions_pk', ['site_id', 'comment_id', 'user_id', 'key'])
      .execute();
    await db.schema.createIndex('plein_reactions_user').on('plein_reactions').columns(['site_id', 'user_id']).execute();

    await db.schema
      .createTable('plein_reports')
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('comment_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('plein_reports_pk', ['site_id', 'comment_id', 'user_id'])
      .execute();
    await db.schema.createIndex('plein_reports_user').on('plein_reports').columns(['site_id', 'user_id']).execute();
  },
};
