/** Schemas of the comments family: threads, comments, pages, inputs. */
import { z } from '@hono/zod-openapi';
import { AuthorSchema, PageQuery, SiteParams, Timestamp, ViewerSchema } from './common.js';

const Status = z.enum(['published', 'pending', 'hidden']).openapi('ModerationStatus');

export const ReactionSummarySchema = z
  .object({ key: z.string().openapi({ example: '👍' }), count: z.number().int(), mine: z.boolean() })
  .openapi('ReactionSummary');

export const CommentSchema = z
  .object({
    id: z.string(),
    thread: z.string(),
    parentId: z.string().nullable(),
    author: AuthorSchema,
    body: z.string().openapi({ description: 'Markdown source (the safe subset); empty when deleted. Never HTML.' }),
    createdAt: Timestamp,
    editedAt: Timestamp.nullable(),
    deleted: z.boolean(),
    status: Status,
    pinned: z.boolean(),
    reactions: z.array(ReactionSummarySchema),
    replyCount: z.number().int(),
    score: z.number(),
    depth: z.number().int(),
    replyTo: z.object({ id: z.string(), name: z.string() }).nullable(),
  })
  .openapi('Comment');

export const ThreadSchema = z
  .object({
    id: z.string(),
    locked: z.boolean(),
    commentCount: z.number().int(),
    premoderated: z.boolean(),
    ownerId: z.string().nullable().optional(),
    reactions: z.array(z.string()),
    guests: z.boolean(),
  })
  .openapi('Thread');

export const CommentPageSchema = z
  .object({ items: z.array(CommentSchema), cursor: z.string().nullable(), thread: ThreadSchema.optional() })
  .openapi('CommentPage');

const threadId = z.string().openapi({
  param: { name: 'thread', in: 'path' },
  example: 'post-42',
  description: 'The thread id (a slug or path, percent-encoded: `/blog/post-42` is `%2Fblog%2Fpost-42`).',
});
const commentId = z.string().min(1).max(200).openapi({ param: { name: 'id', in: 'path' }, example: 'c_x1Yz' });

export const ThreadParams = SiteParams.extend({ thread: threadId });
export const CommentParams = SiteParams.extend({ id: commentId });

export const ListQuery = z.object({
  sort: z.enum(['newest', 'oldest', 'top']).optional().openapi({ description: 'Order of the top level (default newest); replies are always oldest first.' }),
  parentId: z.string().max(200).optional().openapi({ description: 'List the replies of this comment instead of the top level.' }),
  withReplies: z.enum(['true', 'false']).optional().openapi({ description: 'Follow each listed comment with its whole visible subtree, depth-first.' }),
  withThread: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ description: 'Also answer the thread (as `GET …/threads/{thread}` would, in `thread`): a page and its thread in one request.' }),
  ...PageQuery,
});

const GuestFields = {
  altcha: z.string().max(10_000).optional().openapi({ description: 'Proof-of-work: base64 of `{ challenge, solution }` for a challenge from `GET …/guest/challenge`.' }),
  website: z.string().max(1000).optional().openapi({ description: 'Honeypot: leave out or empty. Filled in, the request is refused.' }),
};

export const PostCommentBody = z
  .object({
    body: z.string().openapi({ description: 'Markdown, 1–5000 characters after trimming.' }),
    parentId: z.string().max(200).nullable().optional(),
    guestName: z.string().max(1000).optional().openapi({
      description: 'An anonymous visitor (Authorization: Anonymous) posting as a guest where the thread allows guests; needs `altcha`.',
    }),
    ...GuestFields,
  })
  .openapi('PostComment');

export const GuestSessionSchema = z
  .object({
    token: z.string().openapi({ description: 'Send as `Authorization: Bearer <token>` from now on.' }),
    viewer: ViewerSchema,
    expiresAt: Timestamp,
  })
  .openapi('GuestSession');

export const PostedCommentSchema = z
  // A union, not .nullable(): that becomes allOf [$ref, {type: [object, null]}], which null fails.
  .object({ comment: CommentSchema, guest: z.union([GuestSessionSchema, z.null()]).openapi({ description: 'The new guest session when this post started one; `null` otherwise.' }) })
  .openapi('PostedComment');

export const EditCommentBody = z.object({ body: z.string() }).openapi('EditComment');

export const ReactBody = z
  .object({ key: z.string().max(64).openapi({ example: '👍' }), on: z.boolean() })
  .openapi('React');

export const ReactionsSchema = z.object({ reactions: z.array(ReactionSummarySchema) }).openapi('Reactions');

export const ReportBody = z
  .object({
    reason: z.string().max(50).openapi({ description: 'spam, abuse, off-topic or other.', example: 'spam' }),
    note: z.string().max(5000).optional(),
  })
  .openapi('Report');

export const ThreadSettingsBody = z
  .object({
    premoderated: z.boolean().nullable().optional(),
    guests: z.boolean().nullable().optional(),
    reactions: z
      .array(z.string().min(1).max(32))
      .min(1)
      .max(20)
      .refine((keys) => new Set(keys).size === keys.length, 'Each reaction once.')
      .nullable()
      .optional()
      .openapi({ description: 'Keys in display order, each once: visible text (an emoji, a short word), no control characters, nothing blank around it.' }),
    ownerId: z
      .string()
      .max(200)
      .nullable()
      .optional()
      .openapi({ description: 'The member id of the page’s author (not a `guest:` id), for the author chip.' }),
  })
  .openapi('ThreadSettings', { description: 'A thread’s own settings; `null` falls back to the site’s, an absent field stays as it is.' });

export { GuestFields };
