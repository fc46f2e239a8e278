import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { errorOf, personas, startHarness, threadPath, type Harness } from './harness.js';

describe('writes: JSON and an Authorization header, or nothing happens', () => {
  let h: Harness;
  let token: string;
  const comments = threadPath('csrf') + '/comments';
  const count = async () => ((await h.json<{ items: unknown[] }>('GET', comments)).items.length);

  before(async () => {
    h = await startHarness();
    token = await h.token(personas.member);
  });
  after(() => h.close());

  it('refuses a text/plain post (what a cross-site form or fetch without preflight sends) with 415', async () => {
    const response = await h.app.request(comments, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ body: 'Sneaky' }),
    });
    assert.equal((await errorOf(response, 415)).code, 'invalid');
    assert.equal(await count(), 0);
  });

  it('refuses urlencoded and multipart form posts with 415', async () => {
    const urlencoded = await h.app.request(comments, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: `Bearer ${token}` },
      body: 'body=Sneaky',
    });
    await errorOf(urlencoded, 415);
    const form = new FormData();
    form.set('body', 'Sneaky');
    await errorOf(h.app.request(comments, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form }), 415);
    assert.equal(await count(), 0);
  });

  it('refuses a JSON write without an Authorization header as unauthorized', async () => {
    const response = await h.app.request(comments, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ body: 'Hi' }) });
    assert.equal((await errorOf(response, 401)).code, 'unauthorized');
  });

  it('refuses a body over the size limit with 413, and malformed JSON with 400', async () => {
    const big = await h.app.request(comments, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ body: 'x'.repeat(70 * 1024) }),
    });
    assert.equal((await errorOf(big, 413)).code, 'invalid');
    const broken = await h.app.request(comments, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: '{"body": "unfinished',
    });
    assert.equal((await errorOf(broken, 400)).code, 'invalid');
  });

  it('takes the same write as JSON with a token', async () => {
    const response = await h.app.request(comments, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ body: 'Welcome' }),
    });
    assert.equal(response.status, 201);
    assert.equal(await count(), 1);
  });
});
