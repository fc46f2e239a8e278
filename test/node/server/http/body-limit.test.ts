import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { startServer, type RunningServer } from '../../../../src/server/listen.js';
import { personas, startHarness, threadPath, type Harness } from './harness.js';

/** A raw POST over a real socket: declared length (`Content-Length`) or chunked. */
function post(url: string, token: string, body: string, chunked: boolean): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` };
    if (!chunked) headers['Content-Length'] = Buffer.byteLength(body);
    const req = request(url, { method: 'POST', headers, agent: false }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    if (chunked) {
      // Two writes before the end: node:http sends them chunked.
      req.write(body.slice(0, 10));
      req.end(body.slice(10));
    } else req.end(body);
  });
}

describe('request body limit over HTTP', () => {
  let h: Harness;
  let running: RunningServer;
  let url: string;
  let token: string;
  before(async () => {
    h = await startHarness({ config: { bodyLimitBytes: 1024 } });
    running = await startServer(h.app, { port: 0, hostname: '127.0.0.1' });
    url = `${running.url.replace(/\/$/, '')}${threadPath('limits')}/comments`;
    token = await h.token(personas.member);
  });
  after(async () => {
    await running.close();
    await h.close();
  });

  const over = JSON.stringify({ body: 'x'.repeat(2000) });
  const fine = JSON.stringify({ body: 'Within the limit' });

  it('refuses a declared length over the limit with 413, and a chunked body that grows over it', async () => {
    for (const chunked of [false, true]) {
      const answer = await post(url, token, over, chunked);
      assert.equal(answer.status, 413, `chunked: ${chunked}`);
      assert.equal((JSON.parse(answer.text) as { error: { code: string } }).error.code, 'invalid');
    }
    assert.equal((await h.store.listThreadComments(h.site.id, 'limits')).length, 0);
  });

  it('takes bodies within the limit either way, and answers malformed JSON with 400', async () => {
    assert.equal((await post(url, token, fine, false)).status, 201);
    assert.equal((await post(url, token, fine, true)).status, 201);
    assert.equal((await post(url, token, '{"body": "unfinished', false)).status, 400);
    assert.equal((await h.store.listThreadComments(h.site.id, 'limits')).length, 2);
  });
});
