import { applyReaction, type CommentRecord } from '../../../domain/comments.js';
import { planReaction } from '../../../domain/comments-steps.js';
import type { ReactionMethods } from '../../contract.js';
import { proceed } from '../../refusals.js';
import { publishReactions } from '../comments-events.js';
import { existingIndex } from '../comments-index.js';
import { commentsSlice, own } from '../comments-state.js';
import { CommentsView, viewFor } from '../comments-view.js';
import type { MemorySection } from './section.js';

/** `react`: members set and clear their own reactions from the thread's allowed set. */
export const reactionsSection: MemorySection<ReactionMethods> = {
  capabilities: ['reactions'],
  methods: (instance) => ({
    react: (commentId, key, on, options) =>
      instance.call('react', options, () => {
        const view = viewFor(instance);
        const { key: reaction } = proceed(planReaction(view, commentId, key));

        let record!: CommentRecord;
        let changed = false;
        const state = instance.db.update(commentsSlice, (data) => {
          record = own(data.comments, commentId)!;
          const next = applyReaction(record.reactions, reaction, view.viewerId!, on === true);
          changed = next !== record.reactions;
          record.reactions = next;
          // `top` orders by reactions.
          if (changed) existingIndex(data)?.thread(record.thread).reorder(record);
        });
        if (changed) publishReactions(instance, record);
        return new CommentsView(state, view.actor).present(record).reactions;
      }),
  }),
};
