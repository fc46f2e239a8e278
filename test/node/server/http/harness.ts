/**
 * A server for one test: a fresh SQLite store in a temp folder, realtime on it, a site, and
 * helpers to call the API as the conformance kit's personas (member JWTs signed with the site
 * secret), anonymously or with any token.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import type { Viewer } from '../../../../src/adapters/contract.js';
import { createApp, type PleinApp } from '../../../../src/server/app/create-app.js';
import type { ServerConfigInput } from '../../../../src/server/config.js';
import { createRealtime, type Realtime } from '../../../../src/server/realtime/index.js';
import { openSqliteStore } from '../../../../src/server/store/sqlite.js';
import type { PleinStore, SiteRecord, ThreadRecord } from '../../../../src/server/store/types.js';
import { personas } from '../../../../src/testing/personas.js';

export { personas };

export const SITE_ID = 'test-site';
export const ORIGIN = 'https://blog.example';

export function siteRecord(overrides: Partial<SiteRecord> = {}): SiteRecord {
  return {
    id: SITE_ID,
    name: 'Test blog',
    origins: [ORIGIN],
    secret: 'a-test-secret-that-is-long-enough-0123456789',
    jwt: { algorithms: ['HS256'] },
    guests: true,
    premoderation: false,
    bannedWords: [],
    bannedWordsAction: 'reject',
    maxLinks: 5,
    createdAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** Limits off: tests that check limits turn on the one they check. */
export const NO_LIMITS = {
  commentsPerIdentity: { max: 0, windowMs: 1000 },
  writesPerIp: { max: 0, windowMs: 1000 },
  guestsPerIp: { max: 0, windowMs: 1000 },
};

export interface Clock {
  now: number;
  advance(ms: number): void;
}

export interface CallOptions {
  /** A persona (a signed member token), `null` (anonymous), or a raw token string. */
  as?: Viewer | null | string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Harness {
  app: PleinApp;
  store: PleinStore;
  realtime: Realtime;
  site: SiteRecord;
  clock: Clock;
  dir: string;
  token(viewer: Viewer, claims?: Record<string, unknown>): Promise<string>;
  call(method: string, path: string, options?: CallOptions): Promise<Response>;
  /** `call`, then the JSON body, failing with the body when the status is not `status`. */
  json<T = unknown>(method: string, path: string, options?: CallOptions & { status?: number }): Promise<T>;
  thread(record: Partial<ThreadRecord> & { id: string }): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  site?: Partial<SiteRecord>;
  config?: ServerConfigInput;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), 'plein-http-'));
  const store = await openSqliteStore({ file: join(dir, 'plein.sqlite'), synchronous: 'NORMAL' });
  await store.migrate();
  const realtime = createRealtime(store, { pruneIntervalMs: 0 });
  await realtime.ready;
  const site = siteRecord(options.site);
  await store.putSite(site);
  const clock: Clock = {
    now: Date.now(),
    advance(ms) {
      this.now += ms;
    },
  };
  const app = createApp({
    store,
    realtime,
    clock: () => clock.now,
    config: {
      log: () => undefined,
      ipSalt: 'test-salt',
      siteCacheMs: 0,
      guests: { powMaxCounter: 20 },
      ...options.config,
      rateLimits: { ...NO_LIMITS, ...options.config?.rateLimits },
    },
  });

  const token = (viewer: Viewer, claims: Record<string, unknown> = {}) =>
    new SignJWT({
      sub: viewer.id,
      aud: site.id,
      exp: Math.floor(clock.now / 1000) + 600,
      name: viewer.name,
      roles: viewer.roles,
      ...(viewer.avatarUrl ? { avatar: viewer.avatarUrl } : {}),
      ...claims,
    })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode(site.secret));

  const call = async (method: string, path: string, callOptions: CallOptions = {}) => {
    const headers: Record<string, string> = {};
    const as = callOptions.as;
    if (typeof as === 'string') headers['Authorization'] = `Bearer ${as}`;
    else if (as) headers['Authorization'] = `Bearer ${await token(as)}`;
    else if (method !== 'GET') headers['Authorization'] = 'Anonymous';
    let body: string | undefined;
    if (callOptions.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(callOptions.body);
    }
    Object.assign(headers, callOptions.headers);
    return app.request(path, { method, headers, ...(body === undefined ? {} : { body }) });
  };

  return {
    app,
    store,
    realtime,
    site,
    clock,
    dir,
    token,
    call,
    async json<T>(method: string, path: string, callOptions: CallOptions & { status?: number } = {}): Promise<T> {
      const response = await call(method, path, callOptions);
      const text = await response.text();
      const expected = callOptions.status ?? (method === 'POST' && !path.includes('/reactions') ? 201 : 200);
      if (response.status !== expected) throw new Error(`${method} ${path}: expected ${expected}, got ${response.status}: ${text}`);
      return (text === '' ? undefined : JSON.parse(text)) as T;
    },
    async thread(record) {
      await store.putThread({
        siteId: site.id,
        locked: false,
        premoderated: null,
        guests: null,
        ownerId: null,
        reactions: null,
        createdAt: new Date(clock.now).toISOString(),
        ...record,
      });
    },
    async close() {
      app.plein.drain();
      await realtime.close();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export const api = (path: string) => `/v1/sites/${SITE_ID}${path}`;

/** A poll's resource on the test site. */
export const pollPath = (id: string) => api(`/polls/${encodeURIComponent(id)}`);
export const threadPath = (thread: string) => api(`/threads/${encodeURIComponent(thread)}`);

export interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, { reason: string; message: string; params?: Record<string, unknown> }>; retryAfter?: number };
}

/** The error body of a response, checking its status. */
export async function errorOf(response: Response | Promise<Response>, status: number): Promise<ErrorBody['error']> {
  const answer = await response;
  const text = await answer.text();
  if (answer.status !== status) throw new Error(`expected ${status}, got ${answer.status}: ${text}`);
  return (JSON.parse(text) as ErrorBody).error;
}
