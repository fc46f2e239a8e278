/**
 * A comment as the transaction that wrote it leaves it, for that write's realtime events and
 * answer. The thread a write decides on was read before its transaction, and what no version
 * check covers may have changed since: reactions (another member's, committed meanwhile, or
 * counted from the same read). Live readers put each comment event in place of what they hold,
 * so an event built from that read would take back a newer change and keep it out until a
 * reload. Read after the write, while the write holds the row (`updateAsRead` locks it on
 * PostgreSQL; SQLite has one writer), every other write to the comment committed before this
 * one, and each later one waits for it, so events describe the comment in commit order.
 */
import type { CommentRecord } from '../../domain/comments.js';
import type { PleinStore } from '../store/types.js';
import { groupReactions, toRecord } from './records.js';

/** `read` as stored now, inside the transaction that just wrote it. */
export async function asCommitted(tx: PleinStore, siteId: string, read: CommentRecord): Promise<CommentRecord> {
  const row = await tx.getComment(siteId, read.id);
  // Comments are never removed, only marked deleted: the row the write held is there.
  if (!row) throw new Error(`Comment ${read.id} is gone from under its own write.`);
  const reactions = groupReactions(await tx.listReactions(siteId, [read.id]));
  return toRecord(row, read.author, reactions.get(read.id) ?? {});
}
