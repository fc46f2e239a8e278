import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Thread } from '../../adapters/contract.js';
import type { CommentsStore } from '../../stores/comments/types.js';
import { button, type CommentContext } from './comment-template.js';
import type { DisplayNode, DisplayTree } from './display-tree.js';
import type { CommentsLocalize } from './localize.js';

/**
 * What only someone who acts sees: a moderator's buttons (after a comment's reports), what waits
 * for review, the close/reopen switch, and the sending or failed line of the viewer's own
 * unconfirmed comment. They come with the writing part, which a moderator's widget loads as soon
 * as its first page is shown.
 */

export function moderationButtons(t: CommentsLocalize, store: CommentsStore, node: DisplayNode): TemplateResult[] {
  const comment = node.entry.comment;
  if (!store.can('moderation.approve').allowed) return [];
  const key = node.entry.key;
  const name = comment.author.name;
  const reports = store.$reports.get().get(comment.id) ?? [];
  const reasons = reports.map(({ reason, note }) => {
    const label = t.t(`reason.${reason}`);
    return note ? t.t('report-quoted', { reason: label, note }) : label;
  });
  const actions: ('approve' | 'hide' | 'pin' | 'unpin')[] = [];
  // Approving a reported comment keeps it and settles its reports.
  if (comment.status !== 'published' || reports.length > 0) actions.push('approve');
  if (comment.status !== 'hidden') actions.push('hide');
  if (comment.depth === 0) actions.push(comment.pinned ? 'unpin' : 'pin');
  // One template, its buttons keyed: a button keeps its element while the reports and the buttons
  // before it come and go, so focus stays on its action.
  return [
    html`${reports.length > 0 ? html`<p part="reports" class="reports">${t.t('reports-open', { count: reports.length, reasons: reasons.join('; ') })}</p>` : nothing}${repeat(
      actions,
      (action) => action,
      (action) => button(action, key, t.t(action), t.t(`${action}-of`, { name }), ' moderation'),
    )}`,
  ];
}

/** What a moderator should look at: comments awaiting approval and reported ones, in reading order. */
export function toReview(store: CommentsStore, tree: DisplayTree): DisplayNode[] {
  if (!store.can('moderation.approve').allowed) return [];
  const reports = store.$reports.get();
  return tree.order.filter(({ entry }) => !entry.local && (entry.comment.status === 'pending' || reports.has(entry.comment.id)));
}

/** "3 to review": each press shows the next of them. */
export function reviewButton(t: CommentsLocalize, store: CommentsStore, nodes: readonly DisplayNode[]): TemplateResult | typeof nothing {
  const count = nodes.length;
  return count > 0
    ? html`<button type="button" part="review" class="button" data-a="review" aria-label=${t.t('to-review-next', { count })}>${t.t('to-review', { count })}</button>`
    : nothing;
}

export function lockButton(t: CommentsLocalize, store: CommentsStore, thread: Thread | null, readonly: boolean): TemplateResult | typeof nothing {
  return !readonly && thread && store.can('thread.lock').allowed
    ? html`<button type="button" part="lock" class="button" data-a="lock">${thread.locked ? t.t('unlock') : t.t('lock')}</button>`
    : nothing;
}

export function localStatus(context: CommentContext, node: DisplayNode): TemplateResult {
  const t = context.localize;
  const { entry } = node;
  if (entry.local === 'sending') return html`<p part="status" class="status muted">${t.t('sending')}</p>`;
  const error = entry.error;
  const wait = error?.code === 'rate-limited' ? context.wait : 0;
  const message =
    error?.code === 'network'
      ? t.t('offline')
      : wait > 0
        ? t.t('rate-limited', { count: wait })
        : error?.code === 'rate-limited'
          ? // Its `retryAfter` was a wait that is over now.
            t.t('rate-limit-over')
          : error
            ? t.errorMessage(error)
            : '';
  return html`<div part="status" class="status failed">
    <p class="danger-text">${t.t('failed')} ${message}</p>
    <span class="actions">
      <button type="button" part="retry" class="button" data-a="retry" data-k=${entry.key} aria-disabled=${wait > 0 ? 'true' : 'false'}>
        ${t.term('retry')}
      </button>
      <button type="button" part="discard" class="button" data-a="discard" data-k=${entry.key}>${t.t('discard')}</button>
    </span>
  </div>`;
}
