import { batch } from 'nanostores';
import type { Comment, PostCommentInput, Viewer } from '../../adapters/contract.js';
import { AdapterError, type AdapterErrorCode } from '../../adapters/errors.js';
import { toAdapterError } from '../../core/errors.js';
import { replyDraftKey } from './drafts.js';
import { localComment, localCommentId } from './optimistic.js';
import { sameViewer } from './same-viewer.js';
import type { CommentsState, Outgoing } from './state.js';
import { refreshThread } from './thread-changes.js';
import type { CommentEntry, PostInput } from './types.js';

/** Refusals that say nothing about the text: the post waits in the thread for another try. */
const RETRYABLE: ReadonlySet<AdapterErrorCode> = new Set(['network', 'unavailable', 'rate-limited']);

export interface Posting {
  post(input: PostInput): Promise<Comment>;
  retry(localId: string): Promise<Comment>;
  retryAll(): Promise<void>;
  discard(localId: string): void;
  signOut(): Promise<void>;
  /** Stops the timer that frees posting after a rate limit. */
  stop(): void;
}

/**
 * New comments: shown at once, confirmed or refused by the backend, kept for another try when the
 * refusal was the network's, and never lost: the draft holds the text until the backend has it.
 */
export function createPosting(s: CommentsState, viewerChanged: (viewer: Viewer | null) => void): Posting {
  let unblock: ReturnType<typeof setTimeout> | undefined;

  function blockPosting(retryAfter: number | undefined): void {
    if (retryAfter === undefined || !(retryAfter > 0)) return;
    const until = s.now() + retryAfter * 1000;
    s.$postBlockedUntil.set(until);
    clearTimeout(unblock);
    unblock = setTimeout(() => {
      if (s.$postBlockedUntil.get() === until) s.$postBlockedUntil.set(null);
    }, retryAfter * 1000);
  }

  function refreshViewer(): void {
    s.adapter
      .getViewer({ signal: s.reads.signal })
      .then((viewer) => {
        if (!sameViewer(s.$viewer.get(), viewer)) viewerChanged(viewer);
      })
      .catch(() => {
        // Realtime or the next load will tell.
      });
  }

  function setLocal(localId: string, local: 'sending' | 'failed', error?: AdapterError): void {
    const entry = s.tree.entry(localId);
    if (!entry) return;
    const next: CommentEntry = { key: localId, comment: entry.comment, local, localId };
    s.tree.update(localId, error ? { ...next, error } : next);
    s.commit();
  }

  /** The draft slot still holds the text (or can take it back): rolling the entry back loses nothing. */
  function draftHolds({ draft, input }: Outgoing): boolean {
    if (s.drafts.get(draft) === '') s.drafts.set(draft, input.body);
    return s.drafts.get(draft) === input.body;
  }

  function confirm(localId: string, comment: Comment): void {
    if (!s.tree.entry(localId)) {
      s.upsert(comment, false);
      return;
    }
    // Realtime may have brought the same comment in first.
    const echo = s.tree.keyOf(comment.id);
    if (echo !== undefined && echo !== localId) s.tree.remove(echo);
    s.incoming.delete(comment.id);
    s.tree.update(localId, { key: localId, comment });
  }

  function send(outgoing: Outgoing): Promise<Comment> {
    if (outgoing.sending) return outgoing.sending;
    setLocal(outgoing.localId, 'sending');
    const wasAnonymous = s.$viewer.get() === null;
    const run = async (): Promise<Comment> => {
      try {
        // No abort signal: a post that was sent cannot be unsent, and its answer must still
        // clear the draft even when the store was disposed meanwhile.
        const comment = await s.need('comments').postComment(outgoing.input);
        s.outbox.delete(outgoing.localId);
        batch(() => {
          confirm(outgoing.localId, comment);
          s.commit();
          s.$postBlockedUntil.set(null);
        });
        s.drafts.clearIf(outgoing.draft, outgoing.input.body);
        refreshThread(s);
        if (wasAnonymous) refreshViewer();
        return comment;
      } catch (caught) {
        const error = toAdapterError(caught);
        if (error.code === 'rate-limited') blockPosting(error.retryAfter);
        if (RETRYABLE.has(error.code) || !draftHolds(outgoing)) setLocal(outgoing.localId, 'failed', error);
        else {
          // The writer must change something (the text, their session): back to the composer,
          // whose draft still holds every word.
          s.outbox.delete(outgoing.localId);
          s.tree.remove(outgoing.localId);
          s.commit();
        }
        throw s.fail('post', error, outgoing.localId);
      } finally {
        outgoing.sending = undefined;
      }
    };
    const sending = run();
    outgoing.sending = sending;
    return sending;
  }

  function post(input: PostInput): Promise<Comment> {
    const localId = input.localId ?? localCommentId();
    if (s.outbox.has(localId) || s.tree.entry(localId)) {
      return Promise.reject(s.fail('post', new AdapterError('conflict', `A post "${localId}" is already on its way.`), localId));
    }
    const parentId = input.parentId ?? null;
    const draft = replyDraftKey(parentId);
    // The draft holds exactly what is being sent until the backend has it.
    s.drafts.set(draft, input.body);
    const request: PostCommentInput = { thread: s.thread, body: input.body, parentId };
    if (input.guestName !== undefined) request.guestName = input.guestName;
    const outgoing: Outgoing = { localId, input: request, draft };
    s.outbox.set(localId, outgoing);
    const comment = localComment({
      localId,
      thread: s.thread,
      body: input.body,
      parent: parentId === null ? null : (s.tree.byId(parentId)?.comment ?? null),
      viewer: s.$viewer.get(),
      guestName: input.guestName,
      info: s.$thread.get(),
      now: s.now(),
    });
    batch(() => {
      s.tree.insert({ key: localId, comment, local: 'sending', localId }, false);
      s.commit();
    });
    return send(outgoing);
  }

  function retry(localId: string): Promise<Comment> {
    const outgoing = s.outbox.get(localId);
    if (!outgoing || !s.tree.entry(localId)) {
      return Promise.reject(s.fail('post', new AdapterError('not-found', `No unsent post "${localId}".`), localId));
    }
    return send(outgoing);
  }

  async function retryAll(): Promise<void> {
    for (const outgoing of [...s.outbox.values()]) {
      const entry = s.tree.entry(outgoing.localId);
      if (entry?.local !== 'failed' || entry.error?.code !== 'network') continue;
      try {
        await send(outgoing);
      } catch (error) {
        // Still offline: the rest would fail the same way.
        if ((error as AdapterError).code === 'network') return;
      }
    }
  }

  function discard(localId: string): void {
    const outgoing = s.outbox.get(localId);
    if (!outgoing || outgoing.sending || s.tree.entry(localId)?.local !== 'failed') return;
    s.outbox.delete(localId);
    batch(() => {
      s.tree.remove(localId);
      s.commit();
    });
    s.drafts.clearIf(outgoing.draft, outgoing.input.body);
  }

  async function signOut(): Promise<void> {
    try {
      await s.need('session').signOut();
    } catch (error) {
      throw s.fail('sign-out', error);
    }
    // Realtime tells the other widgets; this one should not wait for it, nor need it.
    viewerChanged(null);
  }

  return { post, retry, retryAll, discard, signOut, stop: () => clearTimeout(unblock) };
}
