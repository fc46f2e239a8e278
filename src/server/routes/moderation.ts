/** Moderation over HTTP: the queue, actions, locks, and (admins) a thread's own settings. */
import { createRoute } from '@hono/zod-openapi';
import { configureThread, lock, moderate, moderationQueue } from '../comments/moderating.js';
import { NOT_MODIFIED, READ_ERRORS, SiteParams, WRITE_ERRORS, errors } from '../schemas/common.js';
import { ThreadParams, ThreadSettingsBody } from '../schemas/comments.js';
import { LockBody, ModerateBody, ModerationPageSchema, QueueQuery } from '../schemas/moderation.js';
import { BEARER, EVENT_ID_HEADER, operation, type Api, type RouteDeps } from './deps.js';

const body = <T>(schema: T) => ({ required: true, content: { 'application/json': { schema } } });

const queue = createRoute({
  method: 'get',
  path: '/v1/sites/{site}/moderation/queue',
  tags: ['moderation'],
  summary: 'Pending and reported items, oldest first (listModerationQueue)',
  description: 'Moderators and admins; members get 403, anonymous visitors 401.',
  security: BEARER,
  request: { params: SiteParams, query: QueueQuery },
  responses: { 200: { description: 'A page of the queue', content: { 'application/json': { schema: ModerationPageSchema } } }, ...NOT_MODIFIED, ...errors(...READ_ERRORS, 403) },
});

const action = createRoute({
  method: 'post',
  path: '/v1/sites/{site}/moderation/actions',
  tags: ['moderation'],
  summary: 'Approve, hide, pin or unpin (moderate)',
  description: 'Every action is written to the audit log. `conflict` for pinning a reply or a deleted comment.',
  security: BEARER,
  request: { params: SiteParams, body: body(ModerateBody) },
  responses: { 204: { description: 'Done' }, ...errors(...WRITE_ERRORS, 403, 409) },
});

const lockRoute = createRoute({
  method: 'post',
  path: '/v1/sites/{site}/moderation/locks',
  tags: ['moderation'],
  summary: 'Lock or unlock a thread (lock)',
  security: BEARER,
  request: { params: SiteParams, body: body(LockBody) },
  responses: { 204: { description: 'Done' }, ...errors(...WRITE_ERRORS, 403) },
});

const settings = createRoute({
  method: 'put',
  path: '/v1/sites/{site}/threads/{thread}/settings',
  tags: ['moderation'],
  summary: 'A thread’s own settings (admins)',
  description: 'Pre-moderation, guests, reactions and owner of one thread, over the site’s defaults. Audited.',
  security: BEARER,
  request: { params: ThreadParams, body: body(ThreadSettingsBody) },
  responses: { 204: { description: 'Saved' }, ...errors(...WRITE_ERRORS, 403) },
});

export function registerModeration(app: Api, deps: RouteDeps): void {
  app.openapi(queue, async (c) => {
    const query = c.req.valid('query');
    c.header(EVENT_ID_HEADER, String((await deps.store.journalBounds()).last));
    const page = await moderationQueue(operation(c, deps), {
      scope: query.scope,
      cursor: query.cursor ?? null,
      ...(query.limit === undefined ? {} : { limit: query.limit }),
    });
    return c.json(page, 200);
  });

  app.openapi(action, async (c) => {
    const input = c.req.valid('json');
    await moderate(operation(c, deps), input.target, input.action);
    return c.body(null, 204);
  });

  app.openapi(lockRoute, async (c) => {
    const input = c.req.valid('json');
    await lock(operation(c, deps), input.scope, input.locked);
    return c.body(null, 204);
  });

  app.openapi(settings, async (c) => {
    await configureThread(operation(c, deps), c.req.valid('param').thread, c.req.valid('json'));
    return c.body(null, 204);
  });
}
