/**
 * Store rows as the domain's comment records, and a site's settings as the domain's rules, so
 * every decision on the server is made by the same functions as in the memory adapter.
 */
import {
  resolveThreadSettings,
  type CommentRecord,
  type CommentRules,
  type ThreadSettings,
} from '../../domain/comments.js';
import type { CommentRow, ReactionRow, SiteRecord, ThreadRecord, UserRecord } from '../store/types.js';

export function commentRules(site: SiteRecord, editWindowMs?: number): CommentRules {
  return {
    premoderated: site.premoderation,
    maxLinks: site.maxLinks,
    bannedWords: site.bannedWords.length > 0 ? { words: site.bannedWords, action: site.bannedWordsAction } : null,
    ...(editWindowMs === undefined ? {} : { editWindowMs }),
  };
}

/** A thread's own settings over the site's: `null` fields of the thread fall back to the site. */
export function threadSettings(site: SiteRecord, thread: ThreadRecord | null, rules: CommentRules): ThreadSettings {
  return resolveThreadSettings(
    {
      locked: thread?.locked ?? false,
      guests: thread?.guests ?? site.guests,
      ownerId: thread?.ownerId ?? null,
      ...(thread?.premoderated === null || thread?.premoderated === undefined ? {} : { premoderated: thread.premoderated }),
      ...(thread?.reactions ? { reactions: thread.reactions } : {}),
    },
    rules,
  );
}

export function authorOf(user: UserRecord | undefined, id: string): CommentRecord['author'] {
  if (!user) return { id, name: '' };
  return {
    id: user.id,
    name: user.name,
    avatarUrl: user.avatarUrl,
    roles: [...user.roles],
    ...(user.guest ? { guest: true } : {}),
  };
}

export function toRecord(row: CommentRow, author: CommentRecord['author'], reactions: Record<string, readonly string[]>): CommentRecord {
  return {
    id: row.id,
    thread: row.thread,
    parentId: row.parentId,
    author,
    body: row.body,
    createdAt: row.createdAt,
    editedAt: row.editedAt,
    deleted: row.deletedAt !== null,
    status: row.status,
    pinned: row.pinned,
    score: row.score,
    reactions,
  };
}

/** Reaction rows grouped as the domain keeps them: comment id → key → people. */
export function groupReactions(rows: readonly ReactionRow[]): Map<string, Record<string, string[]>> {
  const byComment = new Map<string, Record<string, string[]>>();
  for (const { commentId, userId, key } of rows) {
    let reactions = byComment.get(commentId);
    if (!reactions) byComment.set(commentId, (reactions = Object.create(null) as Record<string, string[]>));
    (reactions[key] ??= []).push(userId);
  }
  return byComment;
}
