import assert from 'node:assert/strict';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { getRequestListener } from '@hono/node-server';
import { startServer, type RunningServer } from '../../../../src/server/listen.js';
import { ORIGIN, api, personas, startHarness, threadPath, type Harness } from './harness.js';

interface Raw {
  status: number;
  /** Name/value pairs as sent, without the two that differ per request (Date, X-Request-Id). */
  headers: [string, string][];
  body: Buffer;
  requestId: string | undefined;
}

function get(origin: string, path: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(`${origin}${path}`, { headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const pairs: [string, string][] = [];
        for (let i = 0; i < response.rawHeaders.length; i += 2) pairs.push([response.rawHeaders[i]!, response.rawHeaders[i + 1]!]);
        resolve({
          status: response.statusCode ?? 0,
          headers: pairs.filter(([name]) => !/^(date|x-request-id)$/i.test(name)),
          body: Buffer.concat(chunks),
          requestId: (response.headers as IncomingHttpHeaders)['x-request-id'] as string | undefined,
        });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

function decoded(raw: Raw): string {
  const coding = raw.headers.find(([name]) => name.toLowerCase() === 'content-encoding')?.[1];
  if (coding === 'br') return brotliDecompressSync(raw.body).toString();
  if (coding === 'gzip') return gunzipSync(raw.body).toString();
  return raw.body.toString();
}

const header = (raw: Raw, name: string) => raw.headers.find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];

// The same app served twice: as `plein serve` does (fast path in front of Hono), and by Hono alone.
// Both share the caches, so each request can be compared byte for byte with Hono's own answer.
describe('The fast read path', () => {
  let h: Harness;
  let running: RunningServer;
  let honoOnly: Server;
  let fast: string;
  let hono: string;
  let fastAnswers = 0;
  const logs: Record<string, unknown>[] = [];
  const list = threadPath('fast') + '/comments?withReplies=true&limit=20';

  before(async () => {
    h = await startHarness({ config: { siteCacheMs: 60_000, log: (entry) => logs.push(entry) } });
    const reads = h.app.plein.fastReads;
    const serve = reads.serve.bind(reads);
    reads.serve = (req, res) => {
      const answered = serve(req, res);
      if (answered) fastAnswers += 1;
      return answered;
    };
    running = await startServer(h.app, { port: 0, hostname: '127.0.0.1' });
    fast = running.url.replace(/\/$/, '');
    honoOnly = createServer(getRequestListener(h.app.fetch));
    await new Promise<void>((resolve) => honoOnly.listen(0, '127.0.0.1', resolve));
    hono = `http://127.0.0.1:${(honoOnly.address() as AddressInfo).port}`;
    for (let i = 0; i < 12; i += 1) {
      await h.json('POST', threadPath('fast') + '/comments', { as: i % 2 ? personas.member : personas.otherMember, body: { body: `Comment ${i}: long enough that the page is worth compressing.` } });
    }
  });
  after(async () => {
    await new Promise((resolve) => honoOnly.close(resolve));
    await running.close();
    await h.close();
  });

  /** The fast server's answer, checked to come from the fast path and to equal Hono's for the same request. */
  async function fastAndSame(path: string, headers: Record<string, string> = {}): Promise<Raw> {
    await get(fast, path, headers); // Hono answers first and keeps the answer, or the fast path does already.
    const before = fastAnswers;
    const quick = await get(fast, path, headers);
    assert.equal(fastAnswers, before + 1, 'the fast path answered');
    const slow = await get(hono, path, headers);
    assert.equal(fastAnswers, before + 1, 'the Hono-only server did not use the fast path');
    assert.equal(quick.status, slow.status);
    assert.deepEqual(quick.headers, slow.headers);
    assert.ok(quick.body.equals(slow.body), 'the same bytes');
    return quick;
  }

  it('answers a kept page exactly as Hono does, plain, gzip and Brotli, with Vary: Accept-Encoding', async () => {
    const plain = await fastAndSame(list);
    assert.equal(header(plain, 'Content-Encoding'), undefined);
    assert.equal(header(plain, 'Vary'), 'Origin, Authorization, Accept-Encoding');
    assert.equal(header(plain, 'Content-Security-Policy'), "default-src 'none'; frame-ancestors 'none'");
    assert.equal(header(plain, 'X-Content-Type-Options'), 'nosniff');
    assert.equal(header(plain, 'Cache-Control'), 'private, no-cache');
    assert.match(header(plain, 'X-Plein-Event-Id') ?? '', /^\d+$/);
    const gzip = await fastAndSame(list, { 'Accept-Encoding': 'gzip, deflate' });
    assert.equal(header(gzip, 'Content-Encoding'), 'gzip');
    const br = await fastAndSame(list, { 'Accept-Encoding': 'gzip, deflate, br' });
    assert.equal(header(br, 'Content-Encoding'), 'br');
    assert.ok(br.body.length < plain.body.length / 3, `compressed to ${br.body.length} of ${plain.body.length} bytes`);
    assert.equal(decoded(gzip), plain.body.toString());
    assert.equal(decoded(br), plain.body.toString());
    assert.equal(header(br, 'ETag'), header(plain, 'ETag'), 'one weak ETag for every coding');
    const refused = await fastAndSame(list, { 'Accept-Encoding': 'br;q=0, gzip;q=0.5' });
    assert.equal(header(refused, 'Content-Encoding'), 'gzip');
  });

  it('answers If-None-Match with the same 304 as Hono, CORS headers included, and foreign origins get none', async () => {
    const tag = header(await fastAndSame(list), 'ETag')!;
    const allowed = await fastAndSame(list, { 'If-None-Match': tag, Origin: ORIGIN, 'Accept-Encoding': 'br' });
    assert.equal(allowed.status, 304);
    assert.equal(allowed.body.length, 0);
    assert.equal(header(allowed, 'Access-Control-Allow-Origin'), ORIGIN);
    assert.equal(header(allowed, 'Content-Encoding'), undefined);
    const foreign = await fastAndSame(list, { Origin: 'https://elsewhere.example' });
    assert.equal(foreign.status, 200);
    assert.equal(header(foreign, 'Access-Control-Allow-Origin'), undefined);
    const stale = await fastAndSame(list, { 'If-None-Match': 'W/"something-else"' });
    assert.equal(stale.status, 200);
  });

  it('serves the thread summary too, and a signed-in member who sees the public page gets its bytes once their token is verified', async () => {
    await fastAndSame(threadPath('fast'));
    const token = await h.token({ id: 'reader', name: 'Reader', avatarUrl: null, roles: ['member'] });
    const member = await fastAndSame(list, { Authorization: `Bearer ${token}` });
    const anonymous = await get(fast, list);
    assert.ok(member.body.equals(anonymous.body));
  });

  it('never shares a viewer’s own view: who reacted sees `mine`, the pending comment’s author sees it, others do not', async () => {
    const page = JSON.parse((await get(fast, list)).body.toString()) as { items: { id: string }[] };
    await h.json('POST', api(`/comments/${page.items[0]!.id}/reactions`), { as: personas.member, body: { key: '👍', on: true } });
    const reactor = { Authorization: `Bearer ${await h.token(personas.member)}` };
    const bystander = { Authorization: `Bearer ${await h.token(personas.otherMember)}` };
    const mine = (raw: Raw) => (JSON.parse(decoded(raw)) as { items: { reactions: { mine: boolean }[] }[] }).items[0]!.reactions[0]!.mine;
    assert.equal(mine(await fastAndSame(list, reactor)), true);
    assert.equal(mine(await fastAndSame(list, bystander)), false);
    assert.equal(mine(await fastAndSame(list)), false);
    assert.equal(mine(await get(fast, list, reactor)), true);

    await h.thread({ id: 'fast-held', premoderated: true });
    const held = threadPath('fast-held') + '/comments';
    await h.json('POST', held, { as: personas.member, body: { body: 'Waiting for a moderator' } });
    const items = (raw: Raw) => (JSON.parse(decoded(raw)) as { items: unknown[] }).items.length;
    assert.equal(items(await fastAndSame(held)), 0);
    assert.equal(items(await fastAndSame(held, bystander)), 0);
    assert.equal(items(await fastAndSame(held, reactor)), 1);
    assert.equal(items(await fastAndSame(held, { Authorization: `Bearer ${await h.token(personas.moderator)}` })), 1);
  });

  it('hands to Hono what it cannot answer alone: a changed thread, an unknown or expired token, a HEAD', async () => {
    const old = await fastAndSame(list);
    let before = fastAnswers;
    const head = await new Promise<number>((resolve, reject) => {
      const req = request(`${fast}${list}`, { method: 'HEAD', agent: false }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    assert.equal(head, 200);
    assert.equal(fastAnswers, before, 'HEAD is left to Hono');

    await h.json('POST', threadPath('fast') + '/comments', { as: personas.otherMember, body: { body: 'A newer comment' } });
    before = fastAnswers;
    const fresh = await get(fast, list);
    assert.equal(fastAnswers, before, 'the thread changed: Hono answers from the new state');
    assert.notEqual(header(fresh, 'ETag'), header(old, 'ETag'));
    assert.match(fresh.body.toString(), /A newer comment/);

    before = fastAnswers;
    const unknown = await get(fast, list, { Authorization: 'Bearer not.a.token' });
    assert.equal(unknown.status, 401);
    assert.equal((await get(fast, list, { Authorization: 'Basic abc' })).status, 401);
    assert.equal(fastAnswers, before);

    const token = await h.token({ id: 'short', name: 'Short', avatarUrl: null, roles: ['member'] }, { exp: Math.floor(h.clock.now / 1000) + 30 });
    await fastAndSame(list, { Authorization: `Bearer ${token}` });
    h.clock.advance(10 * 60_000);
    before = fastAnswers;
    assert.equal((await get(fast, list, { Authorization: `Bearer ${token}` })).status, 401, 'an expired token is refused, not recalled');
    assert.equal(fastAnswers, before);
  });

  it('logs one line per request of the same shape as Hono’s, with its request id', async () => {
    await get(fast, list);
    logs.length = 0;
    const before = fastAnswers;
    const quick = await get(fast, list);
    assert.equal(fastAnswers, before + 1);
    const slow = await get(hono, list);
    assert.equal(logs.length, 2);
    const [fastLine, honoLine] = logs as { id: string; ms: number }[];
    assert.equal(fastLine!.id, quick.requestId);
    assert.equal(honoLine!.id, slow.requestId);
    assert.notEqual(fastLine!.id, honoLine!.id);
    const shape = (line: Record<string, unknown>) => ({ ...line, id: typeof line['id'], ms: typeof line['ms'] });
    assert.deepEqual(shape(fastLine!), shape(honoLine!));
    assert.deepEqual(Object.keys(fastLine!), Object.keys(honoLine!));
    assert.equal((fastLine as unknown as { path: string }).path, threadPath('fast') + '/comments');
  });
});
