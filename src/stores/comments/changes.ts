import type { Comment, ModerationAction, ReactionSummary, ReportInput } from '../../adapters/contract.js';
import type { DraftKey } from './drafts.js';
import { moderated, placeholder, toggleReaction } from './optimistic.js';
import type { CommentsState } from './state.js';
import { existing, prune, refreshThread } from './thread-changes.js';

export interface Changes {
  edit(id: string, body: string): Promise<Comment>;
  remove(id: string): Promise<void>;
  react(id: string, key: string, on: boolean): Promise<ReactionSummary[]>;
  report(id: string, input: ReportInput): Promise<void>;
  moderate(id: string, action: ModerationAction): Promise<void>;
  setLocked(locked: boolean): Promise<void>;
}

/**
 * Changes to comments the backend has, and to the thread: shown at once, replaced by the
 * backend's answer, rolled back when refused, unless something newer (a later toggle, a live
 * update) has replaced the optimistic value meanwhile.
 */
export function createChanges(s: CommentsState): Changes {
  /**
   * Shows `change` of comment `id` while `request` runs. Only the `fields` it touches are guarded:
   * a live update of other fields meanwhile (a reaction during an edit) neither blocks the
   * rollback nor is undone by it.
   */
  async function attempt<T>(
    id: string,
    action: 'edit' | 'react' | 'moderate',
    fields: readonly (keyof Comment)[],
    change: (comment: Comment) => Comment,
    request: () => Promise<T>,
    settle?: (comment: Comment, result: T) => Comment,
  ): Promise<T> {
    const { key, entry } = existing(s, id, action);
    const before = entry.comment;
    const optimistic = change(before);
    const untouched = (comment: Comment) => fields.every((field) => comment[field] === optimistic[field]);
    s.tree.update(key, { ...entry, comment: optimistic });
    s.commit();
    try {
      const result = await request();
      const current = s.tree.entry(key);
      if (settle && current && untouched(current.comment)) {
        s.tree.update(key, { ...current, comment: settle(current.comment, result) });
        s.commit();
      }
      return result;
    } catch (caught) {
      const current = s.tree.entry(key);
      if (current) {
        const restored: Record<string, unknown> = { ...current.comment };
        for (const field of fields) if (current.comment[field] === optimistic[field]) restored[field] = before[field];
        s.tree.update(key, { ...current, comment: restored as unknown as Comment });
        s.commit();
      }
      throw s.fail(action, caught, id);
    }
  }

  async function edit(id: string, body: string): Promise<Comment> {
    const draft: DraftKey = `edit:${id}`;
    s.drafts.set(draft, body);
    const edited = await attempt(
      id,
      'edit',
      ['body', 'editedAt'],
      (comment) => ({ ...comment, body, editedAt: new Date(s.now()).toISOString() }),
      () => s.need('comments').editComment(id, { body }),
      // The backend's version is at least as new as anything shown.
      (_, stored) => stored,
    );
    s.drafts.clearIf(draft, body);
    return edited;
  }

  async function remove(id: string): Promise<void> {
    const { key, entry } = existing(s, id, 'remove');
    const parent = s.tree.parentKey(key);
    // With replies it stays as "[deleted]"; without, it goes.
    const optimistic = s.tree.childCount(key) > 0 ? placeholder(entry.comment) : null;
    const removed = optimistic ? undefined : s.tree.remove(key);
    if (optimistic) s.tree.update(key, { ...entry, comment: optimistic });
    s.commit();
    try {
      await s.need('comments').deleteComment(id);
      s.drafts.clear(`edit:${id}`);
      prune(s, parent);
      s.commit();
      refreshThread(s);
    } catch (caught) {
      const current = s.tree.entry(key);
      if (optimistic && current?.comment === optimistic) s.tree.update(key, { ...current, comment: entry.comment });
      if (removed) s.tree.restore(removed);
      s.commit();
      throw s.fail('remove', caught, id);
    }
  }

  return {
    edit,
    remove,
    react: (id, key, on) =>
      attempt(
        id,
        'react',
        ['reactions'],
        (comment) => ({ ...comment, reactions: toggleReaction(comment.reactions, key, on) }),
        () => s.need('reactions').react(id, key, on),
        (comment, reactions) => ({ ...comment, reactions }),
      ),
    moderate: (id, action) =>
      attempt(
        id,
        'moderate',
        ['status', 'pinned'],
        (comment) => moderated(comment, action),
        () => s.need('moderation').moderate({ kind: 'comment', id }, action),
      ),
    async report(id, input) {
      try {
        await s.need('reports').report(id, input);
      } catch (caught) {
        throw s.fail('report', caught, id);
      }
    },
    async setLocked(locked) {
      const before = s.$thread.get();
      const optimistic = before ? { ...before, locked } : null;
      if (optimistic) s.$thread.set(optimistic);
      try {
        await s.need('moderation').lock({ kind: 'thread', id: s.thread }, locked);
      } catch (caught) {
        if (s.$thread.get() === optimistic) s.$thread.set(before);
        throw s.fail('lock', caught);
      }
    },
  };
}
