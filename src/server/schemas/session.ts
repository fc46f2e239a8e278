/** Schemas of the session family, guests and the site description. */
import { z } from '@hono/zod-openapi';
import { ViewerSchema } from './common.js';
import { GuestFields } from './comments.js';

export const ViewerResponseSchema = z
  .object({ viewer: ViewerSchema.nullable().openapi({ description: '`null` for an anonymous visitor.' }) })
  .openapi('ViewerResponse');

export const GuestBody = z
  .object({ name: z.string().max(1000).openapi({ example: 'Gus Guest' }), ...GuestFields })
  .openapi('StartGuest');

export const ChallengeSchema = z
  .object({
    parameters: z.record(z.string(), z.unknown()).openapi({ description: 'ALTCHA v2 challenge parameters (algorithm SHA-256, nonce, salt, keyPrefix, …).' }),
    signature: z.string().optional(),
  })
  .openapi('Challenge', { description: 'Solve with altcha-lib’s `solveChallenge` (SHA-256 `deriveKey`), then send base64(JSON.stringify({ challenge, solution })) as `altcha`.' });

export const SiteInfoSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    guests: z.boolean().openapi({ description: 'Threads take guest posts unless a thread says otherwise.' }),
    premoderation: z.boolean(),
    maxLinks: z.number().int(),
    capabilities: z.array(z.string()).openapi({ description: 'The adapter capabilities this server implements for the site.' }),
  })
  .openapi('Site');
