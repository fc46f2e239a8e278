import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { USAGE, main } from '../../../../src/server/cli.js';
import { openStore } from '../../../../src/server/store/index.js';
import type { SiteRecord } from '../../../../src/server/store/types.js';

const dir = mkdtempSync(join(tmpdir(), 'plein-cli-sites-'));
const db = `sqlite:${join(dir, 'plein.sqlite')}`;
after(() => rmSync(dir, { recursive: true, force: true }));

type Write = typeof process.stdout.write;

/**
 * The command in this process, its text output caught. The test runner reports through stdout
 * too, in binary chunks: those pass, or a test that ran meanwhile would go unreported.
 */
async function run(args: string[]): Promise<{ code: number; stderr: string }> {
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  let stderr = '';
  const catching = (pass: Write, keep: (text: string) => void) =>
    ((chunk: string | Uint8Array, ...rest: never[]) => (typeof chunk === 'string' ? (keep(chunk), true) : pass(chunk, ...rest))) as Write;
  process.stdout.write = catching(out, () => undefined);
  process.stderr.write = catching(err, (text) => (stderr += text));
  try {
    return { code: await main([...args, '--db', db]), stderr };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

async function site(id: string): Promise<SiteRecord> {
  const store = await openStore(db);
  try {
    return (await store.getSite(id))!;
  } finally {
    await store.close();
  }
}

describe('plein sites add on a site that exists', () => {
  it('turns pre-moderation, guests and banned words off again, keeping what no option names', async () => {
    assert.equal((await run(['sites', 'add', 's1', '--origin', 'https://a.example', '--premoderation', '--guests', '--banned-word', 'spam'])).code, 0);
    const first = await site('s1');
    assert.deepEqual([first.premoderation, first.guests, first.bannedWords], [true, true, ['spam']]);

    assert.equal((await run(['sites', 'add', 's1', '--no-premoderation'])).code, 0);
    assert.deepEqual([(await site('s1')).premoderation, (await site('s1')).guests], [false, true]);
    assert.equal((await run(['sites', 'add', 's1', '--no-guests', '--no-banned-words'])).code, 0);
    const last = await site('s1');
    assert.deepEqual([last.premoderation, last.guests, last.bannedWords], [false, false, []]);
    assert.deepEqual([last.origins, last.secret, last.createdAt], [first.origins, first.secret, first.createdAt]);
  });

  it('refuses an option together with its negation, and a blank banned word', async () => {
    for (const args of [['--guests', '--no-guests'], ['--premoderation', '--no-premoderation'], ['--banned-word', 'x', '--no-banned-words'], ['--banned-word=']]) {
      const { code, stderr } = await run(['sites', 'add', 's2', '--origin', 'https://b.example', ...args]);
      assert.equal(code, 2, args.join(' '));
      assert.doesNotMatch(stderr, /Unknown option/, args.join(' '));
    }
  });

  it('says in its help that options not given keep their value, and how to turn one off', () => {
    assert.match(USAGE, /--no-guests/);
    assert.match(USAGE, /--no-premoderation/);
    assert.match(USAGE, /--no-banned-words/);
    assert.match(USAGE, /the others keep theirs/);
  });
});
