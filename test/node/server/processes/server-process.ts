/**
 * Real `plein serve` processes for tests that cross process boundaries: several instances on one
 * database, and `kill -9` in the middle of a stream of posts.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import type { Viewer } from '../../../../src/adapters/contract.js';

const CLI = ['--import', 'tsx', 'src/server/cli.ts'];
export const SITE = 'proc';
export const SECRET = 'a-test-secret-that-is-long-enough-for-hs256';

const noLimits = { max: 0, windowMs: 1000 };
const configDir = mkdtempSync(join(tmpdir(), 'plein-proc-'));
let configs = 0;

/** A config file without rate limits, with `extra`'s settings. */
function configFile(extra: Record<string, unknown>): string {
  const file = join(configDir, `config-${++configs}.json`);
  writeFileSync(file, JSON.stringify({ rateLimits: { commentsPerIdentity: noLimits, writesPerIp: noLimits, guestsPerIp: noLimits }, ...extra }));
  return file;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

/** Creates the test site on `db` through the CLI, as an operator would. */
export function addSite(db: string): void {
  const result = spawnSync(process.execPath, [...CLI, 'sites', 'add', SITE, '--db', db, '--origin', 'http://127.0.0.1', '--secret', SECRET], {
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`plein sites add failed: ${result.stderr}`);
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** `plein serve` on `db`; `config` adds to the test config file (which turns the rate limits off). */
export async function startServerProcess(db: string, config: Record<string, unknown> = {}): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [...CLI, 'serve', '--db', db, '--port', String(port), '--host', '127.0.0.1', '--no-demo', '--config', configFile(config)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes('"msg":"listening"')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  child.stdout?.resume();
  child.stderr?.resume();
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    stop: (signal = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}

export function memberToken(viewer: Pick<Viewer, 'id' | 'name'>): Promise<string> {
  return new SignJWT({ name: viewer.name, roles: ['member'] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(viewer.id)
    .setAudience(SITE)
    .setExpirationTime('10m')
    .sign(new TextEncoder().encode(SECRET));
}
