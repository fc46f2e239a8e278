import { commentFacts } from '../../../domain/comments.js';
import { validateReport } from '../../../domain/limits.js';
import { can } from '../../../domain/permissions.js';
import type { ReportMethods } from '../../contract.js';
import { publishQueueChanged } from '../comments-events.js';
import { commentsSlice, type StoredReport } from '../comments-state.js';
import { viewFor } from '../comments-view.js';
import { enforce, enforceValid, notFound } from '../refusals.js';
import type { MemorySection } from './section.js';

/** `report`: members flag others' comments for the moderation queue, one open report per person. */
export const reportsSection: MemorySection<ReportMethods> = {
  capabilities: ['reports'],
  methods: (instance) => ({
    report: (commentId, input, options) =>
      instance.call('report', options, () => {
        const view = viewFor(instance);
        const comment = typeof commentId === 'string' ? view.visible(commentId) : undefined;
        if (!comment) throw notFound('The comment');
        enforce(can(view.actor, 'comment.report', commentFacts(comment, view.settings(comment.thread))));
        enforceValid(validateReport({ reason: input?.reason, note: input?.note }));

        const note = typeof input.note === 'string' ? input.note.trim() : '';
        const report: StoredReport = { by: view.viewerId!, reason: input.reason, ...(note ? { note } : {}), at: new Date().toISOString() };
        instance.db.update(commentsSlice, (data) => {
          const open = (data.reports[commentId] ?? []).filter((earlier) => earlier.by !== report.by);
          data.reports[commentId] = [...open, report];
        });
        publishQueueChanged(instance);
      }),
  }),
};
