/**
 * Listening on Node with @hono/node-server, and the graceful shutdown: stop accepting
 * connections, end every event stream with a short `retry:` (clients reconnect elsewhere or
 * after the restart, resuming by Last-Event-ID), let requests in flight finish (up to
 * `graceMs`), then release realtime and the store.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import type { PleinApp } from './app/create-app.js';
import type { LogSink } from './config.js';

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  /** Graceful: stop accepting, end streams, wait for requests in flight (at most `graceMs`). */
  close(graceMs?: number): Promise<void>;
}

export function startServer(app: PleinApp, options: { port: number; hostname?: string }): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, ...(options.hostname ? { hostname: options.hostname } : {}) }) as Server;
    server.once('error', reject);
    server.once('listening', () => {
      const { port } = server.address() as AddressInfo;
      const host = !options.hostname || options.hostname === '0.0.0.0' || options.hostname === '::' ? 'localhost' : options.hostname;
      let closing: Promise<void> | null = null;
      resolve({
        url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/`,
        port,
        server,
        close(graceMs = 10_000) {
          closing ??= new Promise<void>((done) => {
            app.plein.drain();
            const timer = setTimeout(() => server.closeAllConnections(), graceMs);
            timer.unref();
            // Keep-alive sockets hold `close` open: close each as soon as its last response is out.
            const idle = setInterval(() => server.closeIdleConnections(), 50);
            server.close(() => {
              clearTimeout(timer);
              clearInterval(idle);
              done();
            });
            server.closeIdleConnections();
          });
          return closing;
        },
      });
    });
  });
}

/** Closes the server, then `release` (realtime, store), on the first SIGTERM or SIGINT; exits 0. */
export function closeOnSignals(running: RunningServer, release: () => Promise<void>, log: LogSink): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log({ level: 'info', msg: 'shutting down', signal });
    running
      .close()
      .then(release)
      .then(
        () => {
          log({ level: 'info', msg: 'stopped' });
          process.exit(0);
        },
        (error: unknown) => {
          log({ level: 'error', msg: 'shutdown failed', error: String(error) });
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}
