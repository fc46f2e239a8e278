import type { Dictionary } from './types.js';

/**
 * The English strings only writing needs (the composer, the report and delete dialogs, what is
 * announced after an action): they come with the writing part of `<plein-comments>`, so a reader
 * downloads only the strings of what they see.
 */
export const commentsWritingEn = {
  write: 'Write',
  preview: 'Preview',
  'composer-tabs': 'Editor mode',
  'reply-label': 'Your reply to {name}',
  'edit-label': 'Edit your comment',
  'post-reply': 'Post reply',
  save: 'Save',
  'chars-left': { one: '{count} character left', other: '{count} characters left' },
  'chars-over': { one: '{count} character too many', other: '{count} characters too many' },
  'preview-empty': 'Nothing to preview yet.',
  hint: 'Markdown: *emphasis*, **bold**, `code`, > quote, - list, [link](https://…).',
  shortcut: '{key}+Enter posts.',
  'field.required': 'Write something first.',
  'field.too-short': 'Use at least {min} characters.',
  'field.too-long': 'Use at most {max} characters.',
  'field.too-many-links': 'Use fewer links.',
  'field.banned-words': 'Some of these words are not allowed here.',
  'field.invalid-characters': 'Use letters, numbers and punctuation only.',
  'name-required': 'Enter the name to show with your comment.',
  'report-title': 'Report this comment',
  'report-reason': 'What is wrong with it?',
  'reason.spam': 'Spam or advertising',
  'reason.abuse': 'Abusive, hateful or harassing',
  'reason.off-topic': 'Off topic',
  'reason.other': 'Something else',
  'report-note': 'Details (optional)',
  'report-send': 'Send report',
  reported: 'Thank you. A moderator will look at it.',
  'delete-title': 'Delete this comment?',
  'delete-text': 'It is removed for everyone. This cannot be undone.',
  posted: 'Your comment was posted.',
  'posted-pending': 'Your comment was sent and is awaiting approval.',
  'not-posted': 'Your comment was not posted. {reason}',
  saved: 'Your changes were saved.',
  'deleted-announce': 'The comment was deleted.',
} as const satisfies Dictionary;
