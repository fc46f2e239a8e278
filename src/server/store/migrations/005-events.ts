import type { Migration } from './types.js';

export const events: Migration = {
  version: 5,
  name: 'events',
  async up(db, t) {
    await db.schema
      .createTable('plein_events')
      .addColumn('id', t.serial, (c) => (t.dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey()))
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('topic', 'text', (c) => c.notNull())
      .addColumn('payload', t.json, (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    // Replay for one connection: its site and topics after an id.
    await db.schema.createIndex('plein_events_topic').on('plein_events').columns(['site_id', 'topic', 'id']).execute();
    // Pruning by age.
    await db.schema.createIndex('plein_events_at').on('plein_events').column('at').execute();
  },
};
