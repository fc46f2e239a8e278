import { planReport } from '../../../domain/comments-steps.js';
import type { ReportMethods } from '../../contract.js';
import { proceed } from '../../refusals.js';
import { publishQueueChanged } from '../comments-events.js';
import { commentsSlice, type StoredReport } from '../comments-state.js';
import { viewFor } from '../comments-view.js';
import type { MemorySection } from './section.js';

/** `report`: members flag others' comments for the moderation queue, one open report per person. */
export const reportsSection: MemorySection<ReportMethods> = {
  capabilities: ['reports'],
  methods: (instance) => ({
    report: (commentId, input, options) =>
      instance.call('report', options, () => {
        const view = viewFor(instance);
        const { note } = proceed(planReport(view, commentId, input));
        const report: StoredReport = { by: view.viewerId!, reason: input.reason, ...(note ? { note } : {}), at: new Date().toISOString() };
        instance.db.update(commentsSlice, (data) => {
          const open = (data.reports[commentId] ?? []).filter((earlier) => earlier.by !== report.by);
          data.reports[commentId] = [...open, report];
        });
        publishQueueChanged(instance);
      }),
  }),
};
