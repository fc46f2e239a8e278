/**
 * Realtime: `GET /v1/sites/{site}/events?topics=thread:post-42&topics=moderation` as
 * Server-Sent Events. One `topics` parameter per topic (thread ids may contain commas). The
 * token comes as `Authorization: Bearer …` or, for EventSource (which cannot set headers), as
 * `access_token` in the query; either way the events are shaped for that viewer.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { AdapterError } from '../../adapters/errors.js';
import { validateThreadId } from '../../domain/comments.js';
import { hasIssues } from '../../domain/limits.js';
import { SiteParams, errors } from '../schemas/common.js';
import { tokenExpiresAt, tokenFromHeader } from '../auth/identity.js';
import { unauthorized } from '../auth/jwt.js';
import { clientIp, hashIp } from '../limits/ip.js';
import { DEVICE_HEADER, deviceToken } from '../polls/context.js';
import { pollStreamShaper } from '../polls/events.js';
import { openEventStream } from '../streams/event-stream.js';
import { BEARER, type Api, type RouteDeps } from './deps.js';

const MAX_TOPICS = 50;
const KEYED = /^(thread|poll|board|badges|leaderboard):(.+)$/s;

function validTopic(topic: string): boolean {
  if (topic === 'session' || topic === 'moderation') return true;
  const match = KEYED.exec(topic);
  return match !== null && !hasIssues(validateThreadId(match[2]));
}

const TOPICS_NEEDED = `Name the topics to follow, one topics parameter each: topics=thread:<id>, topics=moderation, … (1 to ${MAX_TOPICS}).`;

const Topics = z
  .union([z.string(), z.array(z.string())], { error: (issue) => (issue.input === undefined ? TOPICS_NEEDED : undefined) })
  .transform((value) => [...new Set(Array.isArray(value) ? value : [value])])
  .refine((list) => list.length >= 1 && list.length <= MAX_TOPICS, `Name 1 to ${MAX_TOPICS} topics.`)
  .refine((list) => list.every(validTopic), 'Topics are session, moderation, or thread:<id> (also poll:, board:, badges:, leaderboard:).')
  .openapi({ type: 'array', items: { type: 'string' }, example: ['thread:post-42'], description: 'Repeat once per topic.' });

const EventsQuery = z.object({
  topics: Topics,
  access_token: z.string().max(8000).optional().openapi({ description: 'The bearer token, for clients that cannot send headers (EventSource).' }),
  lastEventId: z.string().regex(/^\d{1,15}$/).optional().openapi({ description: 'Resume after this id (the Last-Event-ID header wins).' }),
});

export const SSE_DESCRIPTION = [
  'Server-Sent Events. Each message is one journal entry: `id: <n>` and `data: {"topic": "thread:post-42", "events": [RealtimeEvent, …]}`',
  '(`RealtimeEvent` as in the adapter contract, already shaped for this viewer: pending comments reach only their author and moderators).',
  'Entries with nothing for this viewer are not sent. A comment line (`: heartbeat`) comes every 15 s. The stream starts with `retry: <ms>`.',
  'Reconnecting with `Last-Event-ID` (EventSource does it by itself) replays exactly the missed entries, then continues live.',
  'When the server no longer holds them all, it sends `event: reset` (with the newest id): reload the data.',
  'A stream opened with a token ends when that token expires (with `retry: 100`): reconnect with a fresh token and `Last-Event-ID`.',
  'A token already past its `exp` is refused with 401, even within the clock tolerance other requests allow.',
  'One client address may hold at most `streams.maxPerIp` open streams on an instance (default 200); more are refused with 429.',
  'A client that does not read falls behind: once about 1 MiB waits for it, the stream ends (with `retry:`) and it resumes with `Last-Event-ID`.',
  'On shutdown the server ends every stream with a short `retry:` so clients reconnect to another instance or after the restart.',
  'Events after a position may repeat changes an answer already showed: apply them by id. The `session` topic carries nothing from',
  'the server: sessions are tokens the client holds, so it announces viewer changes itself.',
].join(' ');

const events = createRoute({
  method: 'get',
  path: '/v1/sites/{site}/events',
  tags: ['realtime'],
  summary: 'Realtime events (subscribe)',
  description: SSE_DESCRIPTION,
  security: BEARER,
  request: { params: SiteParams, query: EventsQuery, headers: z.object({ 'last-event-id': z.string().regex(/^\d{1,15}$/).optional() }) },
  responses: {
    200: { description: 'An event stream', content: { 'text/event-stream': { schema: z.string() } } },
    ...errors(400, 401, 404, 429, 503),
  },
});

export function registerEvents(app: Api, deps: RouteDeps, draining: () => boolean): void {
  app.openapi(events, (c) => {
    if (draining()) throw new AdapterError('unavailable', 'The server is shutting down; reconnect shortly.', { retryAfter: 1 });
    const query = c.req.valid('query');
    const resumeFrom = c.req.valid('header')['last-event-id'] ?? query.lastEventId;
    const identity = c.get('identity');
    const token = identity.actor.kind === 'anonymous' ? null : (tokenFromHeader(c.req.header('authorization')) ?? query.access_token ?? null);
    const expiresAt = tokenExpiresAt(token);
    // The clock tolerance lets a request that ends at once through. A stream would end as it
    // opened, and the client would open it again with the same token, over and over; a 401 has
    // it fetch a fresh token (or back off) instead.
    if (expiresAt !== null && expiresAt <= deps.clock()) throw unauthorized('The token has expired.');
    const limit = deps.config.streams.maxPerIp;
    const client = hashIp(clientIp(c, deps.config.trustProxy), deps.config.ipSalt, deps.clock());
    if (limit > 0 && deps.streams.heldBy(client) >= limit) {
      throw new AdapterError('rate-limited', `This address already holds ${limit} open event streams; close some tabs.`, { retryAfter: 30 });
    }
    let remove: () => void = () => undefined;
    const { body, handle } = openEventStream({
      realtime: deps.realtime,
      siteId: c.get('site').id,
      topics: query.topics,
      lastEventId: resumeFrom === undefined ? null : Number(resumeFrom),
      actor: identity.actor,
      heartbeatMs: deps.config.streams.heartbeatMs,
      retryMs: deps.config.streams.retryMs,
      replayLimit: deps.config.streams.replayLimit,
      expiresAt,
      now: deps.clock,
      newestId: async () => (await deps.store.journalBounds()).last,
      onClose: () => remove(),
      shape: pollStreamShaper({ store: deps.store, site: c.get('site'), actor: identity.actor, device: deviceToken(c.req.header(DEVICE_HEADER)), now: deps.clock }),
    });
    remove = deps.streams.add(handle, client);
    return c.body(body, 200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Accel-Buffering': 'no',
    }) as never;
  });
}
