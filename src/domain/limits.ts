/**
 * Validation limits and validators, shared by every adapter, the server and the UI so that a
 * message shown under a textarea and the server's refusal always agree.
 *
 * Lengths count Unicode code points after trimming (an emoji is one, not two UTF-16 units), so
 * the same text gets the same verdict in every engine. A UI counter uses `textLength()`.
 */
import { EDIT_WINDOW_MS } from './edit-window.js';
import { PAGE_SIZE } from './page-size.js';

export { ALLOWED_LINK_SCHEMES, isSafeUrl } from './links.js';
export { clampPageSize } from './page-size.js';

export const LIMITS = {
  commentBody: { min: 1, max: 5000 },
  answerBody: { min: 1, max: 10000 },
  questionTitle: { min: 5, max: 150 },
  questionBody: { max: 10000 },
  guestName: { min: 1, max: 50 },
  reportNote: { max: 500 },
  pageSize: PAGE_SIZE,
  /** How long after posting a member may still edit their comment. */
  editWindowMs: EDIT_WINDOW_MS,
  /** Links one comment may hold; a site may set its own (a link farm needs many, a reader few). */
  commentLinks: { max: 5 },
  /** A thread id names a page (a path, a slug); it also ends up in cursors and topic names. */
  threadId: { min: 1, max: 200 },
} as const;

export const REPORT_REASONS: readonly string[] = ['spam', 'abuse', 'off-topic', 'other'];

/**
 * One field's problem: `reason` is a key of the validation dictionary, `params` what its message
 * refers to. Structurally the same as the adapters' `FieldError`, which the domain cannot import.
 */
export interface FieldIssue {
  reason: string;
  message: string;
  params?: Record<string, number | string>;
}

export type FieldIssues = Record<string, FieldIssue>;

export function hasIssues(issues: FieldIssues): boolean {
  return Object.keys(issues).length > 0;
}

export function textLength(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/**
 * Whether text shows nothing: only whitespace and characters that render as nothing
 * (Unicode's default-ignorable ones: zero-width space and joiners, soft hyphen, word joiner,
 * BOM, variation selectors, Hangul fillers, …). "\u200b\u200b" would otherwise pass for a
 * comment or a name that no reader can see. Only emptiness is judged this way: visible text
 * keeps its joiners ("👩‍💻").
 */
export function isBlank(text: string): boolean {
  return /^[\s\p{Default_Ignorable_Code_Point}]*$/u.test(text);
}

/**
 * Invisible characters trimmed off a name's ends with the spaces. Not the variation selectors
 * and tags that end emoji ("❤️", flags) nor the bidi controls that close an isolate.
 */
const EDGE_CHARS = '[\\s\\u00ad\\u034f\\u061c\\u115f\\u1160\\u17b4\\u17b5\\u180e\\u200b-\\u200f\\u2060-\\u2064\\u3164\\ufeff\\uffa0]+';
// eslint-disable-next-line no-misleading-character-class -- single invisible characters, each trimmed alone
const EDGE = new RegExp(`^${EDGE_CHARS}|${EDGE_CHARS}$`, 'g');

/** Trims (spaces and invisible characters) and folds runs of whitespace to one space: "  Ada   L. " → "Ada L.". */
export function cleanGuestName(name: string): string {
  return typeof name === 'string' ? name.replace(EDGE, '').replace(/\s+/g, ' ') : '';
}

interface Range {
  min?: number;
  max: number;
}

function checkLength(value: unknown, range: Range): FieldIssue | null {
  const text = typeof value === 'string' ? value.trim() : '';
  const length = textLength(text);
  const min = range.min ?? 0;
  if (min > 0 && isBlank(text)) return { reason: 'required', message: 'This field is required.' };
  if (length < min) {
    return { reason: 'too-short', message: `Use at least ${min} characters.`, params: { min, length } };
  }
  if (length > range.max) {
    return { reason: 'too-long', message: `Use at most ${range.max} characters.`, params: { max: range.max, length } };
  }
  return null;
}

/**
 * A thread's reaction keys, as readers see and pick them: each shows something, holds no control
 * characters and nothing blank around it (" 👍" would look like "👍" yet count apart). How many
 * and how long is the schema's to say.
 */
export function validateReactionKeys(keys: readonly string[]): FieldIssues {
  for (const [index, key] of keys.entries()) {
    const which = `Reaction ${index + 1}`;
    const params = { index };
    if (isBlank(key)) return { reactions: { reason: 'required', message: `${which} shows nothing: use an emoji or a short word.`, params } };
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(key)) return { reactions: { reason: 'invalid-characters', message: `${which} holds control characters.`, params } };
    if (key.replace(EDGE, '') !== key) {
      return { reactions: { reason: 'invalid-characters', message: `${which} has spaces or invisible characters around it.`, params } };
    }
  }
  return {};
}

function collect(checks: Record<string, FieldIssue | null>): FieldIssues {
  const issues: FieldIssues = {};
  for (const [field, issue] of Object.entries(checks)) if (issue) issues[field] = issue;
  return issues;
}

export function validateCommentBody(body: unknown): FieldIssues {
  return collect({ body: checkLength(body, LIMITS.commentBody) });
}

export function validateAnswerBody(body: unknown): FieldIssues {
  return collect({ body: checkLength(body, LIMITS.answerBody) });
}

export function validateQuestion(input: { title: unknown; body?: unknown }): FieldIssues {
  return collect({
    title: checkLength(input.title, LIMITS.questionTitle),
    body: input.body === undefined ? null : checkLength(input.body, LIMITS.questionBody),
  });
}

/** Judges the name as it will be shown, i.e. after `cleanGuestName()`. */
export function validateGuestName(name: unknown): FieldIssues {
  const cleaned = cleanGuestName(name as string);
  const issue = checkLength(cleaned, LIMITS.guestName);
  // A name is shown on one line next to what the guest wrote; control characters would break that.
  // eslint-disable-next-line no-control-regex
  if (!issue && /[\u0000-\u001f\u007f]/.test(cleaned)) {
    return { name: { reason: 'invalid-characters', message: 'Use letters, numbers and punctuation only.' } };
  }
  return collect({ name: issue });
}

export function validateReport(input: { reason: unknown; note?: unknown }): FieldIssues {
  return collect({
    reason: REPORT_REASONS.includes(input.reason as string)
      ? null
      : { reason: 'unknown-choice', message: 'Choose a reason.', params: { choices: REPORT_REASONS.join(', ') } },
    note: input.note === undefined ? null : checkLength(input.note, LIMITS.reportNote),
  });
}
