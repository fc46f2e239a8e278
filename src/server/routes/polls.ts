/** The polls family over HTTP: one route per adapter method, every rule in `src/server/polls`. */
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { PollDefinition } from '../../adapters/contract.js';
import { AdapterError } from '../../adapters/errors.js';
import type { AppEnv } from '../app/env.js';
import { DEVICE_HEADER, deviceToken, type PollContext } from '../polls/context.js';
import { closePoll, createPoll, ensurePoll, getPoll, removeVote, vote } from '../polls/writing.js';
import { listPollVotes } from '../polls/votes.js';
import { NOT_MODIFIED, READ_ERRORS, SiteParams, WRITE_ERRORS, errors } from '../schemas/common.js';
import { BallotBody, CloseBody, CreatePollBody, DeviceHeaders, PollDefinitionBody, PollParams, PollSchema, PollVotePageSchema, VotesQuery } from '../schemas/polls.js';
import { BEARER, EVENT_ID_HEADER, type Api, type RouteDeps } from './deps.js';

const json = <T>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const body = <T>(schema: T) => ({ required: true, content: { 'application/json': { schema } } });

const DEVICE_NOTE =
  `Polls with \`device\` integrity count visitors without an account per device: send a random token (128 bits or more, base64url) ` +
  `as \`${DEVICE_HEADER}\` on every poll request, the same one each time. Members are always counted as themselves.`;

const read = createRoute({
  method: 'get',
  path: '/v1/sites/{site}/polls/{id}',
  tags: ['polls'],
  summary: 'A poll as this viewer may see it (getPoll)',
  description: `The tally is \`null\` (absent, not hidden) while results are withheld from this viewer; a quiz's answers appear once answered. ${DEVICE_NOTE}`,
  security: BEARER,
  request: { params: PollParams, headers: DeviceHeaders },
  responses: { 200: json(PollSchema, 'The poll, shaped for this viewer'), ...NOT_MODIFIED, ...errors(...READ_ERRORS) },
});

const ensure = createRoute({
  method: 'put',
  path: '/v1/sites/{site}/polls/{id}',
  tags: ['polls'],
  summary: 'Register a declarative definition (ensurePoll)',
  description:
    'Anyone whose page shows the poll registers it on first use. A different definition replaces the stored one only while the poll has no ballots; ' +
    'after the first ballot only an admin may change it, never its `type` or `voters`, nor the value of an option (or a rating) a ballot holds (409 otherwise). A poll with an author (made through the API or CLI) ' +
    'may be changed only by its author, moderators and admins (403 otherwise); sending its stored definition again is a read. ' +
    'A changed `closesAt` may not be in the past. Refusals: `fields.<field>` for a definition that cannot work.',
  security: BEARER,
  request: { params: PollParams, headers: DeviceHeaders, body: body(PollDefinitionBody) },
  responses: {
    200: json(PollSchema, 'The stored poll'),
    ...errors(...WRITE_ERRORS, 409),
    403: {
      ...errors(403)[403]!,
      description: 'A request from an origin the site does not allow, or a change to a poll with an author by someone else than its author, a moderator or an admin.',
    },
  },
});

const create = createRoute({
  method: 'post',
  path: '/v1/sites/{site}/polls',
  tags: ['polls'],
  summary: 'Create a poll (moderators)',
  description: 'A poll made through the API, with the caller as its author; pages then show it with `<plein-poll poll="id">`. 409 when the id is taken.',
  security: BEARER,
  request: { params: SiteParams, body: body(CreatePollBody) },
  responses: { 201: json(PollSchema, 'The new poll'), ...errors(...WRITE_ERRORS, 403, 409) },
});

const cast = createRoute({
  method: 'post',
  path: '/v1/sites/{site}/polls/{id}/votes',
  tags: ['polls'],
  summary: 'Cast or change the viewer’s ballot (vote)',
  description:
    `409 for a second ballot (unless the poll allows changes) or a closed poll; \`member\` polls refuse anonymous visitors (401) and guests (403). ${DEVICE_NOTE} ` +
    'Device ballots are also capped per IP hash per poll and day (default 20): beyond it, 429 with Retry-After.',
  security: BEARER,
  request: { params: PollParams, headers: DeviceHeaders, body: body(BallotBody) },
  responses: { 200: json(PollSchema, 'The poll after the ballot, shaped for the voter'), ...errors(...WRITE_ERRORS, 403, 409) },
});

