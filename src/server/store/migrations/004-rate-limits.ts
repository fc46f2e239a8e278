import type { Migration } from './types.js';

export const rateLimits: Migration = {
  version: 4,
  name: 'rate-limits',
  async up(db, t) {
    await db.schema
      .createTable('plein_rate_limits')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addColumn('reset_at', t.bigint, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('plein_rate_limits_reset').on('plein_rate_limits').column('reset_at').execute();
  },
};
