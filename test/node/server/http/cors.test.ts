import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ORIGIN, api, errorOf, personas, startHarness, threadPath, type Harness } from './harness.js';

describe('CORS: exact origins per site', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  const read = (origin: string) => h.app.request(api('/viewer'), { headers: { Origin: origin } });

  it('answers an allowed origin with its own origin, never *', async () => {
    const response = await read(ORIGIN);
    assert.equal(response.headers.get('Access-Control-Allow-Origin'), ORIGIN);
    assert.match(response.headers.get('Access-Control-Expose-Headers') ?? '', /Retry-After/);
    assert.match(response.headers.get('Vary') ?? '', /Origin/);
  });

  it('gives no CORS headers to look-alike origins: other scheme, port, subdomain or suffix', async () => {
    for (const origin of ['http://blog.example', 'https://blog.example:8443', 'https://www.blog.example', 'https://blog.example.evil.test', 'https://evilblog.example', 'null']) {
      const response = await read(origin);
      assert.equal(response.headers.get('Access-Control-Allow-Origin'), null, origin);
    }
  });

  it('answers the preflight of an allowed origin and refuses another’s', async () => {
    const preflight = (origin: string) =>
      h.app.request(threadPath('cors') + '/comments', {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization, content-type' },
      });
    const allowed = await preflight(ORIGIN);
    assert.equal(allowed.status, 204);
    assert.equal(allowed.headers.get('Access-Control-Allow-Origin'), ORIGIN);
    assert.match(allowed.headers.get('Access-Control-Allow-Methods') ?? '', /POST/);
    assert.match(allowed.headers.get('Access-Control-Allow-Headers') ?? '', /Authorization/);
    const refused = await preflight('https://evil.test');
    assert.equal(refused.status, 403);
    assert.equal(refused.headers.get('Access-Control-Allow-Origin'), null);
  });

  it('refuses a write from a foreign origin even when it carries a valid token', async () => {
    const error = await errorOf(h.call('POST', threadPath('cors') + '/comments', { as: personas.member, body: { body: 'Hi' }, headers: { Origin: 'https://evil.test' } }), 403);
    assert.equal(error.code, 'forbidden');
    assert.equal((await h.json<{ items: unknown[] }>('GET', threadPath('cors') + '/comments')).items.length, 0);
  });

  it('puts the CORS headers on error answers too, so the widget can read the error', async () => {
    const response = await h.call('POST', threadPath('cors') + '/comments', { as: personas.member, body: { body: '' }, headers: { Origin: ORIGIN } });
    assert.equal(response.status, 400);
    assert.equal(response.headers.get('Access-Control-Allow-Origin'), ORIGIN);
  });

  it('keeps each site’s origins to itself', async () => {
    const response = await h.app.request('/v1/sites/unknown-site/viewer', { headers: { Origin: ORIGIN } });
    assert.equal((await errorOf(response, 404)).code, 'not-found');
    assert.equal(response.headers.get('Access-Control-Allow-Origin'), null);
  });
});
