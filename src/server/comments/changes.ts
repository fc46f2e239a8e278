/**
 * Realtime events for comment changes, shaped per viewer by the domain's `commentChangeEvents`,
 * as in the memory adapter (`comment-added` when something became visible, `comment-updated`
 * when a visible comment changed, `comment-deleted` when it is gone for that viewer), so a
 * pending comment reaches only its author and moderators and a hidden one nobody but moderators.
 *
 * What one viewer sees depends only on whether they moderate and which pending comments they
 * wrote, so each change is shaped once per class of viewer when it is published — moderators,
 * everyone else ("public"), and each author of a pending comment in the thread whose view
 * differs — and the journal keeps those views. Delivery picks the subscriber's class and sets
 * `mine` on reaction summaries from `reactors`: no store access per subscriber, so fan-out to
 * thousands of streams stays cheap.
 */
import type { RealtimeEvent, ReactionSummary } from '../../adapters/contract.js';
import { isModerator, type Actor } from '../../domain/roles.js';
import { commentChangeEvents } from '../../domain/comments-changes.js';
import type { CommentRecord } from '../../domain/comments.js';
import { ThreadView } from './thread-view.js';
import type { ThreadState } from './thread-state.js';

export interface JournalPayload {
  v: 1;
  /** Events for each class of viewer: `moderator`, `public`, `user:<id>`; a missing class gets nothing. */
  views: Record<string, RealtimeEvent[]>;
  /** Comment id → reaction key → people, for the comments whose reactions the events carry. */
  reactors?: Record<string, Record<string, readonly string[]>>;
}

const MODERATOR: Actor = { kind: 'member', id: '\u0000moderator', name: '', roles: ['moderator'] };
const PUBLIC: Actor = { kind: 'anonymous' };
const author = (id: string): Actor => ({ kind: 'member', id, name: '', roles: ['member'] });

function shapeChange(state: ThreadState, actor: Actor, comment: CommentRecord, before: CommentRecord | null): RealtimeEvent[] {
  return commentChangeEvents(new ThreadView(state, actor), new ThreadView(state, actor, { id: comment.id, record: before }), comment, before);
}

/** Authors whose own pending comments may make their view of this thread differ from the public's. */
function pendingAuthors(state: ThreadState, extra: CommentRecord | null): Set<string> {
  const ids = new Set<string>();
  for (const comment of state.comments.values()) if (comment.status === 'pending') ids.add(comment.author.id);
  if (extra?.status === 'pending') ids.add(extra.author.id);
  return ids;
}

function byClass(state: ThreadState, extra: CommentRecord | null, shape: (actor: Actor) => RealtimeEvent[]): Record<string, RealtimeEvent[]> {
  const views: Record<string, RealtimeEvent[]> = { moderator: shape(MODERATOR), public: shape(PUBLIC) };
  const shown = JSON.stringify(views['public']);
  for (const id of pendingAuthors(state, extra)) {
    const events = shape(author(id));
    if (JSON.stringify(events) !== shown) views[`user:${id}`] = events;
  }
  for (const [key, events] of Object.entries(views)) if (events.length === 0) delete views[key];
  return views;
}

function reactorsOf(state: ThreadState, views: Record<string, RealtimeEvent[]>): JournalPayload['reactors'] {
  const reactors: Record<string, Record<string, readonly string[]>> = {};
  const note = (id: string, reactions: ReactionSummary[]) => {
    const record = state.get(id);
    if (record && reactions.length > 0) reactors[id] = record.reactions;
  };
  for (const events of Object.values(views)) {
    for (const event of events) {
      if (event.type === 'comment-added' || event.type === 'comment-updated') note(event.comment.id, event.comment.reactions);
      else if (event.type === 'reactions-changed') note(event.commentId, event.reactions);
    }
  }
  return Object.keys(reactors).length > 0 ? reactors : undefined;
}

function payload(state: ThreadState, views: Record<string, RealtimeEvent[]>): JournalPayload | null {
  if (Object.keys(views).length === 0) return null;
  const reactors = reactorsOf(state, views);
  return { v: 1, views, ...(reactors ? { reactors } : {}) };
}

/** A comment was added or changed; `before` is how it was (`null`: new). `null` when nobody would hear of it. */
export function commentChange(state: ThreadState, comment: CommentRecord, before: CommentRecord | null): JournalPayload | null {
  return payload(state, byClass(state, before, (actor) => shapeChange(state, actor, comment, before)));
}

export function reactionsChange(state: ThreadState, comment: CommentRecord): JournalPayload | null {
  const shape = (actor: Actor): RealtimeEvent[] => {
    const view = new ThreadView(state, actor);
    const visible = view.visible(comment.id);
    return visible ? [{ type: 'reactions-changed', commentId: visible.id, reactions: view.present(visible).reactions }] : [];
  };
  return payload(state, byClass(state, null, shape));
}

export function threadChange(state: ThreadState): JournalPayload | null {
  return payload(state, byClass(state, null, (actor) => [{ type: 'thread-updated', thread: new ThreadView(state, actor).thread() }]));
}

export const QUEUE_CHANGED: JournalPayload = { v: 1, views: { moderator: [{ type: 'moderation-queue-changed' }] } };

function isPayload(value: unknown): value is JournalPayload {
  const candidate = value as Partial<JournalPayload> | null;
  return candidate?.v === 1 && typeof candidate.views === 'object' && candidate.views !== null;
}

/** The class of viewer whose events `actor` gets from `payload`. */
export function classOf(payload: JournalPayload, actor: Actor): string | null {
  if (isModerator(actor)) return 'moderator';
  if (actor.kind !== 'anonymous' && payload.views[`user:${actor.id}`]) return `user:${actor.id}`;
  return 'public';
}

/** Whether `mine` needs setting for this viewer (they reacted to a comment in the events). */
export function concernsReactor(payload: JournalPayload, viewerId: string | null): boolean {
  if (!payload.reactors || viewerId === null) return false;
  for (const byKey of Object.values(payload.reactors)) for (const people of Object.values(byKey)) if (people.includes(viewerId)) return true;
  return false;
}

function withMine(reactions: ReactionSummary[], people: Record<string, readonly string[]> | undefined, viewerId: string): ReactionSummary[] {
  return reactions.map((reaction) => ({ ...reaction, mine: people?.[reaction.key]?.includes(viewerId) === true }));
}

/** The events one viewer gets from a journal entry, `mine` set for them; empty when none. */
export function eventsFor(value: unknown, actor: Actor): RealtimeEvent[] {
  if (!isPayload(value)) return [];
  const key = classOf(value, actor);
  const events = (key && value.views[key]) || [];
  const viewerId = actor.kind === 'anonymous' ? null : actor.id;
  if (!concernsReactor(value, viewerId)) return events;
  const reactors = value.reactors!;
  return events.map((event) => {
    if (event.type === 'comment-added' || event.type === 'comment-updated') {
      return { ...event, comment: { ...event.comment, reactions: withMine(event.comment.reactions, reactors[event.comment.id], viewerId!) } };
    }
    if (event.type === 'reactions-changed') return { ...event, reactions: withMine(event.reactions, reactors[event.commentId], viewerId!) };
    return event;
  });
}
