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
import { createUnsentPosts, type UnsentPost } from './unsent.js';

/** Refusals that say nothing about the text: the post waits in the thread for another try. */
const RETRYABLE: ReadonlySet<AdapterErrorCode> = new Set(['network', 'unavailable', 'rate-limited']);

export interface Posting {
  post(input: PostInput): Promise<Comment>;
  retry(localId: string): Promise<Comment>;
  retryAll(): Promise<void>;
  discard(localId: string): void;
  /**
   * Shows again, and sends where the browser is online, the viewer's posts that an earlier page
   * kept but never saw confirmed (closed, reloaded or offline), unless another open tab of the
   * site is still sending them or the backend's page shows one arrived.
   */
  restore(): Promise<void>;
  signOut(): Promise<void>;
  /** Stops the timer that frees posting after a rate limit, and lets other pages take over unsent posts. */
  stop(): void;
}

/**
 * New comments: shown at once, confirmed or refused by the backend, kept for another try when the
 * refusal was the network's, and never lost: the draft holds the text until the backend has it.
 */
export function createPosting(s: CommentsState, viewerChanged: (viewer: Viewer | null) => void): Posting {
  let unblock: ReturnType<typeof setTimeout> | undefined;
  const unsent = createUnsentPosts(s.thread, s.storage);

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
        unsent.forget(outgoing.localId);
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
        // A post from an earlier page has no composer on screen to go back to: it stays, with why.
        if (RETRYABLE.has(error.code) || outgoing.restored || !draftHolds(outgoing)) setLocal(outgoing.localId, 'failed', error);
        else {
          // The writer must change something (the text, their session): back to the composer,
          // whose draft still holds every word.
          s.outbox.delete(outgoing.localId);
          unsent.forget(outgoing.localId);
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

  /** Puts a post of the viewer's in the outbox and in the thread, as it will most likely look. */
  function enqueue(localId: string, input: PostCommentInput, draft: Outgoing['draft'], at: number): Outgoing {
    const outgoing: Outgoing = { localId, input, draft };
    s.outbox.set(localId, outgoing);
    const parentId = input.parentId ?? null;
    const comment = localComment({
      localId,
      thread: s.thread,
      body: input.body,
      parent: parentId === null ? null : (s.tree.byId(parentId)?.comment ?? null),
      viewer: s.$viewer.get(),
      guestName: input.guestName,
      info: s.$thread.get(),
      now: at,
    });
    batch(() => {
      s.tree.insert({ key: localId, comment, local: 'sending', localId }, false);
      s.commit();
    });
    return outgoing;
  }

  function post(input: PostInput): Promise<Comment> {
    const localId = input.localId ?? localCommentId();
    if (s.outbox.has(localId) || s.tree.entry(localId)) {
      return Promise.reject(s.fail('post', new AdapterError('conflict', `A post "${localId}" is already on its way.`), localId));
    }
    const parentId = input.parentId ?? null;
    const draft = replyDraftKey(parentId);
    const request: PostCommentInput = { thread: s.thread, body: input.body, parentId };
    if (input.guestName !== undefined) request.guestName = input.guestName;
    const at = s.now();
    const outgoing = enqueue(localId, request, draft, at);
    void unsent.hold(localId);
    // Kept in storage until the backend has it, where it outlives the page and leaves the
    // composer's draft free for what the writer starts next; else the draft holds it.
    outgoing.kept = unsent.keep(localId, { input: request, draft, viewer: s.$viewer.get()?.id ?? null, at });
    if (outgoing.kept) s.drafts.clearIf(draft, input.body);
    else s.drafts.set(draft, input.body);
    return send(outgoing);
  }

  /** The backend's page shows `post` (its answer was lost with the page that sent it). */
  function arrived(post: UnsentPost): boolean {
    return s.tree
      .entries()
      .some(({ comment, local }) => !local && comment.body === post.input.body && comment.author.id === post.viewer && Date.parse(comment.createdAt) >= post.at - 10 * 60_000);
  }

  async function restore(): Promise<void> {
    const viewer = s.$viewer.get()?.id ?? null;
    for (const [localId, post] of unsent.all()) {
      if (s.outbox.has(localId) || post.viewer !== viewer || s.disposed) continue;
      // Another open tab of the site is still sending it.
      if (!(await unsent.hold(localId))) continue;
      if (s.outbox.has(localId) || s.disposed) {
        unsent.release(localId);
        continue;
      }
      if (arrived(post)) {
        unsent.forget(localId);
        continue;
      }
      const outgoing = enqueue(localId, post.input, post.draft, post.at);
      outgoing.kept = outgoing.restored = true;
      if (navigator.onLine) send(outgoing).then((comment) => s.$resent.set([...s.$resent.get(), comment]), () => undefined);
      else setLocal(localId, 'failed', new AdapterError('network', 'Offline.'));
    }
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
    unsent.forget(localId);
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

  return {
    post,
    retry,
    retryAll,
    discard,
    restore,
    signOut,
    stop() {
      clearTimeout(unblock);
      unsent.releaseAll();
    },
  };
}
