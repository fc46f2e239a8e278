/**
 * How many requests the HTTP adapter's reads cost: a thread and its first page, asked together as
 * the comments store asks them, travel as one request.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { createHttpAdapter, type HttpAdapter } from '../../../../src/http.js';
import { postDirectly, recordingFetch } from './helpers.js';
import { personas, sqlite, startLiveServer, type LiveServer } from './live-server.js';

const SITE = 'requests-site';

describe('HTTP adapter requests against a live server', () => {
  let server: LiveServer;
  const adapters: HttpAdapter[] = [];
  const open = (fetchImpl?: typeof fetch) => {
    const adapter = createHttpAdapter({ endpoint: server.url, site: SITE, token: null, guestStorage: null, ...(fetchImpl ? { fetch: fetchImpl } : {}) });
    adapters.push(adapter);
    return adapter;
  };
  const paths = (recorder: ReturnType<typeof recordingFetch>) =>
    recorder.requests.map((request) => `${request.url.pathname.replace(/^.*\/sites\/[^/]+/, '')}${request.url.searchParams.has('withThread') ? ' withThread' : ''}`);

  before(async () => {
    server = await startLiveServer(sqlite);
    await server.prepare(SITE, [], { guests: true });
    await postDirectly(server, SITE, 'together', 'First', personas.member);
  });
  afterEach(() => {
    for (const adapter of adapters.splice(0)) adapter.dispose();
  });
  after(() => server.close());

  it('asks for a thread and its first page, wanted together, in one request', async () => {
    const recorder = recordingFetch();
    const reader = open(recorder.fetch);
    const [thread, page] = await Promise.all([reader.getThread('together'), reader.listComments({ thread: 'together', limit: 10, withReplies: true })]);
    assert.deepEqual(paths(recorder), ['/threads/together/comments withThread']);
    assert.deepEqual(thread, await open().getThread('together'), 'the same thread as its own read gives');
    assert.deepEqual(
      page.items.map((comment) => comment.body),
      ['First'],
    );
    assert.deepEqual(Object.keys(page).sort(), ['cursor', 'items'], 'the page as the contract has it');
  });

  it('reads a thread asked alone, or beside a later page, on its own', async () => {
    const recorder = recordingFetch();
    const reader = open(recorder.fetch);
    await reader.getThread('together');
    await Promise.all([reader.getThread('together'), reader.listComments({ thread: 'together', parentId: 'nothing-here' })]);
    assert.deepEqual(paths(recorder).sort(), ['/threads/together', '/threads/together', '/threads/together/comments']);
  });

  it('reads the thread on its own when the page it waited for fails', async () => {
    const recorder = recordingFetch();
    const reader = open(recorder.fetch);
    const [thread, page] = await Promise.allSettled([reader.getThread('together'), reader.listComments({ thread: 'together', limit: -1 })]);
    assert.equal(page.status, 'rejected');
    assert.equal(thread.status, 'fulfilled');
    assert.equal(thread.status === 'fulfilled' && thread.value?.id, 'together');
    assert.deepEqual(paths(recorder), ['/threads/together/comments withThread', '/threads/together']);
  });
});
