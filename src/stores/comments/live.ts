import { batch } from 'nanostores';
import { supports, topics, type Comment, type RealtimeEvent, type Viewer } from '../../adapters/contract.js';
import { sameViewer } from './same-viewer.js';
import type { CommentsState } from './state.js';

/**
 * Live events: others' new comments wait in `$incoming` so nothing moves under the reader; edits,
 * deletions, reactions, moderation and the thread's settings apply at once; the viewer's own
 * comments from elsewhere appear at once.
 */
export interface Live {
  /** Subscribes to the thread and the session (once; only where the adapter has realtime). */
  start(): void;
  stop(): void;
  /** A new viewer: refetches what they may see, unless nothing they may see changed. */
  viewerChanged(viewer: Viewer | null): void;
}

export function createLive(s: CommentsState, reload: () => void): Live {
  let stops: (() => void)[] = [];
  let started = false;

  /** A post of this store's on its way answers for itself: its echo must not add it a second time. */
  function echoOfSending(comment: Comment): boolean {
    const body = comment.body.trim();
    for (const { sending, input } of s.outbox.values()) {
      if (!sending || input.body.trim() !== body || (input.parentId ?? null) !== comment.parentId) continue;
      // A guest's first post can arrive before the store learns who the guest is.
      if (s.isOwn(comment) || (input.guestName !== undefined && comment.author.guest === true)) return true;
    }
    return false;
  }

  function arrived(comment: Comment): void {
    // Approved or shown again after it went away.
    s.tombstones.delete(comment.id);
    s.refreshThread();
    if (s.tree.has(comment.id)) s.upsert(comment, true);
    else if (echoOfSending(comment)) return;
    // Written elsewhere by the viewer (another tab, another device): they expect it at once.
    else if (s.isOwn(comment)) s.upsert(comment, false);
    else s.incoming.set(comment.id, comment);
  }

  function changed(comment: Comment): void {
    // Backends announce this as a deletion; one that does not still must not show it.
    if (!s.readable(comment)) {
      s.takeAway(comment.id);
      return;
    }
    if (s.incoming.has(comment.id)) s.incoming.set(comment.id, comment);
    // A deleted comment may stay as a placeholder: its replies may be among the arrivals.
    else if (s.tree.has(comment.id)) s.upsert(comment, true);
    // A change to a comment this store never loaded concerns a page it has not fetched yet.
    if (comment.deleted) s.refreshThread();
  }

  function reactionsChanged(id: string, reactions: Comment['reactions']): void {
    const waiting = s.incoming.get(id);
    if (waiting) s.incoming.set(id, { ...waiting, reactions });
    const key = s.tree.keyOf(id);
    const entry = key === undefined ? undefined : s.tree.entry(key);
    if (key !== undefined && entry) s.tree.update(key, { ...entry, comment: { ...entry.comment, reactions } });
  }

  function onThreadEvent(event: RealtimeEvent): void {
    batch(() => {
      switch (event.type) {
        case 'comment-added':
          if (event.comment.thread === s.thread) arrived(event.comment);
          break;
        case 'comment-updated':
          if (event.comment.thread === s.thread) changed(event.comment);
          break;
        case 'comment-deleted':
          if (event.thread !== s.thread) return;
          s.tombstones.add(event.id);
          s.takeAway(event.id);
          s.refreshThread();
          break;
        case 'reactions-changed':
          reactionsChanged(event.commentId, event.reactions);
          break;
        case 'thread-updated':
          if (event.thread.id === s.thread) s.$thread.set(event.thread);
          return;
        case 'resync':
          // Events were lost on the way: only a fresh read shows the thread as it is.
          s.incoming.clear();
          if (s.status !== 'idle') reload();
          break;
        default:
          return;
      }
      s.commit();
    });
  }

  function viewerChanged(viewer: Viewer | null): void {
    s.viewerVersion += 1;
    const before = s.$viewer.get();
    s.$viewer.set(viewer);
    if (sameViewer(before, viewer)) return;
    // A visitor who becomes a guest sees what they saw, plus their own posts, which are here already.
    if (before === null && viewer?.guest === true) return;
    // Someone else now: what they may see, and their `mine` flags, differ; so does the buffer.
    s.incoming.clear();
    s.commit();
    if (s.status !== 'idle') reload();
  }

  return {
    start() {
      if (started || s.disposed || !supports(s.adapter, 'realtime')) return;
      started = true;
      stops = [
        s.adapter.subscribe(topics.thread(s.thread), onThreadEvent),
        s.adapter.subscribe(topics.session(), (event) => {
          if (event.type === 'viewer-changed') viewerChanged(event.viewer);
        }),
      ];
    },
    stop() {
      for (const stop of stops) stop();
      stops = [];
    },
    viewerChanged,
  };
}
