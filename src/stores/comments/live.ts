import { batch } from 'nanostores';
import { supports, topics, type Comment, type RealtimeEvent, type Viewer } from '../../adapters/contract.js';
import { canInThread as can } from '../../domain/permissions-thread.js';
import { actorOf } from './permissions.js';
import type { CommentsState } from './state.js';
import { refreshThread, takeAway } from './thread-changes.js';
import type { CommentEntry } from './types.js';

/**
 * Live events: others' new comments wait in `$incoming` so nothing moves under the reader; edits,
 * deletions, reactions, moderation and the thread's settings apply at once; the viewer's own
 * comments from elsewhere appear at once.
 */
export interface Live {
  /**
   * Subscribes to the thread and the session (once; only where the adapter has realtime), then
   * handles `early`: events of those topics that came, in order, before it was loaded.
   */
  start(early?: readonly [string, RealtimeEvent][]): void;
  stop(): void;
  /** Puts the arrivals that can be shown in view, and returns their entries. */
  showIncoming(): CommentEntry[];
}

/** `viewerChanged` is the store's (see `viewer-change.ts`): a session event is one way a viewer changes. */
export function createLive(s: CommentsState, reload: () => void, viewerChanged: (viewer: Viewer | null) => void): Live {
  let stops: (() => void)[] = [];
  let started = false;

  const isOwn = (comment: Comment): boolean => s.$viewer.get()?.id === comment.author.id;

  function readable(comment: Comment): boolean {
    const facts = { authorId: comment.author.id, status: comment.status, deleted: comment.deleted };
    return can(actorOf(s.$viewer.get()), 'comment.read', facts).allowed;
  }

  /** A post of this store's on its way answers for itself: its echo must not add it a second time. */
  function echoOfSending(comment: Comment): boolean {
    const body = comment.body.trim();
    for (const { sending, input } of s.outbox.values()) {
      if (!sending || input.body.trim() !== body || (input.parentId ?? null) !== comment.parentId) continue;
      // A guest's first post can arrive before the store learns who the guest is.
      if (isOwn(comment) || (input.guestName !== undefined && comment.author.guest === true)) return true;
    }
    return false;
  }

  function arrived(comment: Comment): void {
    // Approved or shown again after it went away.
    s.tombstones.delete(comment.id);
    refreshThread(s);
    if (s.tree.has(comment.id)) s.upsert(comment, true);
    else if (echoOfSending(comment)) return;
    // Written elsewhere by the viewer (another tab, another device): they expect it at once.
    else if (isOwn(comment)) s.upsert(comment, false);
    else s.incoming.set(comment.id, comment);
  }

  function changed(comment: Comment): void {
    // Backends announce this as a deletion; one that does not still must not show it.
    if (!readable(comment)) {
      takeAway(s, comment.id);
      return;
    }
    if (s.incoming.has(comment.id)) s.incoming.set(comment.id, comment);
    // A deleted comment may stay as a placeholder: its replies may be among the arrivals.
    else if (s.tree.has(comment.id)) s.upsert(comment, true);
    // A change to a comment this store never loaded concerns a page it has not fetched yet.
    if (comment.deleted) refreshThread(s);
  }

  function reactionsChanged(id: string, reactions: Comment['reactions']): void {
    const waiting = s.incoming.get(id);
    if (waiting) s.incoming.set(id, { ...waiting, reactions });
    const key = s.tree.keyOf(id);
    const entry = key === undefined ? undefined : s.tree.entry(key);
    if (key !== undefined && entry) s.tree.update(key, { ...entry, comment: { ...entry.comment, reactions } });
  }

  /** Events that came while a read was on its way, to apply once its page replaced the tree. */
  let held: RealtimeEvent[] | undefined;

  function onThreadEvent(event: RealtimeEvent): void {
    const loading = s.loading;
    if (loading) {
      if (!held) {
        held = [];
        void loading.then(() => {
          const events = held ?? [];
          held = undefined;
          for (const next of events) onThreadEvent(next);
        });
      }
      held.push(event);
      return;
    }
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
          takeAway(s, event.id);
          refreshThread(s);
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

  return {
    start(early = []) {
      if (started || s.disposed || !supports(s.adapter, 'realtime')) return;
      started = true;
      const onSessionEvent = (event: RealtimeEvent): void => {
        if (event.type === 'viewer-changed') viewerChanged(event.viewer);
      };
      stops = [s.adapter.subscribe(topics.thread(s.thread), onThreadEvent), s.adapter.subscribe(topics.session(), onSessionEvent)];
      for (const [topic, event] of early) (topic === topics.session() ? onSessionEvent : onThreadEvent)(event);
    },
    stop() {
      for (const stop of stops) stop();
      stops = [];
    },
    showIncoming(): CommentEntry[] {
      // Oldest first, so every parent is in place before its replies.
      const arrivals = [...s.incoming.values()]
        .filter((comment) => s.showable(comment))
        .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
      batch(() => {
        for (const comment of arrivals) s.upsert(comment, s.tree.has(comment.id));
        s.commit();
      });
      return arrivals.flatMap((comment) => s.rendered(comment.id) ?? []);
    },
  };
}
