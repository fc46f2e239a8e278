/** Schemas of moderation: the queue, actions and locks. */
import { z } from '@hono/zod-openapi';
import { AuthorSchema, PageQuery, Timestamp } from './common.js';

export const ModerationItemSchema = z
  .object({
    target: z.object({ kind: z.enum(['comment', 'question', 'answer']), id: z.string() }),
    scope: z.string().optional().openapi({ description: 'The thread (or board) the item belongs to.' }),
    status: z.enum(['published', 'pending', 'hidden']),
    author: AuthorSchema,
    excerpt: z.string(),
    createdAt: Timestamp,
    reports: z.array(z.object({ reason: z.enum(['spam', 'abuse', 'off-topic', 'other']), note: z.string().optional(), at: Timestamp })),
  })
  .openapi('ModerationItem');

export const ModerationPageSchema = z
  .object({ items: z.array(ModerationItemSchema), cursor: z.string().nullable() })
  .openapi('ModerationPage');

export const QueueQuery = z.object({
  scope: z.string().max(200).optional().openapi({ description: 'Only this thread’s items.' }),
  ...PageQuery,
});

export const ModerateBody = z
  .object({
    target: z.object({ kind: z.enum(['comment', 'question', 'answer']), id: z.string().min(1).max(200) }),
    action: z.enum(['approve', 'hide', 'pin', 'unpin']),
  })
  .openapi('Moderate');

export const LockBody = z
  .object({
    scope: z.object({ kind: z.enum(['thread', 'board']), id: z.string().max(1000) }),
    locked: z.boolean(),
  })
  .openapi('Lock');
