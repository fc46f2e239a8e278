/**
 * Abort signals through the HTTP adapter: a call aborted while its request is in flight (waiting
 * for the answer, or halfway through reading it) or while the guest proof-of-work is being solved
 * rejects with the signal's reason, never with an AdapterError; `dispose()` aborts what is in
 * flight. The already-aborted cases are the conformance kit's.
 */
import assert from 'node:assert/strict';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { AdapterError } from '../../../../src/adapters/errors.js';
import { createHttpAdapter } from '../../../../src/http.js';
import { recordingFetch } from './helpers.js';
import { personas, sharedStorage, sqlite, startLiveServer, type LiveServer } from './live-server.js';

describe('HTTP adapter aborts against a server that stalls', () => {
  let stalling: Server;
  let endpoint: string;
  const held: ServerResponse[] = [];

  before(async () => {
    stalling = createServer((request, response) => {
      held.push(response);
      // Half an answer: the headers and the start of a body, then nothing.
      if (request.url?.includes('/comments')) {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.write('{"items":[');
      }
    });
    await new Promise<void>((resolve) => stalling.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(stalling.address() as AddressInfo).port}`;
  });
  after(async () => {
    for (const response of held) response.destroy();
    stalling.closeAllConnections();
    await new Promise((resolve) => stalling.close(resolve));
  });

  const adapter = () => createHttpAdapter({ endpoint, site: 'blog', guestStorage: null });

  it('rejects with the signal’s own reason when aborted while waiting for the answer', async () => {
    const controller = new AbortController();
    const reason = new Error('The reader left the page');
    const call = adapter().getThread('t', { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 30);
    await assert.rejects(call, (error) => error === reason);
  });

  it('rejects with an AbortError (not an AdapterError) when aborted without a reason', async () => {
    const controller = new AbortController();
    const call = adapter().getComment('c', { signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    await assert.rejects(call, (error: Error) => error.name === 'AbortError' && !AdapterError.is(error));
  });

  it('rejects with the signal’s reason when aborted halfway through reading the answer', async () => {
    const controller = new AbortController();
    const reason = new Error('Enough');
    const call = adapter().listComments({ thread: 't' }, { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 50);
    await assert.rejects(call, (error) => error === reason);
  });

  it('aborts calls in flight on dispose, which then fail as unavailable', async () => {
    const disposable = adapter();
    const call = disposable.getThread('t');
    setTimeout(() => disposable.dispose(), 30);
    await assert.rejects(call, (error) => AdapterError.is(error) && error.code === 'unavailable');
  });
});

describe('HTTP adapter aborts against the live server', () => {
  let server: LiveServer;
  const site = 'abort-site';
  before(async () => {
    // A proof-of-work far too large to finish during the test.
    server = await startLiveServer(sqlite, { config: { guests: { powMaxCounter: 50_000_000 } } });
    await server.prepare(site, [{ id: 'guests', guests: true }]);
  });
  after(() => server.close());

  it('stops solving the guest proof-of-work when aborted, and leaves the visitor anonymous', async () => {
    const storage = sharedStorage();
    const visitor = createHttpAdapter({ endpoint: server.url, site, guestStorage: storage });
    const controller = new AbortController();
    const reason = new Error('Changed my mind');
    const started = Date.now();
    const call = visitor.signInAsGuest({ name: 'Gus Guest' }, { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 100);
    await assert.rejects(call, (error) => error === reason);
    assert.ok(Date.now() - started < 2000, `the solver stopped ${Date.now() - started} ms after the start`);
    assert.equal(storage.values.size, 0, 'no guest session stored');
    assert.equal(await visitor.getViewer(), null);
  });

  it('reads the viewer once for callers that ask together; one that gives up leaves the others their answer', async () => {
    const recorder = recordingFetch();
    const member = createHttpAdapter({ endpoint: server.url, site, token: () => server.token(site, personas.member), guestStorage: null, fetch: recorder.fetch });
    const controller = new AbortController();
    const reason = new Error('Left the page');
    const calls = [member.getViewer(), member.getViewer({ signal: controller.signal }), member.getViewer()];
    controller.abort(reason);
    await assert.rejects(calls[1]!, (error) => error === reason);
    const [first, third] = await Promise.all([calls[0]!, calls[2]!]);
    assert.equal(first?.id, personas.member.id);
    assert.equal(third?.id, personas.member.id);
    const viewerReads = () => recorder.requests.filter((request) => request.url.pathname.endsWith('/viewer')).length;
    assert.equal(viewerReads(), 1);
    // Once answered, the next call asks again.
    assert.equal((await member.getViewer())?.id, personas.member.id);
    assert.equal(viewerReads(), 2);
  });

  it('sends nothing for a write whose signal is already aborted', async () => {
    const recorder = recordingFetch();
    const member = createHttpAdapter({ endpoint: server.url, site, token: () => server.token(site, personas.member), guestStorage: null, fetch: recorder.fetch });
    await assert.rejects(member.postComment({ thread: 'aborted', body: 'Never sent' }, { signal: AbortSignal.abort() }), { name: 'AbortError' });
    await assert.rejects(member.postComment({ thread: 'guests', body: 'Never sent', guestName: 'Gus' }, { signal: AbortSignal.abort() }), { name: 'AbortError' });
    assert.equal(recorder.requests.length, 0);
  });
});