const retract = createRoute({
  method: 'delete',
  path: '/v1/sites/{site}/polls/{id}/votes/mine',
  tags: ['polls'],
  summary: 'Take the viewer’s ballot back (removeVote)',
  description: 'Only in polls with `allowChange`; 409 when the viewer has no ballot.',
  security: BEARER,
  request: { params: PollParams, headers: DeviceHeaders },
  responses: { 200: json(PollSchema, 'The poll without the ballot'), ...errors(...WRITE_ERRORS, 403, 409) },
});

const close = createRoute({
  method: 'post',
  path: '/v1/sites/{site}/polls/{id}/close',
  tags: ['polls'],
  summary: 'Close or reopen a poll (closePoll, moderators)',
  security: BEARER,
  request: { params: PollParams, body: body(CloseBody) },
  responses: { 200: json(PollSchema, 'The poll'), ...errors(...WRITE_ERRORS, 403) },
});

const voters = createRoute({
  method: 'get',
  path: '/v1/sites/{site}/polls/{id}/votes',
  tags: ['polls'],
  summary: 'Who voted what, oldest first (listPollVotes)',
  description:
    '`public` polls only, for members and moderators who may see the results now (the list is the results ballot by ballot); 403 for `secret` and `anonymous` polls and while the results are withheld.',
  security: BEARER,
  request: { params: PollParams, query: VotesQuery },
  responses: { 200: json(PollVotePageSchema, 'A page; `cursor: null` on the last'), ...NOT_MODIFIED, ...errors(...READ_ERRORS, 403) },
});

function pollContext(c: Context<AppEnv>, deps: RouteDeps): PollContext {
  return {
    store: deps.store,
    realtime: deps.realtime,
    config: deps.config,
    site: c.get('site'),
    identity: c.get('identity'),
    now: deps.clock,
    ipHash: c.var.ipHash ?? '',
    device: deviceToken(c.req.header(DEVICE_HEADER)),
    deviceSent: c.req.header(DEVICE_HEADER) !== undefined,
  };
}

function withId<T extends object>(id: string, input: T & { id?: string | undefined }): T & { id: string } {
  if (input.id !== undefined && input.id !== id) {
    throw AdapterError.invalid({ id: { reason: 'mismatch', message: 'The definition names another poll than the address.' } });
  }
  return { ...input, id };
}

export function registerPolls(app: Api, deps: RouteDeps): void {
  app.openapi(read, async (c) => {
    // The position before the read: events after it may repeat what the answer shows, never miss.
    c.header(EVENT_ID_HEADER, String((await deps.store.journalBounds()).last));
    // `voted` and what follows from it depend on the device the client names.
    c.header('Vary', DEVICE_HEADER, { append: true });
    const poll = await getPoll(pollContext(c, deps), c.req.valid('param').id);
    if (!poll) throw new AdapterError('not-found', 'The poll was not found.');
    return c.json(poll, 200);
  });

  app.openapi(ensure, async (c) => {
    const definition = withId(c.req.valid('param').id, c.req.valid('json')) as PollDefinition;
    // Registering is how a page reads its declarative poll: it too says where the journal stood.
    c.header(EVENT_ID_HEADER, String((await deps.store.journalBounds()).last));
    return c.json(await ensurePoll(pollContext(c, deps), definition), 200);
  });

  app.openapi(create, async (c) => c.json(await createPoll(pollContext(c, deps), c.req.valid('json') as PollDefinition), 201));

  app.openapi(cast, async (c) => {
    const { choices, rating } = c.req.valid('json');
    // Both as sent: the poll's type decides which one counts, so a refusal names the right field.
    const ballot = { ...(choices === undefined ? {} : { choices }), ...(rating === undefined ? {} : { rating }) };
    return c.json(await vote(pollContext(c, deps), c.req.valid('param').id, ballot), 200);
  });

  app.openapi(retract, async (c) => c.json(await removeVote(pollContext(c, deps), c.req.valid('param').id), 200));

  app.openapi(close, async (c) => c.json(await closePoll(pollContext(c, deps), c.req.valid('param').id, c.req.valid('json').closed), 200));

  app.openapi(voters, async (c) => {
    const query = c.req.valid('query');
    const page = await listPollVotes(pollContext(c, deps), c.req.valid('param').id, {
      cursor: query.cursor ?? null,
      ...(query.limit === undefined ? {} : { limit: query.limit }),
    });
    return c.json(page, 200);
  });
}
