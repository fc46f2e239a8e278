import { expect } from '@open-wc/testing';
import { topics, type Viewer } from '../../../src/adapter.js';
import { createScriptTagAdapter } from '../../../src/adapters/http/index.js';
import type { HttpAdapter } from '../../../src/http.js';
import { until } from '../support/shadow.js';
import { FakeServer, memberToken } from './fake-server.js';

const ENDPOINT = 'https://plein.invalid';
const TOKEN_URL = 'https://site.invalid/plein-token';
const ada = { id: 'ada', name: 'Ada' };
const sam = { id: 'sam', name: 'Sam' };

describe('the script tag’s HTTP adapter', () => {
  let adapters: HttpAdapter[] = [];
  const setUp = (server: FakeServer, data: { token?: string; tokenUrl?: string }) => {
    const script = document.createElement('script');
    Object.assign(script.dataset, data);
    const adapter = createScriptTagAdapter(script, { endpoint: ENDPOINT, site: 'blog', fetch: server.fetch, realtime: { debounceMs: 5 } });
    adapters.push(adapter);
    const viewers: (Viewer | null)[] = [];
    adapter.subscribe(topics.session(), (event) => {
      if (event.type === 'viewer-changed') viewers.push(event.viewer);
    });
    return { script, adapter, viewers };
  };
  const sent = (server: FakeServer) => server.requests.filter((request) => request.path === '/viewer').map((request) => request.headers.get('Authorization'));
  const asked = (server: FakeServer) => server.requests.filter((request) => request.path === '/plein-token');

  afterEach(() => {
    adapters.forEach((adapter) => adapter.dispose());
    adapters = [];
  });

  it('reads data-token at every request; a page that changes it signs the member in, over or out, and the widgets hear it', async () => {
    const server = new FakeServer();
    const first = memberToken(ada, 3600);
    const { script, adapter, viewers } = setUp(server, { token: first });
    expect((await adapter.getViewer())?.name).to.equal('Ada');
    expect(sent(server)).to.deep.equal([`Bearer ${first}`]);

    const next = memberToken(sam, 3600);
    script.dataset.token = next;
    await until(() => viewers.length === 1, 'the new viewer');
    expect(viewers[0]?.name).to.equal('Sam');
    expect(sent(server).at(-1)).to.equal(`Bearer ${next}`);

    delete script.dataset.token;
    await until(() => viewers.length === 2, 'the member signed out');
    expect(viewers[1]).to.equal(null);
    expect(sent(server), 'an anonymous visitor is known without asking').to.deep.equal([`Bearer ${first}`, `Bearer ${next}`]);
  });

  it('renews a token about to expire from data-token-url, with the visitor’s cookies, once for requests at the same time', async () => {
    const server = new FakeServer();
    const fresh = memberToken(ada, 3600);
    server.tokenAnswer = () => new Response(JSON.stringify({ token: fresh }), { headers: { 'Content-Type': 'application/json' } });
    const { script, adapter, viewers } = setUp(server, { token: memberToken(ada, 10), tokenUrl: TOKEN_URL });
    const [one, two] = await Promise.all([adapter.getViewer(), adapter.listComments({ thread: 'post-1' }).catch(() => null), adapter.getViewer()]);
    expect(one?.name).to.equal('Ada');
    expect(two).to.equal(null, 'the fake server has no comments; only its token matters here');
    expect(asked(server)).to.have.length(1);
    expect(asked(server)[0]?.credentials).to.equal('include');
    expect(server.requests.filter((request) => request.path !== '/plein-token').every((request) => request.headers.get('Authorization') === `Bearer ${fresh}`)).to.equal(true);
    expect(script.dataset.token, 'kept on the tag, for the page and the next request').to.equal(fresh);
    await adapter.getViewer();
    expect(asked(server), 'a fresh token is not renewed again').to.have.length(1);
    expect(viewers, 'the same member all along').to.deep.equal([]);
  });

  it('takes a token URL answering 401 for a member who signed out meanwhile: the visitor is anonymous from then on', async () => {
    const server = new FakeServer();
    server.tokenAnswer = () => new Response(null, { status: 401 });
    const { script, adapter } = setUp(server, { token: memberToken(ada, 5), tokenUrl: TOKEN_URL });
    expect(await adapter.getViewer()).to.equal(null);
    expect(script.dataset.token).to.equal(undefined);
    expect(sent(server), 'an anonymous visitor is known without asking').to.deep.equal([]);
  });

  it('costs a visitor without a token no request to the site’s token URL', async () => {
    const server = new FakeServer();
    const { adapter } = setUp(server, { tokenUrl: TOKEN_URL });
    expect(await adapter.getViewer()).to.equal(null);
    expect(asked(server)).to.have.length(0);
  });
});
