/**
 * The session family and the site: who is looking, the site's public description, and guest
 * sessions (a proof-of-work challenge, then a name → a guest token).
 */
import { createRoute } from '@hono/zod-openapi';
import { enforceValid } from '../../adapters/refusals.js';
import { validateGuestName } from '../../domain/limits.js';
import { newChallenge } from '../auth/challenge.js';
import { startGuest } from '../auth/guest-start.js';
import { NOT_MODIFIED, READ_ERRORS, SiteParams, WRITE_ERRORS, errors } from '../schemas/common.js';
import { GuestSessionSchema } from '../schemas/comments.js';
import { ChallengeSchema, GuestBody, SiteInfoSchema, ViewerResponseSchema } from '../schemas/session.js';
import { BEARER, EVENT_ID_HEADER, operation, type Api, type RouteDeps } from './deps.js';

export const CAPABILITIES = ['session', 'guests', 'comments', 'reactions', 'reports', 'moderation', 'realtime'] as const;

const siteInfo = createRoute({
  method: 'get',
  path: '/v1/sites/{site}',
  tags: ['session'],
  summary: 'The site’s public description',
  request: { params: SiteParams },
  responses: { 200: { description: 'The site', content: { 'application/json': { schema: SiteInfoSchema } } }, ...NOT_MODIFIED, ...errors(404, 503) },
});

const viewer = createRoute({
  method: 'get',
  path: '/v1/sites/{site}/viewer',
  tags: ['session'],
  summary: 'Who is looking (getViewer)',
  description: 'The viewer the Authorization header names; `null` without one. A bad token is 401, never anonymous.',
  security: BEARER,
  request: { params: SiteParams },
  responses: { 200: { description: 'The viewer', content: { 'application/json': { schema: ViewerResponseSchema } } }, ...NOT_MODIFIED, ...errors(...READ_ERRORS) },
});

const challenge = createRoute({
  method: 'get',
  path: '/v1/sites/{site}/guest/challenge',
  tags: ['session'],
  summary: 'A proof-of-work challenge for starting a guest session',
  request: { params: SiteParams },
  responses: { 200: { description: 'An ALTCHA v2 challenge', content: { 'application/json': { schema: ChallengeSchema } } }, ...NOT_MODIFIED, ...errors(404, 503) },
});

const guest = createRoute({
  method: 'post',
  path: '/v1/sites/{site}/guest',
  tags: ['session'],
  summary: 'Start a guest session (signInAsGuest)',
  description:
    'Send `Authorization: Anonymous`. A guest may post where a thread allows guests (`Thread.guests`; the site’s `guests` is the default). ' +
    'Refusals: `invalid` on `fields.name` (checked first), `fields.website` (honeypot), `fields.altcha`; `rate-limited` per client IP.',
  request: { params: SiteParams, body: { required: true, content: { 'application/json': { schema: GuestBody } } } },
  responses: {
    201: { description: 'The guest session', content: { 'application/json': { schema: GuestSessionSchema } } },
    ...errors(...WRITE_ERRORS),
  },
});

export function registerSession(app: Api, deps: RouteDeps): void {
  app.openapi(siteInfo, (c) => {
    const site = c.get('site');
    return c.json(
      { id: site.id, name: site.name, guests: site.guests, premoderation: site.premoderation, maxLinks: site.maxLinks, capabilities: [...CAPABILITIES] },
      200,
    );
  });

  app.openapi(viewer, async (c) => {
    c.header(EVENT_ID_HEADER, String((await deps.store.journalBounds()).last));
    return c.json({ viewer: c.get('identity').viewer }, 200);
  });

  app.openapi(challenge, async (c) => {
    const site = c.get('site');
    const { guests } = deps.config;
    c.header('Cache-Control', 'no-store');
    const made = await newChallenge(site, { now: deps.clock(), ttlSeconds: guests.challengeTtlSeconds, maxCounter: guests.powMaxCounter });
    return c.json(made as unknown as { parameters: Record<string, unknown>; signature?: string }, 200);
  });

  app.openapi(guest, async (c) => {
    const input = c.req.valid('json');
    const context = operation(c, deps);
    enforceValid(validateGuestName(input.name));
    const session = await startGuest(context, input.name, { altcha: input.altcha, website: input.website });
    return c.json(session, 201);
  });
}


