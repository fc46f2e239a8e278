/**
 * Writes to a comment decided on the thread as it was read. Two requests (on this instance or
 * another) may both read a comment before either writes, so a write lands only while the
 * comment is still as read; when it is not, the whole operation runs again on a fresh read and
 * the domain decides again: an author's edit of a comment hidden meanwhile is refused, a hide
 * of a comment edited meanwhile hides the new text. Nothing either request did is lost unseen.
 */
import { AdapterError } from '../../adapters/errors.js';
import type { CommentRecord } from '../../domain/comments.js';
import type { CommentPatch, PleinStore } from '../store/types.js';

/** The comment changed since it was read. Thrown inside the transaction: `commit` rolls back and drops the cached thread. */
class ChangedMeanwhile extends Error {}

/** Each retry follows a change someone else committed; three in a row is a comment under siege. */
const ATTEMPTS = 3;

/** Writes `patch` (`{}`: nothing, only the check) while the comment is still as `read`; otherwise the operation starts over (`againIfChanged`). */
export async function updateAsRead(tx: PleinStore, siteId: string, read: CommentRecord, patch: CommentPatch): Promise<void> {
  const expected = { status: read.status, pinned: read.pinned, editedAt: read.editedAt, deleted: read.deleted };
  if (!(await tx.updateComment(siteId, read.id, patch, expected))) throw new ChangedMeanwhile('The comment changed since it was read.');
}

/** Runs `operation` again, from its reads, when a comment it wrote changed since it read it. */
export async function againIfChanged<T>(operation: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (!(error instanceof ChangedMeanwhile)) throw error;
      if (attempt === ATTEMPTS) throw new AdapterError('conflict', 'The comment kept changing while this was being saved. Try again.');
    }
  }
}
