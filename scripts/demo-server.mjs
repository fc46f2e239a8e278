// Starts the built `plein` server with its demo site on a fresh SQLite file in `dir`, on a free
// loopback port, and waits until it answers. Used by the end-to-end check and the first-view bench.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';

const freePort = () =>
  new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

/**
 * `onExit(code, output)` hears of a server that stops on its own. Resolves with its URL, the child
 * process and a `stop()` that kills it quietly; rejects when it does not answer `/healthz` in 10 s.
 */
export async function startDemoServer({ dist = 'dist', dir, onExit }) {
  const port = await freePort();
  // From the build's own folder: the server finds the demo site and the script-tag build there.
  const built = resolve(dist);
  const child = spawn(process.execPath, [join(built, 'server/cli.js'), 'serve', '--demo', '--db', join(dir, 'plein.sqlite'), '--port', String(port)], {
    cwd: dirname(built),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  child.on('exit', (code) => onExit?.(code, output));
  const url = `http://localhost:${port}/`;
  for (let tries = 0; ; tries++) {
    if ((await fetch(`${url}healthz`).catch(() => null))?.ok) break;
    if (tries > 100) {
      child.kill('SIGKILL');
      throw new Error(`the server did not answer /healthz:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    child,
    stop() {
      child.removeAllListeners('exit');
      child.kill('SIGKILL');
    },
  };
}
