/** The comments family over HTTP: one route per adapter method, every rule in `src/comments`. */
import { createRoute } from '@hono/zod-openapi';
import { AdapterError } from '../../adapters/errors.js';
import { editComment, deleteComment, postComment } from '../comments/writing.js';
import { commentIn, describeThread, listState, locate, pageOf, threadState } from '../comments/reading.js';
import { keptAnswer } from '../comments/kept-answers.js';
import type { ThreadState } from '../comments/thread-state.js';
import { compressible, encodedBody, negotiate } from '../app/encoding.js';
import type { AppEnv } from '../app/env.js';
import type { Context } from 'hono';
import { react, report } from '../comments/feedback.js';
import { NOT_MODIFIED, READ_ERRORS, WRITE_ERRORS, errors } from '../schemas/common.js';
import {
  CommentPageSchema,
  CommentParams,
  CommentSchema,
  EditCommentBody,
  ListQuery,
  PostCommentBody,
  PostedCommentSchema,
  ReactBody,
  ReactionsSchema,
  ReportBody,
  ThreadParams,
  ThreadSchema,
} from '../schemas/comments.js';
import { BEARER, EVENT_ID_HEADER, operation, type Api, type RouteDeps } from './deps.js';

const json = <T>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const body = <T>(schema: T) => ({ required: true, content: { 'application/json': { schema } } });

const thread = createRoute({
  method: 'get',
  path: '/v1/sites/{site}/threads/{thread}',
  tags: ['comments'],
  summary: 'A thread’s settings and comment count (getThread)',
  description: 'Threads need no registration: a thread nobody wrote in yet is described with its defaults. 404 only for an id no thread can have.',
  security: BEARER,
  request: { params: ThreadParams },
  responses: { 200: json(ThreadSchema, 'The thread, counted for this viewer'), ...NOT_MODIFIED, ...errors(...READ_ERRORS) },
});

const list = createRoute({
  method: 'get',
  path: '/v1/sites/{site}/threads/{thread}/comments',
  tags: ['comments'],
  summary: 'A page of comments (listComments)',
  security: BEARER,
  request: { params: ThreadParams, query: ListQuery },
  responses: { 200: json(CommentPageSchema, 'A page; `cursor: null` on the last'), ...NOT_MODIFIED, ...errors(...READ_ERRORS) },
});

const post = createRoute({
  method: 'post',
  path: '/v1/sites/{site}/threads/{thread}/comments',
  tags: ['comments'],
  summary: 'Post a comment or reply (postComment)',
  description:
    'Members and guests post with their token. An anonymous visitor (`Authorization: Anonymous`) posts as a guest with `guestName` and `altcha` ' +
    'where the thread allows guests; the answer then carries the new guest session. ' +
    'Refusals in order: `fields.thread`; `unauthorized`/`forbidden` (locked, guests not allowed); `not-found`/`conflict` for the parent; ' +
    '`fields.body` (required, too-long, too-many-links, banned-words), `fields.guestName`; `fields.website`, `fields.altcha`; `rate-limited`.',
  security: BEARER,
  request: { params: ThreadParams, body: body(PostCommentBody) },
  responses: { 201: json(PostedCommentSchema, 'The stored comment (status `pending` when held for moderation)'), ...errors(...WRITE_ERRORS, 403, 409) },
});

const one = createRoute({
  method: 'get',
  path: '/v1/sites/{site}/comments/{id}',
  tags: ['comments'],
  summary: 'One comment (getComment)',
  description: '404 when it does not exist or this viewer may not see it (getComment resolves to null).',
  security: BEARER,
  request: { params: CommentParams },
  responses: { 200: json(CommentSchema, 'The comment as this viewer sees it'), ...NOT_MODIFIED, ...errors(...READ_ERRORS) },
});

const edit = createRoute({
  method: 'patch',
  path: '/v1/sites/{site}/comments/{id}',
  tags: ['comments'],
  summary: 'Edit a comment (editComment)',
  security: BEARER,
  request: { params: CommentParams, body: body(EditCommentBody) },
  responses: { 200: json(CommentSchema, 'The edited comment'), ...errors(...WRITE_ERRORS, 403, 409) },
});

const remove = createRoute({
  method: 'delete',
  path: '/v1/sites/{site}/comments/{id}',
  tags: ['comments'],
  summary: 'Delete a comment (deleteComment)',
  description: 'Soft delete: a placeholder stays while replies remain. Deleting one’s own already deleted comment again succeeds.',
  security: BEARER,
  request: { params: CommentParams },
  responses: { 204: { description: 'Deleted' }, ...errors(...WRITE_ERRORS, 403, 409) },
});

