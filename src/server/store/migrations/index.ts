import { sitesAndUsers } from './001-sites-users.js';
import { comments } from './002-comments.js';
import { audit } from './003-audit.js';
import { rateLimits } from './004-rate-limits.js';
import { events } from './005-events.js';
import { polls } from './006-polls.js';
import type { Migration } from './types.js';

export { columnTypes, type ColumnTypes, type Migration } from './types.js';

/** Every migration, in version order. Append only. */
export const MIGRATIONS: readonly Migration[] = [sitesAndUsers, comments, audit, rateLimits, events, polls];
