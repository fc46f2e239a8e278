import type { Viewer } from '../../adapters/contract.js';
import { createChanges, type Changes } from './changes.js';
import { createPosting, type Posting } from './posting.js';
import { watchReports } from './review.js';
import type { CommentsState } from './state.js';

export type Writer = Posting & Changes & { watchReports(moderates: () => boolean): () => void };

/** The half of a comments store that changes things: posting, edits, reactions, moderation. */
export function createWriter(s: CommentsState, viewerChanged: (viewer: Viewer | null) => void): Writer {
  return { ...createPosting(s, viewerChanged), ...createChanges(s), watchReports: (moderates) => watchReports(s, moderates) };
}
