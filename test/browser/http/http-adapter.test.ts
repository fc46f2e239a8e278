import { expect } from '@open-wc/testing';
import { topics, type RealtimeEvent } from '../../../src/adapter.js';
import { createHttpAdapter, type HttpAdapter } from '../../../src/http.js';
import { FakeServer } from './fake-server.js';

const ENDPOINT = 'https://plein.invalid';

async function until(condition: () => boolean, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('Timed out.');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('HTTP adapter in the browser', () => {
  let adapters: HttpAdapter[] = [];
  const keys: string[] = [];
  const open = (server: FakeServer, site: string) => {
    const adapter = createHttpAdapter({ endpoint: ENDPOINT, site, fetch: server.fetch, realtime: { debounceMs: 5 } });
    adapters.push(adapter);
    keys.push(`plein:http:guest:${ENDPOINT}/v1/sites/${site}`);
    return adapter;
  };

  afterEach(() => {
    adapters.forEach((adapter) => adapter.dispose());
    adapters = [];
    keys.splice(0).forEach((key) => localStorage.removeItem(key));
  });

  it('solves the guest proof-of-work with Web Crypto and keeps the session in localStorage across page loads', async () => {
    const server = new FakeServer();
    const guest = await open(server, 'pow-site').signInAsGuest({ name: '  Gus Guest ' });
    expect(guest.name).to.equal('Gus Guest');
    expect(guest.guest).to.equal(true);
    const stored = JSON.parse(localStorage.getItem(`plein:http:guest:${ENDPOINT}/v1/sites/pow-site`) ?? 'null') as { token: string } | null;
    expect(stored?.token).to.be.a('string');
    const afterReload = open(server, 'pow-site');
    expect((await afterReload.getViewer())?.id).to.equal(guest.id);
    expect(server.requests.at(-1)?.headers.get('Authorization')).to.equal(`Bearer ${stored!.token}`);
  });

  it('reads the event stream from fetch, whatever the chunking, tolerating heartbeats', async () => {
    const server = new FakeServer();
    const adapter = open(server, 'stream-site');
    const heard: RealtimeEvent[] = [];
    adapter.subscribe(topics.thread('post-1'), (event) => heard.push(event));
    const stream = await server.stream(1);
    expect(stream.topics).to.deep.equal(['thread:post-1']);
    expect(stream.lastEventId).to.equal('100');
    const event = { type: 'comment-deleted', id: 'c1', thread: 'post-1' };
    const text = `retry: 50\r\n: plein events\r\n\r\nid: 101\r\ndata: ${JSON.stringify({ topic: 'thread:post-1', events: [event] })}\r\n\r\n: heartbeat\r\n\r\n`;
    for (let index = 0; index < text.length; index += 7) stream.send(text.slice(index, index + 7));
    await until(() => heard.length === 1);
    expect(heard[0]).to.deep.equal(event);
  });

  it('reconnects after the stream ends, resuming after the last event it delivered', async () => {
    const server = new FakeServer();
    const adapter = open(server, 'resume-site');
    const heard: string[] = [];
    adapter.subscribe(topics.thread('post-2'), (event) => void (event.type === 'comment-deleted' && heard.push(event.id)));
    const first = await server.stream(1);
    const message = (id: number) => `id: ${id}\ndata: ${JSON.stringify({ topic: 'thread:post-2', events: [{ type: 'comment-deleted', id: `c${id}`, thread: 'post-2' }] })}\n\n`;
    first.send(`retry: 20\n\n${message(101)}${message(102)}`);
    await until(() => heard.length === 2);
    first.end();
    const second = await server.stream(2);
    expect(second.lastEventId).to.equal('102');
    // A replay that overlaps what was delivered is not delivered twice.
    second.send(`${message(102)}${message(103)}`);
    await until(() => heard.length === 3);
    expect(heard).to.deep.equal(['c101', 'c102', 'c103']);
  });

  it('hears another tab start the guest session through the storage event', async () => {
    const server = new FakeServer();
    const adapter = open(server, 'tabs-site');
    const heard: RealtimeEvent[] = [];
    adapter.subscribe(topics.session(), (event) => heard.push(event));
    expect(await adapter.getViewer()).to.equal(null);
    const viewer = { id: 'guest:9', name: 'Other Tab', avatarUrl: null, roles: [], guest: true };
    const key = `plein:http:guest:${ENDPOINT}/v1/sites/tabs-site`;
    const newValue = JSON.stringify({ token: 'guest-token-9', viewer, expiresAt: new Date(Date.now() + 60_000).toISOString() });
    localStorage.setItem(key, newValue);
    window.dispatchEvent(new StorageEvent('storage', { key, newValue, storageArea: localStorage }));
    await until(() => heard.length === 1);
    expect(heard[0]).to.deep.equal({ type: 'viewer-changed', viewer });
  });
});
