import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { openStore } from '../../../../src/server/store/index.js';
import { spawnChild } from './run-child.js';
import { sqliteTarget } from './targets.js';

describe('durability (SQLite)', () => {
  it('keeps every acknowledged write when the writing process is killed with SIGKILL mid-stream', async () => {
    const db = await sqliteTarget.fresh();
    try {
      const child = spawnChild(['comments', db.url]);
      const acknowledged: string[] = [];
      let ready = false;
      const lines = createInterface({ input: child.stdout! });
      const killed = new Promise<void>((resolve) => {
        lines.on('line', (line) => {
          if (line === 'ready') {
            ready = true;
            return;
          }
          acknowledged.push(line);
          if (acknowledged.length === 300) {
            child.kill('SIGKILL');
            resolve();
          }
        });
      });
      const exited = once(child, 'close');
      await killed;
      const [code, signal] = (await exited) as [number | null, string | null];
      assert.equal(ready, true);
      assert.equal(signal, 'SIGKILL', `the writer was killed, not finished (exit code ${code})`);
      assert.ok(acknowledged.length >= 300);

      const file = db.url.slice('sqlite:'.length);
      const raw = new Database(file);
      assert.equal(raw.pragma('integrity_check', { simple: true }), 'ok');
      raw.close();
      const store = await openStore(db.url);
      try {
        const stored = new Set((await store.listThreadComments('blog', 'durable')).map((row) => row.id));
        const lost = acknowledged.filter((id) => !stored.has(id));
        assert.deepEqual(lost, [], `${lost.length} acknowledged comments lost`);
        // Writers 2 and 4 wrote each comment with its event in one transaction.
        const events = new Set((await store.eventsSince('blog', ['thread:durable'], 0, 100_000)).map((event) => event.payload));
        const inTransactions = acknowledged.filter((id) => /^w[24]-/.test(id));
        assert.ok(inTransactions.length > 0);
        assert.deepEqual(inTransactions.filter((id) => !events.has(id)), []);
      } finally {
        await store.close();
      }
    } finally {
      await db.dispose();
    }
  });
});
