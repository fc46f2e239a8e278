import type { CommentsKey } from '../../i18n/comments.en.js';
import { commentsWritingEn } from '../../i18n/comments.writing.en.js';
import type { CommentsLocalize } from './localize.js';

interface Issue {
  reason: string;
  params?: Record<string, number | string>;
}

/**
 * A field problem in the reader's language: the domain's and the backend's reasons share keys
 * (`required`, `too-long`, …). A reason this version does not know shows the backend's own
 * message, else the generic "check what you entered".
 */
export function fieldMessage(localize: CommentsLocalize, issue: Issue, fallback?: string): string {
  const key = `field.${issue.reason}`;
  if (key in commentsWritingEn) return localize.format(key as CommentsKey, issue.params);
  return fallback || localize.term('error.invalid');
}
