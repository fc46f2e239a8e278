import type { Migration } from './types.js';

export const audit: Migration = {
  version: 3,
  name: 'audit',
  async up(db, t) {
    await db.schema
      .createTable('plein_audit')
      .addColumn('id', t.serial, (c) => (t.dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey()))
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('target', 'text', (c) => c.notNull())
      .addColumn('detail', t.json)
      .execute();
    await db.schema.createIndex('plein_audit_site').on('plein_audit').columns(['site_id', 'id']).execute();
    await db.schema.createIndex('plein_audit_target').on('plein_audit').columns(['site_id', 'target']).execute();
    await db.schema.createIndex('plein_audit_actor').on('plein_audit').columns(['site_id', 'actor_id']).execute();
  },
};
