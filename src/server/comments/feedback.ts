/**
 * Reactions and reports: members react to visible comments with the thread's reaction keys and
 * report others' comments for the moderation queue, by the domain's steps
 * (`src/domain/comments-steps.ts`) that the memory adapter takes too.
 */
import { topics, type ReactionSummary, type ReportInput } from '../../adapters/contract.js';
import { notFound, proceed } from '../../adapters/refusals.js';
import { applyReaction, type CommentRecord } from '../../domain/comments.js';
import { planReaction, planReport } from '../../domain/comments-steps.js';
import { QUEUE_CHANGED, reactionsChange } from './changes.js';
import { commit, type OperationContext } from './context.js';
import { locateForWrite } from './reading.js';
import { ThreadView } from './thread-view.js';
import { rememberUser } from './users.js';

export async function react(context: OperationContext, commentId: string, key: unknown, on: boolean): Promise<ReactionSummary[]> {
  const found = await locateForWrite(context, commentId);
  if (!found) throw notFound('The comment');
  const { state, view } = found;
  const { comment, key: reactionKey } = proceed(planReaction(view, commentId, key));

  const next = applyReaction(comment.reactions, reactionKey, view.viewerId!, on);
  if (next === comment.reactions) return view.present(comment).reactions;
  await rememberUser(context.store, context.site, context.identity.viewer!, context.now());
  const record: CommentRecord = { ...comment, reactions: next };
  state.replace(record);
  await commit(
    context,
    async (tx) => {
      await tx.setReaction(context.site.id, commentId, view.viewerId!, reactionKey, on);
    },
    [{ topic: topics.thread(record.thread), payload: reactionsChange(state, record) }],
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
