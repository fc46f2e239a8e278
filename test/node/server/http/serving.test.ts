import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, it } from 'node:test';
import { demoSite } from '../../../../src/server/demo.js';
import { api, startHarness, type Harness } from './harness.js';

describe('serving: headers, health, demo pages and the CDN build', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('puts nosniff, Referrer-Policy and a no-content CSP on API answers, errors included', async () => {
    h = await startHarness();
    for (const response of [await h.call('GET', api('/viewer')), await h.call('GET', '/v1/sites/nope/viewer'), await h.call('GET', '/v1/openapi.json')]) {
      assert.equal(response.headers.get('X-Content-Type-Options'), 'nosniff');
      assert.equal(response.headers.get('Referrer-Policy'), 'strict-origin-when-cross-origin');
      assert.equal(response.headers.get('Content-Security-Policy'), "default-src 'none'; frame-ancestors 'none'");
      assert.ok(response.headers.get('X-Request-Id'));
    }
  });

  it('serves the demo pages with a strict CSP and the CDN build with CORS for other sites', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plein-serving-'));
    await mkdir(join(dir, 'site'));
    await mkdir(join(dir, 'cdn'));
    await writeFile(join(dir, 'site', 'index.html'), '<!doctype html><title>Demo</title>');
    await writeFile(join(dir, 'cdn', 'plein.js'), 'export {};');
    h = await startHarness({ config: { demoDir: join(dir, 'site'), cdnDir: join(dir, 'cdn') } });
    try {
      const page = await h.call('GET', '/');
      assert.equal(page.status, 200);
      assert.match(page.headers.get('Content-Type') ?? '', /text\/html/);
      const csp = page.headers.get('Content-Security-Policy') ?? '';
      assert.match(csp, /default-src 'self'/);
      assert.match(csp, /script-src 'self'(;|$)/);
      assert.doesNotMatch(csp, /unsafe-eval|script-src[^;]*unsafe-inline|\*/);
      assert.equal(page.headers.get('X-Content-Type-Options'), 'nosniff');
      const script = await h.call('GET', '/plein/plein.js');
      assert.equal(script.status, 200);
      assert.match(script.headers.get('Content-Type') ?? '', /javascript/);
      assert.equal(script.headers.get('Access-Control-Allow-Origin'), '*');
      assert.equal((await h.call('GET', '/plein/../site/index.html')).status, 404);
      assert.equal((await h.call('GET', '/no-such-page.html')).status, 404);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('serves the CDN build precompressed, with hashed chunks cached for good and the loader for minutes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plein-serving-'));
    await mkdir(join(dir, 'chunks'), { recursive: true });
    const loader = 'export const loader = "' + 'plein '.repeat(200) + '";';
    await writeFile(join(dir, 'plein.js'), loader);
    await writeFile(join(dir, 'plein.js.br'), brotliCompressSync(loader));
    await writeFile(join(dir, 'plein.js.gz'), gzipSync(loader));
    await writeFile(join(dir, 'chunks', 'comments-AbC123.js'), 'export {};');
    h = await startHarness({ config: { cdnDir: dir } });
    try {
      const brotli = await h.call('GET', '/plein/plein.js', { headers: { 'Accept-Encoding': 'gzip, deflate, br, zstd' } });
      assert.equal(brotli.headers.get('Content-Encoding'), 'br');
      assert.equal(brotliDecompressSync(Buffer.from(await brotli.arrayBuffer())).toString(), loader);
      assert.match(brotli.headers.get('Content-Type') ?? '', /javascript/);
      assert.equal(brotli.headers.get('Vary'), 'Accept-Encoding');
      assert.equal(brotli.headers.get('Cache-Control'), 'public, max-age=300');

      const gzip = await h.call('GET', '/plein/plein.js', { headers: { 'Accept-Encoding': 'gzip' } });
      assert.equal(gzip.headers.get('Content-Encoding'), 'gzip');
      assert.equal(gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString(), loader);

      const plain = await h.call('GET', '/plein/plein.js');
      assert.equal(plain.headers.get('Content-Encoding'), null);
      assert.equal(await plain.text(), loader);
      assert.equal(plain.headers.get('Vary'), 'Accept-Encoding', 'a cache must not hand the plain copy to a browser that takes Brotli');

      const chunk = await h.call('GET', '/plein/chunks/comments-AbC123.js', { headers: { 'Accept-Encoding': 'br' } });
      assert.equal(chunk.status, 200);
      assert.equal(chunk.headers.get('Content-Encoding'), null, 'no compressed copy: sent as it is');
      assert.equal(chunk.headers.get('Cache-Control'), 'public, max-age=31536000, immutable');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('signs the demo people in at /demo/token in demo mode only, with tokens the server takes as theirs', async () => {
    h = await startHarness({ config: { demoSignIn: true } });
    await h.store.putSite(demoSite(['http://localhost:8787'], Date.now()));
    const answer = await h.call('GET', '/demo/token?as=demo-noor');
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get('Cache-Control'), 'no-store');
    const token = await answer.text();
    const { viewer } = await h.json<{ viewer: unknown }>('GET', '/v1/sites/demo/viewer', { as: token });
    assert.deepEqual(viewer, { id: 'demo-noor', name: 'Noor Haddad', avatarUrl: null, roles: ['member', 'moderator'] });
    assert.equal((await h.call('GET', '/demo/token?as=someone-else')).status, 404);
    assert.equal((await h.call('GET', `/v1/sites/${h.site.id}/viewer`, { as: token })).status, 401, 'a demo token is for the demo site only');
    await h.close();

    h = await startHarness();
    await h.store.putSite(demoSite(['http://localhost:8787'], Date.now()));
    assert.equal((await h.call('GET', '/demo/token?as=demo-noor')).status, 404, 'not outside demo mode');
  });

  it('answers /healthz with ok, and 503 once the server drains', async () => {
    h = await startHarness();
    const ok = await h.call('GET', '/healthz');
    assert.equal(ok.status, 200);
    assert.deepEqual(await ok.json(), { status: 'ok', store: 'sqlite', streams: 0 });
    h.app.plein.drain();
    const draining = await h.call('GET', '/healthz');
    assert.equal(draining.status, 503);
    assert.equal(draining.headers.get('Retry-After'), '1');
  });
});

describe('the site description', () => {
  it('describes the site and the capabilities the server implements for it', async () => {
    const h = await startHarness({ site: { premoderation: true } });
    try {
      const site = await h.json<Record<string, unknown>>('GET', api(''));
      assert.deepEqual(site, {
        id: h.site.id,
        name: h.site.name,
        guests: true,
        premoderation: true,
        maxLinks: 5,
        capabilities: ['session', 'guests', 'comments', 'reactions', 'reports', 'moderation', 'realtime'],
      });
      assert.equal(JSON.stringify(site).includes(h.site.secret), false);
    } finally {
      await h.close();
    }
  });
});
