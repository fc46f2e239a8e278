/**
 * Reactions and reports: members react to visible comments with the thread's reaction keys and
 * report others' comments for the moderation queue, by the domain's steps
 * (`src/domain/comments-steps.ts`) that the memory adapter takes too.
 */
import { topics, type ReactionSummary, type ReportInput } from '../../adapters/contract.js';
import { notFound, proceed } from '../../adapters/refusals.js';
import { applyReaction } from '../../domain/comments.js';
import { planReaction, planReport } from '../../domain/comments-steps.js';
import { asCommitted } from './as-committed.js';
import { againIfChanged, updateAsRead } from './as-read.js';
import { QUEUE_CHANGED, reactionsChange } from './changes.js';
import { commit, type OperationContext } from './context.js';
import { locateForWrite } from './reading.js';
import { ThreadView } from './thread-view.js';
import { rememberUser } from './users.js';

export function react(context: OperationContext, commentId: string, key: unknown, on: boolean): Promise<ReactionSummary[]> {
  return againIfChanged(() => reactOnce(context, commentId, key, on));
}

async function reactOnce(context: OperationContext, commentId: string, key: unknown, on: boolean): Promise<ReactionSummary[]> {
  const found = await locateForWrite(context, commentId);
  if (!found) throw notFound('The comment');
  const { state, view } = found;
  const { comment, key: reactionKey } = proceed(planReaction(view, commentId, key));
  if (applyReaction(comment.reactions, reactionKey, view.viewerId!, on) === comment.reactions) return view.present(comment).reactions;
  await rememberUser(context.store, context.site, context.identity.viewer!, context.now());
  let record = comment;
  await commit(
    context,
    async (tx) => {
      // Holds the comment as read: one hidden or deleted meanwhile is decided on again, and the
      // reactions are counted after every reaction committed before this one.
      await updateAsRead(tx, context.site.id, comment, {});
      await tx.setReaction(context.site.id, commentId, view.viewerId!, reactionKey, on);
      record = await asCommitted(tx, context.site.id, comment);
      state.replace(record);
    },
    () => [{ topic: topics.thread(record.thread), payload: reactionsChange(state, record) }],
    found.checkout,
  );
  return new ThreadView(state, view.actor).present(record).reactions;
}

export async function report(context: OperationContext, commentId: string, input: { reason: unknown; note?: unknown }): Promise<void> {
  const found = await locateForWrite(context, commentId);
  if (!found) throw notFound('The comment');
  const { view } = found;
  const { note } = proceed(planReport(view, commentId, input));
  await rememberUser(context.store, context.site, context.identity.viewer!, context.now());
  await commit(
    context,
    (tx) =>
      tx.addReport({
        siteId: context.site.id,
        commentId,
        userId: view.viewerId!,
        reason: input.reason as ReportInput['reason'],
        note: note === '' ? null : note,
        at: new Date(context.now()).toISOString(),
      }),
    [{ topic: topics.moderation(), payload: QUEUE_CHANGED }],
  );
}
