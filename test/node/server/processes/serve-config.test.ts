/**
 * Settings of the config file that only a running `plein serve` shows: the command builds the
 * realtime hub and the app from them, and a setting it drops is ignored without a word.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addSite, memberToken, SITE, startServerProcess, type ServerProcess } from './server-process.js';

const dir = mkdtempSync(join(tmpdir(), 'plein-serve-config-'));
const running: ServerProcess[] = [];
after(async () => {
  await Promise.all(running.map((server) => server.stop('SIGKILL')));
  rmSync(dir, { recursive: true, force: true });
});

/** The ids a stream resumed from the journal's start replays, and whether it then says `event: reset`. */
async function replayFromStart(server: ServerProcess, thread: string): Promise<{ ids: string[]; reset: boolean }> {
  const controller = new AbortController();
  const response = await fetch(`${server.url}/v1/sites/${SITE}/events?topics=thread:${thread}`, {
    headers: { Accept: 'text/event-stream', Authorization: 'Anonymous', 'Last-Event-ID': '0' },
    signal: controller.signal,
  });
  assert.equal(response.status, 200);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  // The replay comes at once; the heartbeat (15 s) comes much later.
  const deadline = setTimeout(() => controller.abort(), 1500);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    // Aborted at the deadline.
  } finally {
    clearTimeout(deadline);
  }
  const messages = text.split('\n\n');
  const reset = messages.findIndex((message) => message.startsWith('event: reset'));
  const replayed = reset === -1 ? messages : messages.slice(0, reset);
  return { ids: replayed.flatMap((message) => /^id: (\d+)$/m.exec(message)?.[1] ?? []), reset: reset !== -1 };
}

describe('plein serve with a config file', { timeout: 60_000 }, () => {
  it('replays at most streams.replayLimit events to a stream that resumes, then tells it to reload', async () => {
    const db = `sqlite:${join(dir, 'replay.sqlite')}`;
    addSite(db);
    const server = await startServerProcess(db, { streams: { replayLimit: 3 } });
    running.push(server);
    const token = await memberToken({ id: 'writer', name: 'Writer' });
    for (let i = 0; i < 5; i++) {
      const posted = await fetch(`${server.url}/v1/sites/${SITE}/threads/replayed/comments`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ body: `comment ${i}` }),
      });
      assert.equal(posted.status, 201);
    }
    const { ids, reset } = await replayFromStart(server, 'replayed');
    assert.deepEqual([ids.length, reset], [3, true], `replayed ${ids.join(', ')}`);
  });
});
