import { LIMITS, isBlank, textLength, type FieldIssues } from './limits.js';

/** Thread ids name pages; they must be visible (not blank), bounded and free of control characters. */
export function validateThreadId(id: unknown): FieldIssues {
  if (typeof id !== 'string' || isBlank(id)) {
    return { thread: { reason: 'required', message: 'A thread id is required.' } };
  }
  const { max } = LIMITS.threadId;
  if (textLength(id) > max) {
    return { thread: { reason: 'too-long', message: `Use at most ${max} characters.`, params: { max, length: textLength(id) } } };
  }
  // eslint-disable-next-line no-control-regex -- ids end up in topic names, cursors and URLs
  if (/[\u0000-\u001f\u007f]/.test(id)) {
    return { thread: { reason: 'invalid-characters', message: 'A thread id cannot hold control characters.' } };
  }
  return {};
}
