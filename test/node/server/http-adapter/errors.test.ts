/**
 * How the adapter turns HTTP answers into AdapterErrors: first against the live server (the
 * errors its rules really raise), then for answers it cannot easily be made to give (a gateway's
 * 502 page, a bare 503, an HTTP-date Retry-After), by handing the adapter a `fetch` that answers
 * them.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { AdapterError, type AdapterErrorCode } from '../../../../src/adapters/errors.js';
import { createHttpAdapter } from '../../../../src/http.js';
import { recordingFetch } from './helpers.js';
import { personas, sqlite, startLiveServer, type LiveServer } from './live-server.js';

async function refusal(work: Promise<unknown>): Promise<AdapterError> {
  try {
    await work;
  } catch (error) {
    if (AdapterError.is(error)) return error;
    throw error;
  }
  assert.fail('expected the call to be refused');
}

describe('HTTP adapter error mapping against the live server', () => {
  let server: LiveServer;
  const site = 'errors-site';
  const open = (viewer = personas.member as typeof personas.member | null, extra: Partial<Parameters<typeof createHttpAdapter>[0]> = {}) =>
    createHttpAdapter({ endpoint: server.url, site, token: viewer ? () => server.token(site, viewer) : null, guestStorage: null, ...extra });

  before(async () => {
    server = await startLiveServer(sqlite, { config: { rateLimits: { commentsPerIdentity: { max: 1, windowMs: 60_000 } } } });
    await server.prepare(site);
  });
  after(() => server.close());

  it('maps 400 to invalid with the field errors of the body', async () => {
    const error = await refusal(open().postComment({ thread: 'errors', body: '   ' }));
    assert.equal(error.code, 'invalid');
    assert.equal(error.fields['body']?.reason, 'required');
    assert.equal(typeof error.fields['body']?.message, 'string');
  });

  it('maps 401 to unauthorized: an anonymous write, and a token the site did not sign', async () => {
    assert.equal((await refusal(open(null).postComment({ thread: 'errors', body: 'Hi' }))).code, 'unauthorized');
    const forged = createHttpAdapter({ endpoint: server.url, site, token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl', guestStorage: null });
    assert.equal((await refusal(forged.getViewer())).code, 'unauthorized');
  });

  it('maps 403 to forbidden and 409 to conflict', async () => {
    const author = open(personas.moderator);
    const comment = await author.postComment({ thread: 'errors-403', body: 'Mine.' });
    assert.equal((await refusal(open(personas.otherMember).editComment(comment.id, { body: 'Not yours.' }))).code, 'forbidden');
    const reply = await author.postComment({ thread: 'errors-403', body: 'A reply.', parentId: comment.id });
    assert.equal((await refusal(author.moderate({ kind: 'comment', id: reply.id }, 'pin'))).code, 'conflict');
  });

  it('maps 404 to null for reads and to not-found for writes', async () => {
    const member = open();
    assert.equal(await member.getComment('no-such-comment'), null);
    assert.equal((await refusal(member.editComment('no-such-comment', { body: 'x' }))).code, 'not-found');
    assert.equal((await refusal(member.deleteComment('no-such-comment'))).code, 'not-found');
  });

  it('knows an anonymous visitor without a request, and reports an unknown site as not-found on the first read', async () => {
    const recorder = recordingFetch();
    const adapter = createHttpAdapter({ endpoint: server.url, site: 'nowhere', guestStorage: null, fetch: recorder.fetch });
    assert.equal(await adapter.getViewer(), null);
    assert.equal(recorder.requests.length, 0, 'nobody to verify: no request');
    const error = await refusal(adapter.listComments({ thread: 'errors-site' }));
    assert.equal(error.code, 'not-found');
    const member = createHttpAdapter({ endpoint: server.url, site: 'nowhere', guestStorage: null, token: 'some.member.token' });
    assert.equal((await refusal(member.getViewer())).code, 'not-found', 'a token is verified by the site, which does not exist');
  });

  it('maps 429 to rate-limited with retryAfter in seconds from the answer', async () => {
    const member = open(personas.otherMember);
    await member.postComment({ thread: 'errors-429', body: 'First.' });
    const error = await refusal(member.postComment({ thread: 'errors-429', body: 'Second, too soon.' }));
    assert.equal(error.code, 'rate-limited');
    assert.ok(typeof error.retryAfter === 'number' && error.retryAfter >= 1 && error.retryAfter <= 60, `retryAfter ${error.retryAfter}`);
  });

  it('maps a body larger than the server accepts (413) to invalid', async () => {
    const error = await refusal(open().postComment({ thread: 'errors', body: 'x'.repeat(70 * 1024) }));
    assert.equal(error.code, 'invalid');
  });

  it('maps a refused connection to network', async () => {
    const closed = await new Promise<Server>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => resolve(probe));
    });
    const { port } = closed.address() as { port: number };
    await new Promise((resolve) => closed.close(resolve));
    const error = await refusal(createHttpAdapter({ endpoint: `http://127.0.0.1:${port}`, site, guestStorage: null }).getThread('x'));
    assert.equal(error.code, 'network');
    assert.ok(error.cause instanceof Error, 'the fetch failure is kept as the cause');
  });
});

describe('HTTP adapter error mapping of answers the server does not give on cue', () => {
  const answering = (status: number, body: string, headers: Record<string, string> = {}) =>
    createHttpAdapter({
      endpoint: 'https://plein.invalid',
      site: 'blog',
      token: 'token',
      guestStorage: null,
      fetch: async () => new Response(status === 204 ? null : body, { status, headers }),
    });
  const jsonError = (code: string, extra: Record<string, unknown> = {}) => JSON.stringify({ error: { code, message: `It is ${code}.`, ...extra } });

  const byStatus: [number, AdapterErrorCode][] = [
    [400, 'invalid'],
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not-found'],
    [409, 'conflict'],
    [413, 'invalid'],
    [415, 'invalid'],
    [422, 'invalid'],
    [429, 'rate-limited'],
    [500, 'unavailable'],
    [502, 'unavailable'],
    [503, 'unavailable'],
    [504, 'unavailable'],
  ];
  for (const [status, code] of byStatus) {
    it(`maps a bare ${status} (a proxy's HTML page) to ${code}, with a message naming the status`, async () => {
      const error = await refusal(answering(status, '<html><body>Bad gateway</body></html>', { 'Content-Type': 'text/html' }).editComment('c1', { body: 'x' }));
      assert.equal(error.code, code);
      assert.match(error.message, new RegExp(`HTTP ${status}`));
    });
  }

  it('takes the code and message from the error body over the status', async () => {
    const error = await refusal(answering(413, jsonError('invalid')).postComment({ thread: 't', body: 'x' }));
    assert.equal(error.code, 'invalid');
    assert.equal(error.message, 'It is invalid.');
    const unknown = await refusal(answering(409, jsonError('exploded')).postComment({ thread: 't', body: 'x' }));
    assert.equal(unknown.code, 'conflict');
  });

  it('takes field errors with their reason, message and params', async () => {
    const fields = { body: { reason: 'too-long', message: 'Use at most 5000 characters.', params: { max: 5000, length: 5001 } } };
    const error = await refusal(answering(400, jsonError('invalid', { fields })).postComment({ thread: 't', body: 'x' }));
    assert.deepEqual(error.fields, fields);
  });

  it('takes retryAfter from the body, else from Retry-After in seconds, else from Retry-After as an HTTP date', async () => {
    const fromBody = await refusal(answering(429, jsonError('rate-limited', { retryAfter: 7 }), { 'Retry-After': '99' }).getViewer());
    assert.equal(fromBody.retryAfter, 7);
    const fromSeconds = await refusal(answering(429, 'Too many', { 'Retry-After': '12' }).getViewer());
    assert.equal(fromSeconds.code, 'rate-limited');
    assert.equal(fromSeconds.retryAfter, 12);
    const date = new Date(Date.now() + 30_000).toUTCString();
    const fromDate = await refusal(answering(503, '', { 'Retry-After': date }).getViewer());
    assert.equal(fromDate.code, 'unavailable');
    assert.ok(fromDate.retryAfter! >= 28 && fromDate.retryAfter! <= 31, `retryAfter ${fromDate.retryAfter}`);
    assert.equal((await refusal(answering(429, '', { 'Retry-After': 'soon' }).getViewer())).retryAfter, undefined);
  });

  it('maps a fetch that throws (offline, DNS, CORS refusal) to network', async () => {
    const offline = createHttpAdapter({
      endpoint: 'https://plein.invalid',
      site: 'blog',
      guestStorage: null,
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    const error = await refusal(offline.listComments({ thread: 't' }));
    assert.equal(error.code, 'network');
  });

  it('maps a 200 that is not JSON (an endpoint that is not a Plein server) to unavailable', async () => {
    const error = await refusal(answering(200, '<!doctype html><title>My blog</title>').getThread('t'));
    assert.equal(error.code, 'unavailable');
    assert.match(error.message, /JSON/);
  });

  it('sends JSON with Content-Type: application/json, the bearer token, and Anonymous on anonymous writes', async () => {
    const seen: { method: string; headers: Headers; body: unknown }[] = [];
    const recorder = (token: string | null) =>
      createHttpAdapter({
        endpoint: 'https://plein.invalid/base/',
        site: 'my blog',
        token,
        guestStorage: null,
        fetch: async (input, init) => {
          seen.push({ method: init?.method ?? 'GET', headers: new Headers(init?.headers), body: init?.body });
          assert.match(String(input), /^https:\/\/plein\.invalid\/base\/v1\/sites\/my%20blog\//);
          return new Response(JSON.stringify({ comment: { id: 'c', thread: 't' }, guest: null }), { status: 201 });
        },
      });
    await recorder('abc.def.ghi').postComment({ thread: 't/1', body: 'Hi' });
    await recorder(null).postComment({ thread: 't', body: 'Hi' }).catch(() => undefined);
    assert.equal(seen[0]?.headers.get('Content-Type'), 'application/json');
    assert.equal(seen[0]?.headers.get('Authorization'), 'Bearer abc.def.ghi');
    assert.deepEqual(JSON.parse(String(seen[0]?.body)), { body: 'Hi', parentId: null });
    assert.equal(seen[1]?.headers.get('Authorization'), 'Anonymous');
  });

  it('asks a token function again after a 401 and retries once when it gives a new token', async () => {
    const tokens = ['old.token.x', 'new.token.y'];
    let calls = 0;
    const used: (string | null)[] = [];
    const adapter = createHttpAdapter({
      endpoint: 'https://plein.invalid',
      site: 'blog',
      guestStorage: null,
      token: () => tokens[Math.min(calls++, 1)]!,
      fetch: async (_input, init) => {
        const auth = new Headers(init?.headers).get('Authorization');
        used.push(auth);
        return auth === 'Bearer old.token.x'
          ? new Response(jsonError('unauthorized'), { status: 401 })
          : new Response(JSON.stringify({ viewer: personas.member }), { status: 200 });
      },
    });
    assert.equal((await adapter.getViewer())?.id, personas.member.id);
    assert.deepEqual(used, ['Bearer old.token.x', 'Bearer new.token.y']);
  });
});
