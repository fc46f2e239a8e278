import type { Migration } from './types.js';

export const sitesAndUsers: Migration = {
  version: 1,
  name: 'sites-users',
  async up(db, t) {
    await db.schema
      .createTable('plein_sites')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('origins', t.json, (c) => c.notNull())
      .addColumn('secret', 'text', (c) => c.notNull())
      .addColumn('jwt', t.json, (c) => c.notNull())
      .addColumn('guests', t.bool, (c) => c.notNull())
      .addColumn('premoderation', t.bool, (c) => c.notNull())
      .addColumn('banned_words', t.json, (c) => c.notNull())
      .addColumn('banned_words_action', 'text', (c) => c.notNull())
      .addColumn('max_links', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('plein_users')
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('avatar_url', 'text')
      .addColumn('roles', t.json, (c) => c.notNull())
      .addColumn('guest', t.bool, (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('deleted_at', 'text')
      .addPrimaryKeyConstraint('plein_users_pk', ['site_id', 'id'])
      .execute();
  },
};
