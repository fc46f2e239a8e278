// The Plein server as users run it: `plein serve` from the build, on SQLite in a fresh folder,
// on 127.0.0.1 and a free port, with one site whose secret the bench knows so it can sign member
// tokens. Rate limits are off (the bench measures throughput, not the limiter); everything else
// is the default, request log included (written to /dev/null).
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SignJWT } from 'jose';
import { removeFolder, spawnChild, stopChild, tempFolder } from './processes.mjs';

export const SITE = 'bench';
const SECRET = 'bench-secret-0123456789-0123456789-0123456789';
const OFF = { max: 0, windowMs: 1_000 };
const START_TIMEOUT_MS = 15_000;
// Node flags for the server process only, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to see where
// its time goes under load (Node 20 refuses --cpu-prof in NODE_OPTIONS).
const SERVER_NODE_ARGS = (process.env.PLEIN_BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);

function run(cli, args, cwd) {
  return new Promise((done, fail) => {
    const child = spawnChild(process.execPath, [cli, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk) => (errors += chunk));
    child.once('exit', (code) => (code === 0 ? done() : fail(new Error(`plein ${args[0]} failed (${code}): ${errors}`))));
  });
}

/** Starts a server; resolves with `{ origin, dir, stop() }`. */
export async function startPlein(dist) {
  const cli = resolve(dist, 'server/cli.js');
  const dir = tempFolder('plein-bench-server-');
  const db = `sqlite:${join(dir, 'plein.sqlite')}`;
  const config = join(dir, 'config.json');
  writeFileSync(
    config,
    JSON.stringify({
      ipSalt: 'bench-salt',
      rateLimits: { commentsPerIdentity: OFF, writesPerIp: OFF, guestsPerIp: OFF },
      // Heartbeats would land inside the SSE measurement; a round lasts well under this.
      // Every subscriber connects from loopback: the per-address cap would stop the fan-out at 200.
      streams: { heartbeatMs: 10 * 60_000, maxPerIp: 0 },
    }),
  );
  // The working folder is the temp folder: no demo pages or CDN build are found and served.
  await run(cli, ['sites', 'add', SITE, '--db', db, '--origin', 'http://127.0.0.1', '--secret', SECRET], dir);
  const child = spawnChild(process.execPath, [...SERVER_NODE_ARGS, cli, 'serve', '--db', db, '--config', config, '--host', '127.0.0.1', '--port', '0'], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const origin = await new Promise((done, fail) => {
    let errors = '';
    const timer = setTimeout(() => fail(new Error(`plein serve did not start in ${START_TIMEOUT_MS} ms: ${errors}`)), START_TIMEOUT_MS);
    child.stderr.on('data', (chunk) => {
      errors += chunk;
      const match = /Plein server: (http:\/\/[^/\s]+)/.exec(errors);
      if (match) {
        clearTimeout(timer);
        done(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`plein serve exited (${code}): ${errors}`));
    });
  });
  return {
    origin,
    dir,
    pid: child.pid,
    async stop() {
      await stopChild(child);
      removeFolder(dir);
    },
  };
}

const key = new TextEncoder().encode(SECRET);

/** A member token as a site's backend would sign it (HS256, short-lived). */
export function memberToken(n) {
  return new SignJWT({ sub: `bench-member-${n}`, aud: SITE, name: `Member ${n}`, roles: ['member'] })
    .setProtectedHeader({ alg: 'HS256' })
    .setExpirationTime('10m')
    .sign(key);
}

export async function memberTokens(count, from = 0) {
  return Promise.all(Array.from({ length: count }, (_, i) => memberToken(from + i)));
}