const reactRoute = createRoute({
  method: 'post',
  path: '/v1/sites/{site}/comments/{id}/reactions',
  tags: ['comments'],
  summary: 'Set or clear the viewer’s reaction (react)',
  security: BEARER,
  request: { params: CommentParams, body: body(ReactBody) },
  responses: { 200: json(ReactionsSchema, 'The comment’s new reaction summary'), ...errors(...WRITE_ERRORS, 403, 409) },
});

const reportRoute = createRoute({
  method: 'post',
  path: '/v1/sites/{site}/comments/{id}/reports',
  tags: ['comments'],
  summary: 'Report a comment (report)',
  security: BEARER,
  request: { params: CommentParams, body: body(ReportBody) },
  responses: { 204: { description: 'Reported (an earlier report by the same member is replaced)' }, ...errors(...WRITE_ERRORS, 403, 409) },
});

/**
 * A read of thread data: tagged with the journal position the state includes, its answer kept
 * per class of viewers (`comments/kept-answers.ts`) and compressed once per coding. `learn`: the
 * answer depends on nothing but the thread state, the viewer and this URL, so the fast read path
 * (`app/fast-read.ts`) may answer the URL from now on.
 */
function answer(c: Context<AppEnv>, deps: RouteDeps, state: ThreadState, key: string, produce: () => unknown, learn: boolean): Response {
  c.header(EVENT_ID_HEADER, String(state.position));
  const kept = keptAnswer(state, c.var.identity.actor, key, produce);
  if (learn) deps.reads.learn(pathAndQuery(c.req.url), { siteId: state.site.id, thread: state.id, key, path: c.req.path });
  if (!compressible(kept)) return c.body(kept.body, 200, { 'Content-Type': 'application/json', ETag: kept.etag });
  c.header('Vary', 'Accept-Encoding', { append: true });
  const { bytes, coding } = encodedBody(kept, negotiate(c.req.header('Accept-Encoding')));
  return c.body(bytes, 200, { 'Content-Type': 'application/json', ETag: kept.etag, ...(coding ? { 'Content-Encoding': coding } : {}) });
}

function pathAndQuery(url: string): string {
  return url.slice(url.indexOf('/', url.indexOf('//') + 2));
}

export function registerComments(app: Api, deps: RouteDeps): void {
  app.openapi(thread, async (c) => {
    const context = operation(c, deps);
    const state = await threadState(context, c.req.valid('param').thread);
    if (!state) throw new AdapterError('not-found', 'No thread can have this id.');
    return answer(c, deps, state, 'thread', () => describeThread(context, state), true) as never;
  });

  app.openapi(list, async (c) => {
    const query = c.req.valid('query');
    const context = operation(c, deps);
    const request = {
      thread: c.req.valid('param').thread,
      sort: query.sort ?? 'newest',
      parentId: query.parentId ?? null,
      cursor: query.cursor ?? null,
      ...(query.limit === undefined ? {} : { limit: query.limit }),
      withReplies: query.withReplies === 'true',
    };
    const withThread = query.withThread === 'true';
    const state = await listState(context, request.thread);
    const key = JSON.stringify(['list', request.sort, request.parentId, request.cursor, request.limit ?? null, request.withReplies, withThread]);
    const produce = () => (withThread ? { ...pageOf(context, state, request), thread: describeThread(context, state) } : pageOf(context, state, request));
    return answer(c, deps, state, key, produce, true) as never;
  });

  app.openapi(post, async (c) => {
    const input = c.req.valid('json');
    const posted = await postComment(operation(c, deps), {
      thread: c.req.valid('param').thread,
      body: input.body,
      parentId: input.parentId ?? null,
      guestName: input.guestName,
      proof: { altcha: input.altcha, website: input.website },
    });
    return c.json(posted, 201);
  });

  app.openapi(one, async (c) => {
    const context = operation(c, deps);
    const id = c.req.valid('param').id;
    const found = await locate(context, id);
    const comment = found && commentIn(context, found.state, id);
    if (!found || !comment) throw new AdapterError('not-found', 'The comment was not found.');
    // Not for the fast path: which thread a comment is in (and whether it still exists) is the store's to say.
    return answer(c, deps, found.state, `comment:${id}`, () => comment, false) as never;
  });

  app.openapi(edit, async (c) => c.json(await editComment(operation(c, deps), c.req.valid('param').id, c.req.valid('json').body), 200));

  app.openapi(remove, async (c) => {
    await deleteComment(operation(c, deps), c.req.valid('param').id);
    return c.body(null, 204);
  });

  app.openapi(reactRoute, async (c) => {
    const { key, on } = c.req.valid('json');
    return c.json({ reactions: await react(operation(c, deps), c.req.valid('param').id, key, on) }, 200);
  });

  app.openapi(reportRoute, async (c) => {
    await report(operation(c, deps), c.req.valid('param').id, c.req.valid('json'));
    return c.body(null, 204);
  });
}
