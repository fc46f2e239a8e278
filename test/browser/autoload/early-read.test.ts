import { expect } from '@open-wc/testing';
import { readThreadsEarly } from '../../../src/autoload/early-read.js';
import { createScriptTagAdapter } from '../../../src/adapters/http/index.js';
import type { HttpAdapter } from '../../../src/http.js';
import { createCommentsStore } from '../../../src/stores/comments/index.js';
import { memberToken } from '../http/fake-server.js';

const ENDPOINT = 'https://plein.invalid/';
const thread = { id: 'blog/hello', locked: false, commentCount: 7, premoderated: false, ownerId: null, reactions: ['👍'], guests: false };

/** A server that answers every comments read with `thread`, and counts what it was asked. */
function server() {
  const asked: { url: string; authorization: string | null }[] = [];
  let failNext = false;
  const fetch: typeof globalThis.fetch = async (input, init) => {
    asked.push({ url: String(input), authorization: new Headers(init?.headers).get('Authorization') });
    if (failNext) {
      failNext = false;
      throw new TypeError('Failed to fetch');
    }
    return new Response(JSON.stringify({ items: [], cursor: null, thread }), { headers: { 'Content-Type': 'application/json', 'X-Plein-Event-Id': '5' } });
  };
  return { asked, fetch, failNextRead: () => (failNext = true) };
}

describe('the loader’s early read of a thread’s first page', () => {
  const cleanup: (() => void)[] = [];
  afterEach(() => {
    cleanup.splice(0).forEach((undo) => undo());
    // Reads a test left untaken stay out of the next test.
    delete (globalThis as { [key: symbol]: unknown })[Symbol.for('plein.early-reads')];
  });

  /** The page: a script tag, one comments element, and the loader's early reads through `fake`. */
  function page(fake: ReturnType<typeof server>, attributes: Record<string, string>, data: Record<string, string> = {}) {
    const element = document.createElement('plein-comments-early');
    const comments = document.createElement('plein-comments');
    for (const [name, value] of Object.entries(attributes)) comments.setAttribute(name, value);
    element.append(comments);
    document.body.append(element);
    const script = document.createElement('script');
    Object.assign(script.dataset, data);
    const realFetch = globalThis.fetch;
    globalThis.fetch = fake.fetch;
    try {
      readThreadsEarly(document, { endpoint: ENDPOINT, site: 'blog', script });
    } finally {
      globalThis.fetch = realFetch;
    }
    const adapter: HttpAdapter = createScriptTagAdapter(script, { endpoint: ENDPOINT, site: 'blog', fetch: fake.fetch, realtime: { debounceMs: 5 } });
    cleanup.push(() => {
      element.remove();
      adapter.dispose();
    });
    return { adapter, script };
  }

  async function firstRead(adapter: HttpAdapter) {
    const store = createCommentsStore(adapter, { thread: 'blog/hello', storage: null });
    cleanup.push(() => store.dispose());
    await store.load();
    return store;
  }

  it('answers the store’s first read: the thread’s page is asked for once, before the adapter exists', async () => {
    const fake = server();
    const { adapter } = page(fake, { thread: 'blog/hello' });
    expect(fake.asked).to.have.length(1, 'asked for as the loader ran');
    const store = await firstRead(adapter);
    expect(store.$thread.get()?.commentCount).to.equal(7);
    expect(fake.asked.filter((request) => request.url.includes('/comments')), 'the store’s read took the early answer').to.have.length(1);
  });

  it('carries the member’s data-token, and is left unused once the page has changed the token', async () => {
    const fake = server();
    const ada = memberToken({ id: 'ada', name: 'Ada' }, 3600);
    const { adapter, script } = page(fake, { thread: 'blog/hello' }, { token: ada });
    expect(fake.asked[0]?.authorization).to.equal(`Bearer ${ada}`);
    script.dataset.token = memberToken({ id: 'sam', name: 'Sam' }, 3600);
    await firstRead(adapter);
    const reads = fake.asked.filter((request) => request.url.includes('/comments'));
    expect(reads.map((read) => read.authorization)).to.deep.equal([`Bearer ${ada}`, `Bearer ${script.dataset.token}`]);
  });

  it('is not made for an order or page size the loader cannot be sure of, nor inside a provider', () => {
    const fake = server();
    page(fake, { thread: 'blog/a', sort: 'top' });
    page(fake, { thread: 'blog/b', 'page-size': '50' });
    const provider = document.createElement('plein-provider');
    const inside = document.createElement('plein-comments');
    inside.setAttribute('thread', 'blog/c');
    provider.append(inside);
    document.body.append(provider);
    cleanup.push(() => provider.remove());
    page(fake, { thread: 'blog/d' });
    expect(fake.asked.map((request) => request.url).filter((url) => /blog%2F[abc]/.test(url))).to.deep.equal([]);
    expect(fake.asked.filter((request) => request.url.includes('blog%2Fd')), 'the control').to.have.length(1);
  });

  it('leaves an endpoint that is no URL to the adapter to report', () => {
    const fake = server();
    const realFetch = globalThis.fetch;
    globalThis.fetch = fake.fetch;
    try {
      expect(() => readThreadsEarly(document, { endpoint: 'https://', site: 'blog' })).not.to.throw();
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(fake.asked).to.deep.equal([]);
  });

  it('is left unused by a read made long after the page loaded', async () => {
    const fake = server();
    const { adapter } = page(fake, { thread: 'blog/hello' });
    const now = performance.now;
    performance.now = () => now.call(performance) + 120_000;
    try {
      await firstRead(adapter);
    } finally {
      performance.now = now;
    }
    expect(fake.asked.filter((request) => request.url.includes('/comments'))).to.have.length(2);
  });

  it('is asked again by the adapter when it failed', async () => {
    const fake = server();
    fake.failNextRead();
    const { adapter } = page(fake, { thread: 'blog/hello' });
    const store = await firstRead(adapter);
    expect(store.$status.get()).to.equal('ready');
    expect(store.$thread.get()?.commentCount).to.equal(7);
    expect(fake.asked.filter((request) => request.url.includes('/comments'))).to.have.length(2);
  });
});
