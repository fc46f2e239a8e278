/**
 * Listening on Node: a node:http server whose requests go first to the fast read path (kept
 * answers, `app/fast-read.ts`), then to the Hono app through @hono/node-server. And the graceful
 * shutdown: stop accepting connections, end every event stream with a short `retry:` (clients
 * reconnect elsewhere or after the restart, resuming by Last-Event-ID), let requests in flight
 * finish (up to `graceMs`), then release realtime and the store.
 */
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import { getRequestListener } from '@hono/node-server';
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
    const hono = getRequestListener(app.fetch, options.hostname ? { hostname: options.hostname } : {});
    const fast = app.plein.fastReads;
    const server = createServer((request, response) => {
      try {
        if (fast.serve(request, response)) return;
      } catch (error) {
        // The fast path writes nothing until its answer is whole: unless it got that far, Hono answers.
        if (response.headersSent) {
          response.destroy(error instanceof Error ? error : new Error(String(error)));
          return;
        }
      }
      void hono(request, response);
    });
    server.listen(options.port, options.hostname);
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
