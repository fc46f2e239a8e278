/**
 * A real Plein server for the HTTP adapter's tests: `createApp` on a store (a SQLite file in a
 * temp folder, or a fresh schema in the PostgreSQL database of PLEIN_TEST_POSTGRES_URL), served by
 * @hono/node-server on 127.0.0.1 and a free port, so the adapter talks to it with real fetch and
 * real SSE. Site records, limits and personas come from the server's own HTTP test harness.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import pg from 'pg';
import type { Viewer } from '../../../../src/adapters/contract.js';
import type { GuestStorage } from '../../../../src/adapters/http/options.js';
import { createApp, type PleinApp } from '../../../../src/server/app/create-app.js';
import type { ServerConfigInput } from '../../../../src/server/config.js';
import { startServer, type RunningServer } from '../../../../src/server/listen.js';
import { createRealtime, type Realtime } from '../../../../src/server/realtime/index.js';
import { openStore } from '../../../../src/server/store/index.js';
import type { PleinStore, SiteRecord } from '../../../../src/server/store/types.js';
import type { ThreadFixture } from '../../../../src/testing/threads.js';
import { NO_LIMITS, SITE_ID, personas, siteRecord } from '../http/harness.js';

export { NO_LIMITS, SITE_ID, personas, siteRecord };

export const POSTGRES_URL = process.env['PLEIN_TEST_POSTGRES_URL'];

export interface StoreTarget {
  name: 'SQLite' | 'PostgreSQL';
  /** An `openStore()` URL of an empty database, and how to delete it afterwards. */
  fresh(): Promise<{ url: string; drop(): Promise<void> }>;
}

let schemas = 0;

async function postgres(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export const sqlite: StoreTarget = {
  name: 'SQLite',
  async fresh() {
    const dir = await mkdtemp(join(tmpdir(), 'plein-http-adapter-'));
    return { url: `sqlite:${join(dir, 'plein.sqlite')}`, drop: () => rm(dir, { recursive: true, force: true }) };
  },
};

export function postgresTarget(url: string): StoreTarget {
  return {
    name: 'PostgreSQL',
    async fresh() {
      const schema = `plein_http_adapter_${process.pid}_${Date.now().toString(36)}_${++schemas}`;
      const withSchema = new URL(url);
      withSchema.searchParams.set('schema', schema);
      return { url: withSchema.toString(), drop: () => postgres(url, `DROP SCHEMA IF EXISTS ${schema} CASCADE`) };
    },
  };
}

/** SQLite always; PostgreSQL too when PLEIN_TEST_POSTGRES_URL is set. */
export const STORES: StoreTarget[] = [sqlite, ...(POSTGRES_URL ? [postgresTarget(POSTGRES_URL)] : [])];

export interface LiveServer {
  readonly url: string;
  readonly app: PleinApp;
  readonly store: PleinStore;
  readonly realtime: Realtime;
  readonly running: RunningServer;
  /** A member JWT for `viewer` on `site`, signed with the site secret as the site's backend would. */
  token(site: string, viewer: Viewer, claims?: Record<string, unknown>): Promise<string>;
  /** Registers `site` (once) and gives its threads the fixtures' settings through the admin API. */
  prepare(site: string, threads?: readonly ThreadFixture[], overrides?: Partial<SiteRecord>): Promise<void>;
  /** Stops listening (open streams are cut); `listen()` serves the same app on the same port again. */
  stopListening(): Promise<void>;
  listen(): Promise<void>;
  close(): Promise<void>;
}

export interface LiveServerOptions {
  config?: ServerConfigInput;
}

export async function startLiveServer(target: StoreTarget, options: LiveServerOptions = {}): Promise<LiveServer> {
  const database = await target.fresh();
  const store = await openStore(database.url);
  await store.migrate();
  const realtime = createRealtime(store, { pruneIntervalMs: 0 });
  await realtime.ready;
  const app = createApp({
    store,
    realtime,
    config: {
      log: () => undefined,
      ipSalt: 'test-salt',
      siteCacheMs: 0,
      guests: { powMaxCounter: 20 },
      ...options.config,
      rateLimits: { ...NO_LIMITS, ...options.config?.rateLimits },
    },
  });
  let running = await startServer(app, { port: 0, hostname: '127.0.0.1' });
  const port = running.port;
  const url = `http://127.0.0.1:${port}`;
  const secret = siteRecord().secret;
  const prepared = new Map<string, Promise<void>>();

  const token: LiveServer['token'] = (site, viewer, claims = {}) =>
    new SignJWT({ sub: viewer.id, aud: site, name: viewer.name, roles: viewer.roles, exp: Math.floor(Date.now() / 1000) + 600, ...claims })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode(secret));

  async function prepareOnce(site: string, threads: readonly ThreadFixture[], overrides: Partial<SiteRecord>): Promise<void> {
    await store.putSite(siteRecord({ id: site, guests: false, ...overrides }));
    const admin = await token(site, personas.admin);
    for (const { id, ...settings } of threads) {
      const response = await fetch(`${url}/v1/sites/${encodeURIComponent(site)}/threads/${encodeURIComponent(id)}/settings`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${admin}` },
        body: JSON.stringify(settings),
      });
      if (response.status !== 204) throw new Error(`thread settings for ${id}: ${response.status} ${await response.text()}`);
    }
  }

  return {
    url,
    app,
    store,
    realtime,
    get running() {
      return running;
    },
    token,
    prepare(site, threads = [], overrides = {}) {
      if (!prepared.has(site)) prepared.set(site, prepareOnce(site, threads, overrides));
      return prepared.get(site)!;
    },
    async stopListening() {
      running.server.closeAllConnections();
      await new Promise<void>((resolve) => running.server.close(() => resolve()));
    },
    async listen() {
      running = await startServer(app, { port, hostname: '127.0.0.1' });
    },
    async close() {
      await running.close(200);
      await realtime.close();
      await store.close();
      await database.drop();
    },
  };
}

/** One storage for every adapter of a test run, as `localStorage` is for every tab of a site. */
export function sharedStorage(): GuestStorage & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return {
    values,
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
    removeItem: (key) => void values.delete(key),
  };
}
