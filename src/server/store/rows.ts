/** Conversions between table rows and the store's records. */
import type { Selectable } from 'kysely';
import type { Codec } from './codec.js';
import type { AuditTable, CommentsTable, EventsTable, ReportsTable, SitesTable, ThreadsTable, UsersTable } from './schema.js';
import type {
  AuditRow,
  CommentRow,
  CommentStatus,
  ReportReason,
  ReportRow,
  SiteRecord,
  StoredEvent,
  ThreadRecord,
  UserRecord,
} from './types.js';

export function siteToRow(c: Codec, site: SiteRecord) {
  return {
    id: site.id,
    name: site.name,
    origins: c.json(site.origins),
    secret: site.secret,
    jwt: c.json(site.jwt),
    guests: c.bool(site.guests),
    premoderation: c.bool(site.premoderation),
    banned_words: c.json(site.bannedWords),
    banned_words_action: site.bannedWordsAction,
    max_links: site.maxLinks,
    created_at: site.createdAt,
  };
}

export function siteFromRow(c: Codec, row: Selectable<SitesTable>): SiteRecord {
  return {
    id: row.id,
    name: row.name,
    origins: c.readJson(row.origins),
    secret: row.secret,
    jwt: c.readJson(row.jwt),
    guests: c.readBool(row.guests),
    premoderation: c.readBool(row.premoderation),
    bannedWords: c.readJson(row.banned_words),
    bannedWordsAction: row.banned_words_action === 'pending' ? 'pending' : 'reject',
    maxLinks: row.max_links,
    createdAt: row.created_at,
  };
}

export function userToRow(c: Codec, user: UserRecord) {
  return {
    site_id: user.siteId,
    id: user.id,
    name: user.name,
    avatar_url: user.avatarUrl,
    roles: c.json(user.roles),
    guest: c.bool(user.guest),
    created_at: user.createdAt,
    deleted_at: user.deletedAt,
  };
}

export function userFromRow(c: Codec, row: Selectable<UsersTable>): UserRecord {
  return {
    siteId: row.site_id,
    id: row.id,
    name: row.name,
    avatarUrl: row.avatar_url,
    roles: c.readJson(row.roles),
    guest: c.readBool(row.guest),
    createdAt: row.created_at,
    deletedAt: row.deleted_at,
  };
}

export function threadToRow(c: Codec, thread: ThreadRecord) {
  return {
    site_id: thread.siteId,
    id: thread.id,
    locked: c.bool(thread.locked),
    premoderated: c.nullableBool(thread.premoderated),
    guests: c.nullableBool(thread.guests),
    owner_id: thread.ownerId,
    reactions: thread.reactions === null ? null : c.json(thread.reactions),
    created_at: thread.createdAt,
  };
}

export function threadFromRow(c: Codec, row: Selectable<ThreadsTable>): ThreadRecord {
  return {
    siteId: row.site_id,
    id: row.id,
    locked: c.readBool(row.locked),
    premoderated: c.readNullableBool(row.premoderated),
    guests: c.readNullableBool(row.guests),
    ownerId: row.owner_id,
    reactions: row.reactions === null ? null : c.readJson(row.reactions),
    createdAt: row.created_at,
  };
}

export function commentToRow(c: Codec, comment: CommentRow) {
  return {
    site_id: comment.siteId,
    id: comment.id,
    thread: comment.thread,
    parent_id: comment.parentId,
    author_id: comment.authorId,
    body: comment.body,
    created_at: comment.createdAt,
    edited_at: comment.editedAt,
    deleted_at: comment.deletedAt,
    status: comment.status,
    pinned: c.bool(comment.pinned),
    score: comment.score,
    ip_hash: comment.ipHash,
  };
}

export function commentFromRow(c: Codec, row: Selectable<CommentsTable>): CommentRow {
  return {
    siteId: row.site_id,
    id: row.id,
    thread: row.thread,
    parentId: row.parent_id,
    authorId: row.author_id,
    body: row.body,
    createdAt: row.created_at,
    editedAt: row.edited_at,
    deletedAt: row.deleted_at,
    status: row.status as CommentStatus,
    pinned: c.readBool(row.pinned),
    score: c.readNumber(row.score),
    ipHash: row.ip_hash,
  };
}

export function reportFromRow(row: Selectable<ReportsTable>): ReportRow {
  return {
    siteId: row.site_id,
    commentId: row.comment_id,
    userId: row.user_id,
    reason: row.reason as ReportReason,
    note: row.note,
    at: row.at,
  };
}

export function auditFromRow(c: Codec, row: Selectable<AuditTable>): AuditRow {
  return {
    id: c.readNumber(row.id),
    siteId: row.site_id,
    at: row.at,
    actorId: row.actor_id,
    action: row.action,
    target: row.target,
    detail: row.detail === null ? null : c.readJson(row.detail),
  };
}

export function eventFromRow(c: Codec, row: Selectable<EventsTable>): StoredEvent {
  return { id: c.readNumber(row.id), siteId: row.site_id, topic: row.topic, payload: c.readJson(row.payload), at: row.at };
}
