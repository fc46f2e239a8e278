import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { startServer } from '../../../../src/server/listen.js';
import { api, personas, startHarness, threadPath } from './harness.js';
import { SseReader } from './sse.js';

describe('graceful shutdown', () => {
  it('ends event streams with a retry hint, finishes the request in flight, then accepts no connection', async () => {
    const h = await startHarness({ config: { streams: { shutdownRetryMs: 750 } } });
    const running = await startServer(h.app, { port: 0, hostname: '127.0.0.1' });
    try {
      const url = running.url.replace(/\/$/, '');
      const reader = new SseReader(await fetch(`${url}${api('/events?topics=thread:bye')}`));
      await reader.find((message) => message.retry !== undefined, 2000, 'the opening retry');

      // A post whose body is still arriving when shutdown starts.
      const token = await h.token(personas.member);
      const body = JSON.stringify({ body: 'Sent just before the end' });
      const inFlight = new Promise<number>((resolve, reject) => {
        const req = request(`${url}${threadPath('bye')}/comments`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), Authorization: `Bearer ${token}` },
        });
        req.on('response', (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        });
        req.on('error', reject);
        req.write(body.slice(0, 10));
        setTimeout(() => req.end(body.slice(10)), 300);
      });
      await new Promise((resolve) => setTimeout(resolve, 100));

      const closed = running.close(5000);
      await reader.untilEnd(2000);
      assert.equal(reader.messages.at(-1)?.retry, '750', 'the last thing a stream hears is when to come back');
      assert.equal(await inFlight, 201, 'the request in flight was finished');
      await closed;
      assert.equal((await h.store.listThreadComments(h.site.id, 'bye')).length, 1);
      await assert.rejects(fetch(`${url}/healthz`), 'no new connection after shutdown');
    } finally {
      await running.close();
      await h.close();
    }
  });

  it('the server process stops on SIGTERM: streams told to retry, exit code 0, a JSON log line per request', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plein-sigterm-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/serve.ts', '--port', '0', '--host', '127.0.0.1', '--db', `sqlite:${join(dir, 'plein.sqlite')}`, '--demo'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed: ${stderr}`)), 20_000);
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          const match = /Plein server: (http:\/\/\S+)/.exec(stderr);
          if (match) {
            clearTimeout(timer);
            resolve(match[1]!.replace(/\/$/, ''));
          }
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code}: ${stderr}`)));
      });
      const page = (await (await fetch(`${url}/v1/sites/demo/threads/welcome/comments`)).json()) as { items: unknown[] };
      assert.ok(page.items.length > 0, 'the first run made the demo site and content');
      const reader = new SseReader(await fetch(`${url}/v1/sites/demo/events?topics=thread:welcome`));
      await reader.find((message) => message.retry !== undefined, 2000, 'the opening retry');
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      await reader.untilEnd(5000);
      assert.match(reader.messages.at(-1)?.retry ?? '', /^\d+$/);
      assert.equal(await exited, 0);
      const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
      const requests = lines.filter((line) => line['msg'] === 'request');
      assert.ok(requests.some((line) => line['path'] === '/v1/sites/demo/threads/welcome/comments' && line['status'] === 200 && typeof line['ms'] === 'number'));
      assert.ok(lines.some((line) => line['msg'] === 'stopped'));
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true });
    }
  });
});
