import { supports, topics, type AdapterWith, type ModerationItem } from '../../adapters/contract.js';
import { isAbortError } from '../../adapters/errors.js';
import type { CommentsState } from './state.js';

/** One report on a comment, as the moderation queue gives it. */
export type CommentReport = ModerationItem['reports'][number];

/** Queue pages read at most per refresh: beyond that, a moderator has a queue to work through, not a thread. */
const MAX_PAGES = 10;

/**
 * For a moderator: the open reports on this thread's comments, from the moderation queue scoped to
 * the thread, read again whenever the queue changes (its realtime topic). Returns the stop.
 * `moderates` says whether the store's viewer moderates now: the queue is read only then. A
 * refusal or a failed read leaves no reports shown; the next change of the queue tries again.
 */
export function watchReports(s: CommentsState, moderates: () => boolean): () => void {
  const { adapter } = s;
  if (!supports(adapter, 'moderation')) return () => undefined;
  const queue: AdapterWith<'moderation'> = adapter;
  let controller: AbortController | undefined;

  async function read(signal: AbortSignal): Promise<void> {
    const reports = new Map<string, readonly CommentReport[]>();
    let cursor: string | null = null;
    for (let pages = 0; pages < MAX_PAGES; pages++) {
      const page = await queue.listModerationQueue({ scope: s.thread, cursor, limit: 100 }, { signal });
      for (const item of page.items) if (item.target.kind === 'comment' && item.reports.length > 0) reports.set(item.target.id, item.reports);
      cursor = page.cursor;
      if (!cursor) break;
    }
    if (!signal.aborted) s.$reports.set(reports);
  }

  const refresh = (): void => {
    controller?.abort();
    // The viewer may have changed since (signed out in this tab): the queue is not theirs to read.
    if (!moderates()) {
      s.$reports.set(new Map());
      return;
    }
    controller = new AbortController();
    read(controller.signal).catch((error: unknown) => {
      if (!isAbortError(error)) s.$reports.set(new Map());
    });
  };

  const unsubscribe = supports(adapter, 'realtime')
    ? adapter.subscribe(topics.moderation(), (event) => {
        if (event.type === 'moderation-queue-changed') refresh();
      })
    : undefined;
  refresh();
  return () => {
    controller?.abort();
    unsubscribe?.();
    s.$reports.set(new Map());
  };
}
