import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { bundledCdnDir } from '../../../../src/server/cli-config.js';

describe('the plein command as npm installs it', () => {
  it('runs when started through a symlink, as node_modules/.bin/plein is', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plein-bin-'));
    try {
      const link = join(dir, 'plein');
      symlinkSync(resolve('src/server/cli.ts'), link);
      const run = spawnSync(process.execPath, ['--import', 'tsx', link, '--help'], { encoding: 'utf8', timeout: 60_000 });
      assert.match(run.stdout + run.stderr, /Usage: plein <command>/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('hosts the script-tag build of its own package, wherever the site owner runs it', () => {
    const root = mkdtempSync(join(tmpdir(), 'plein-package-'));
    try {
      mkdirSync(join(root, 'dist', 'server'), { recursive: true });
      mkdirSync(join(root, 'dist', 'cdn'), { recursive: true });
      writeFileSync(join(root, 'dist', 'cdn', 'plein.js'), '');
      const cli = pathToFileURL(join(root, 'dist', 'server', 'cli.js')).href;
      assert.equal(bundledCdnDir(cli), join(root, 'dist', 'cdn'));
      assert.equal(bundledCdnDir(pathToFileURL(join(tmpdir(), 'nowhere', 'server', 'cli.js')).href), null);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
