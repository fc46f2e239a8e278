import type { commentsWritingEn } from './comments.writing.en.js';
import type { Dictionary, PluralMessage } from './types.js';

/**
 * The strings of `<plein-comments>`, English, that reading needs; the rest, only writing needs, are
 * in `comments.writing.en.ts` (together the reference: `comments.nl.ts` and any other language
 * implement exactly their keys). Kept out of the core dictionary so pages without
 * comments do not download them. A page can override or add a language at runtime with
 * `registerTranslation(lang, { 'comments.<key>': '…' })`: registered keys win over these.
 */
export const commentsEn = {
  heading: 'Comments',
  count: { zero: 'No comments', one: '{count} comment', other: '{count} comments' },
  sort: 'Sort by',
  'sort.newest': 'Newest',
  'sort.oldest': 'Oldest',
  'sort.top': 'Top',
  loading: 'Loading comments…',
  'load-error': 'The comments could not be loaded.',
  empty: 'No comments yet. Start the conversation.',
  'load-more': 'Load more comments',
  'loading-more': 'Loading more comments…',
  'show-replies': { one: 'Show {count} reply', other: 'Show {count} replies' },
  'hide-replies': { one: 'Hide {count} reply', other: 'Hide {count} replies' },
  incoming: { one: '{count} new comment — show', other: '{count} new comments — show' },
  'incoming-announce': { one: '{count} new comment. Show it with the button above the comments.', other: '{count} new comments. Show them with the button above the comments.' },
  locked: 'This conversation is closed: no new comments can be added.',
  'permalink-gone': 'The comment this link points to was removed or cannot be found.',
  'sign-in': 'Sign in to comment',
  'sign-in-note.comment': 'Only signed-in members can comment here.',
  'sign-in-note.react': 'Only signed-in members can react to comments here.',
  'role.author': 'Author',
  'role.moderator': 'Moderator',
  'role.guest': 'Guest',
  edited: 'edited',
  'edited-at': 'Edited {time}',
  deleted: '[deleted]',
  'replying-to': 'replying to @{name}',
  'comment-by': 'Comment by {name}',
  pinned: 'Pinned',
  pending: 'Awaiting approval',
  hidden: 'Hidden',
  reply: 'Reply',
  'reply-to': 'Reply to {name}',
  edit: 'Edit',
  'edit-own': 'Edit your comment',
  delete: 'Delete',
  'delete-of': 'Delete comment by {name}',
  report: 'Report',
  'report-of': 'Report comment by {name}',
  'new-label': 'Your comment',
  placeholder: 'Join the conversation…',
  post: 'Post comment',
  reactions: 'Reactions',
  'add-reaction': 'Add a reaction to the comment by {name}',
  reaction: { zero: '{name}', one: '{name}, {count} person', other: '{name}, {count} people' },
  'reaction.👍': 'Like',
  'reaction.❤️': 'Love',
  'reaction.😂': 'Funny',
  'reaction.🎉': 'Celebrate',
  'reaction.😮': 'Surprised',
  'action-failed': 'That did not work. {reason}',
  'writing-failed': 'The comment form could not load. Your text is kept.',
} as const satisfies Dictionary;

/** Every English string of `<plein-comments>`, reading and writing. */
export type CommentsStrings = typeof commentsEn & typeof commentsWritingEn;

export type CommentsKey = keyof CommentsStrings;

/** The shape every language of the comments strings implements. */
export type CommentsTranslation = {
  readonly [K in CommentsKey]: CommentsStrings[K] extends string ? string : PluralMessage;
};
