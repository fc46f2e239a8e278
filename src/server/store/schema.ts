/**
 * Table types for Kysely. Column types differ by dialect and are normalised in `rows.ts`:
 * - JSON: TEXT in SQLite (read as a string), JSONB in PostgreSQL (read parsed); always written as text.
 * - booleans: INTEGER 0/1 in SQLite, BOOLEAN in PostgreSQL.
 * - BIGINT/BIGSERIAL: read as strings by `pg`, as numbers by better-sqlite3.
 */
import type { ColumnType } from 'kysely';

type Json = ColumnType<unknown, string, string>;
type Bool = ColumnType<number | boolean, number | boolean, number | boolean>;
/** Assigned by the database: never inserted, never updated. */
type BigId = ColumnType<number | string, never, never>;
type BigNumber = ColumnType<number | string, number, number>;

export interface MigrationsTable {
  version: number;
  name: string;
  applied_at: string;
}

export interface SitesTable {
  id: string;
  name: string;
  origins: Json;
  secret: string;
  jwt: Json;
  guests: Bool;
  premoderation: Bool;
  banned_words: Json;
  banned_words_action: string;
  max_links: number;
  created_at: string;
}

export interface UsersTable {
  site_id: string;
  id: string;
  name: string;
  avatar_url: string | null;
  roles: Json;
  guest: Bool;
  created_at: string;
  deleted_at: string | null;
}

export interface ThreadsTable {
  site_id: string;
  id: string;
  locked: Bool;
  premoderated: Bool | null;
  guests: Bool | null;
  owner_id: string | null;
  reactions: Json | null;
  created_at: string;
}

export interface CommentsTable {
  site_id: string;
  id: string;
  thread: string;
  parent_id: string | null;
  author_id: string;
  body: string;
  created_at: string;
  edited_at: string | null;
  deleted_at: string | null;
  status: string;
  pinned: Bool;
  score: number;
  ip_hash: string | null;
}

export interface ReactionsTable {
  site_id: string;
  comment_id: string;
  user_id: string;
  key: string;
}

export interface ReportsTable {
  site_id: string;
  comment_id: string;
  user_id: string;
  reason: string;
  note: string | null;
  at: string;
}

export interface AuditTable {
  id: BigId;
  site_id: string;
  at: string;
  actor_id: string;
  action: string;
  target: string;
  detail: Json | null;
}

export interface RateLimitsTable {
  key: string;
  count: number;
  reset_at: BigNumber;
}

export interface EventsTable {
  id: BigId;
  site_id: string;
  topic: string;
  payload: Json;
  at: string;
}

export interface PollsTable {
  site_id: string;
  id: string;
  definition: Json;
  author_id: string | null;
  closed: Bool;
  created_at: string;
  updated_at: string;
}

export interface PollBallotsTable {
  site_id: string;
  poll: string;
  voter_key: string;
  ballot: Json;
  voted_at: string;
}

export interface PollVotersTable {
  site_id: string;
  poll: string;
  voter_key: string;
}

export interface PollCountsTable {
  site_id: string;
  poll: string;
  ballot_key: string;
  count: number;
}

export interface Database {
  plein_migrations: MigrationsTable;
  plein_sites: SitesTable;
  plein_users: UsersTable;
  plein_threads: ThreadsTable;
  plein_comments: CommentsTable;
  plein_reactions: ReactionsTable;
  plein_reports: ReportsTable;
  plein_audit: AuditTable;
  plein_rate_limits: RateLimitsTable;
  plein_events: EventsTable;
  plein_polls: PollsTable;
  plein_poll_ballots: PollBallotsTable;
  plein_poll_voters: PollVotersTable;
  plein_poll_counts: PollCountsTable;
}
