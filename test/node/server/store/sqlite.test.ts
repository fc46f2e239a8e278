import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore } from '../../../../src/server/store/index.js';
import { MIGRATIONS } from '../../../../src/server/store/migrations/index.js';
import { runStoreSuite } from './suite.js';
import { sqliteTarget } from './targets.js';

runStoreSuite('SQLite', () => sqliteTarget.fresh());

describe('SQLite specifics', () => {
  it('creates the file and its folder on first open, in WAL mode, and reopens it by path or sqlite:// URL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plein-open-'));
    try {
      const file = join(dir, 'nested', 'data', 'plein.db');
      const store = await openStore(`sqlite:${file}`);
      await store.migrate();
      await store.close();
      const raw = new Database(file);
      assert.equal(raw.pragma('journal_mode', { simple: true }), 'wal');
      raw.close();
      for (const url of [file, `sqlite://${file}`]) {
        const again = await openStore(url);
        assert.equal(await again.migrate(), MIGRATIONS.length);
        await again.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps timers and I/O running while transactions follow one another without waiting for I/O', async () => {
    const db = await sqliteTarget.fresh();
    try {
      const store = await db.open();
      await store.migrate();
      let ticks = 0;
      const timer = setInterval(() => ticks++, 1);
      // better-sqlite3 answers synchronously: chained through promises alone, these would never
      // let the event loop turn (and a server would stop answering while they ran).
      const writer = async () => {
        for (let i = 0; i < 200; i++) await store.transaction(async (tx) => void (await tx.hit('k', 60_000, 0)));
      };
      await Promise.all([1, 2, 3, 4].map(writer));
      clearInterval(timer);
      assert.equal((await store.hit('k', 60_000, 0)).count, 801);
      assert.ok(ticks > 0, 'the timer never ran while 800 transactions ran');
    } finally {
      await db.dispose();
    }
  });

  it('opens a private in-memory store and refuses a URL without a file', async () => {
    const memory = await openStore('sqlite::memory:');
    assert.equal(memory.dialect, 'sqlite');
    assert.equal(await memory.migrate(), MIGRATIONS.length);
    await memory.putSite({
      id: 's', name: 'S', origins: [], secret: 'x', jwt: { algorithms: ['HS256'] }, guests: false, premoderation: false,
      bannedWords: [], bannedWordsAction: 'reject', maxLinks: 5, createdAt: '2026-01-01T00:00:00.000Z',
    });
    assert.equal((await memory.listSites()).length, 1);
    assert.equal(memory.notifications, null);
    await memory.close();
    await assert.rejects(openStore('sqlite:'), /needs a file/);
  });
});
