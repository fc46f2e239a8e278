import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHttpAdapter } from '../../../../src/adapters/http/index.js';
import { topics, type Comment, type RealtimeEvent } from '../../../../src/adapters/contract.js';
import { addSite, memberToken, SITE, startServerProcess, type ServerProcess } from './server-process.js';

const POSTGRES_URL = process.env['PLEIN_TEST_POSTGRES_URL'];
const running: ServerProcess[] = [];
after(async () => {
  await Promise.all(running.map((server) => server.stop('SIGKILL')));
});

async function start(db: string): Promise<ServerProcess> {
  const server = await startServerProcess(db);
  running.push(server);
  return server;
}

async function adapterOn(server: ServerProcess, id: string) {
  return createHttpAdapter({ endpoint: server.url, site: SITE, token: await memberToken({ id, name: id }), guestStorage: null });
}

describe('server processes', { timeout: 120_000 }, () => {
  it('delivers a comment posted on one instance to a reader connected to another (PostgreSQL)', { skip: !POSTGRES_URL && 'PLEIN_TEST_POSTGRES_URL is not set' }, async () => {
    const db = `${POSTGRES_URL}?schema=proc_${Date.now().toString(36)}`;
    addSite(db);
    const [a, b] = await Promise.all([start(db), start(db)]);
    const writer = await adapterOn(a, 'writer');
    const reader = await adapterOn(b, 'reader');
    try {
      // The read fixes the reader's position in the event journal, so the stream starts from it.
      await reader.listComments!({ thread: 'across', withReplies: true });
      const arrived = new Promise<Comment>((resolve) => {
        reader.subscribe!(topics.thread('across'), (event: RealtimeEvent) => {
          if (event.type === 'comment-added') resolve(event.comment);
        });
      });
      const posted = await writer.postComment!({ thread: 'across', body: 'Posted on instance A' });
      const received = await Promise.race([arrived, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no event on instance B within 10 s')), 10_000))]);
      assert.equal(received.id, posted.id);
      assert.equal(received.body, 'Posted on instance A');
    } finally {
      await writer.dispose?.();
      await reader.dispose?.();
    }
  });

  it('loses no acknowledged comment when the server is killed with SIGKILL mid-stream (SQLite)', async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'plein-kill-'));
    const db = `sqlite:${join(dir, 'plein.sqlite')}`;
    try {
      addSite(db);
      const first = await start(db);
      const acknowledged: string[] = [];
      const posters = await Promise.all([0, 1, 2, 3].map((n) => adapterOn(first, `poster-${n}`)));
      const killAt = Date.now() + 1500;
      const killer = new Promise<void>((resolve) => setTimeout(() => void first.stop('SIGKILL').then(resolve), killAt - Date.now()));
      await Promise.all(
        posters.map(async (adapter, n) => {
          for (let i = 0; Date.now() < killAt + 500; i++) {
            try {
              const comment = await adapter.postComment!({ thread: 'durable', body: `poster ${n} comment ${i}` });
              acknowledged.push(comment.id);
            } catch {
              break; // the server is gone: what it had not acknowledged may be lost
            }
          }
        }),
      );
      await killer;
      await Promise.all(posters.map((adapter) => adapter.dispose?.()));
      assert.ok(acknowledged.length > 20, `a real stream of posts was acknowledged (${acknowledged.length})`);

      const second = await start(db);
      const reader = await adapterOn(second, 'auditor');
      const stored = new Set<string>();
      let cursor: string | null = null;
      do {
        const page = await reader.listComments!({ thread: 'durable', sort: 'oldest', limit: 100, cursor });
        page.items.forEach((comment) => stored.add(comment.id));
        cursor = page.cursor;
      } while (cursor);
      await reader.dispose?.();
      const lost = acknowledged.filter((id) => !stored.has(id));
      assert.deepEqual(lost, [], `${lost.length} of ${acknowledged.length} acknowledged comments were lost`);
      t.diagnostic(`${acknowledged.length} acknowledged before SIGKILL, all ${acknowledged.length} present after restart`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
