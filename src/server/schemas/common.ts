/** Schemas shared by every route: the error format, path parameters, people. */
import { z } from '@hono/zod-openapi';
import type { AdapterErrorCode } from '../../adapters/errors.js';
import { PAGE_SIZE } from '../../domain/page-size.js';
import { ROLES } from '../../domain/roles.js';

export const FieldErrorSchema = z
  .object({
    reason: z.string().openapi({ example: 'too-long', description: 'Machine-readable key of the validation dictionary.' }),
    message: z.string().openapi({ example: 'Use at most 5000 characters.' }),
    params: z.record(z.string(), z.union([z.number(), z.string()])).optional().openapi({ example: { max: 5000, length: 5012 } }),
  })
  .openapi('FieldError');

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(['unauthorized', 'forbidden', 'not-found', 'conflict', 'rate-limited', 'invalid', 'network', 'unavailable']).openapi({
        description: 'The AdapterError code; the HTTP status follows it (400 invalid, 401, 403, 404, 409, 429, 503; 413/415 also say invalid).',
      }),
      message: z.string().openapi({ description: 'A human message in English, for logs and developers.' }),
      fields: z.record(z.string(), FieldErrorSchema).optional().openapi({ description: 'For `invalid`: what is wrong with each field (dotted path).' }),
      retryAfter: z.number().int().optional().openapi({ description: 'For `rate-limited`: seconds until the action is allowed again (also the Retry-After header).' }),
    }),
  })
  .openapi('Error');

const STATUS: Record<number, { code: AdapterErrorCode; description: string }> = {
  400: { code: 'invalid', description: 'Invalid input; `error.fields` says what is wrong where.' },
  401: { code: 'unauthorized', description: 'No valid identity where one is needed (or a bad token).' },
  403: { code: 'forbidden', description: 'The viewer may not do this.' },
  404: { code: 'not-found', description: 'Unknown site, or the item does not exist or is not visible to the viewer.' },
  409: { code: 'conflict', description: 'The item’s state does not allow it (deleted, not top-level).' },
  413: { code: 'invalid', description: 'The body is larger than the server accepts.' },
  415: { code: 'invalid', description: 'Writes must be `Content-Type: application/json`.' },
  429: { code: 'rate-limited', description: 'Too many requests; wait `Retry-After` seconds.' },
  503: { code: 'unavailable', description: 'The server or its database is unavailable; retry later.' },
};

/** Error responses for a route's OpenAPI description. */
export function errors(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((status) => [status, { description: STATUS[status]?.description ?? 'Error', content: { 'application/json': { schema: ErrorSchema } } }]),
  );
}

/**
 * What a JSON read answers when `If-None-Match` names its current ETag (`app/etag.ts`): listed on
 * every read, so clients and validators built from the document expect it.
 */
export const NOT_MODIFIED = {
  304: {
    description: 'Not Modified: `If-None-Match` names this answer’s ETag (or is `*`). No body; the same `ETag` and `Cache-Control`.',
    headers: { ETag: { description: 'The weak ETag of the answer the client holds.', schema: { type: 'string' as const } } },
  },
};

/** Errors any write may answer with, besides its own. */
export const WRITE_ERRORS = [400, 401, 404, 413, 415, 429, 503] as const;
export const READ_ERRORS = [400, 401, 404, 503] as const;

export const SiteParams = z.object({
  site: z.string().min(1).max(100).openapi({ param: { name: 'site', in: 'path' }, example: 'demo', description: 'The site id.' }),
});

export const RoleSchema = z.enum(ROLES as [string, ...string[]]).openapi('Role');

export const AuthorSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    avatarUrl: z.string().nullable().optional(),
    roles: z.array(RoleSchema).optional(),
    guest: z.boolean().optional(),
  })
  .openapi('Author');

export const ViewerSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    avatarUrl: z.string().nullable().optional(),
    roles: z.array(RoleSchema),
    guest: z.boolean().optional(),
  })
  .openapi('Viewer');

export const Timestamp = z.string().openapi({ format: 'date-time', example: '2026-11-27T10:00:00.000Z' });

export const PageQuery = {
  cursor: z.string().max(4000).optional().openapi({ description: 'Opaque; the `cursor` of the previous page.' }),
  limit: z.coerce
    .number()
    .check((context) => {
      // Beyond exact integers zod's own bound would be 2^53 - 1: name the cap that matters instead.
      if (context.value > Number.MAX_SAFE_INTEGER) {
        context.issues.push({ code: 'too_big', origin: 'number', maximum: PAGE_SIZE.max, inclusive: true, input: context.value, continue: false });
      }
    })
    .int()
    .min(1)
    .optional()
    .openapi({ type: 'integer', description: `Items wanted (the top level only with \`withReplies\`); default ${PAGE_SIZE.default}, capped at ${PAGE_SIZE.max}.` }),
};
