/**
 * The Plein server as a Hono app: `createApp({ store, realtime, config, clock })`. Serve it with
 * `serve.ts` (node-server), or call `app.request()` in tests. The API lives under `/v1`, every
 * site's under `/v1/sites/{site}`; `/v1/openapi.json` describes all of it, generated from the
 * same schemas that validate the requests.
 */
import { existsSync } from 'node:fs';
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { serveStatic } from '@hono/node-server/serve-static';
import { AdapterError } from '../../adapters/errors.js';
import { monotonicStamps } from '../comments/context.js';
import { ThreadCache } from '../comments/thread-cache.js';
import { resolveConfig, type ServerConfig, type ServerConfigInput } from '../config.js';
import { demoSignIn } from '../demo.js';
import type { Realtime } from '../realtime/index.js';
import { registerComments } from '../routes/comments.js';
import type { RouteDeps } from '../routes/deps.js';
import { registerEvents } from '../routes/events.js';
import { registerModeration } from '../routes/moderation.js';
import { registerPolls } from '../routes/polls.js';
import { registerSession } from '../routes/session.js';
import { errors } from '../schemas/common.js';
import { StreamRegistry } from '../streams/event-stream.js';
import type { PleinStore } from '../store/types.js';
import { bodyLimit } from './body-limit.js';
import type { AppEnv } from './env.js';
import { HttpError, errorResponse, toAdapterError } from './errors.js';
import { etags } from './etag.js';
import { FastReads } from './fast-read.js';
import { pathEncoding } from './path-encoding.js';
import { API_DESCRIPTION } from './openapi-info.js';
import { RequestLog, requestLog } from './request-log.js';
import { securityHeaders } from './security-headers.js';
import { siteContext } from './site-context.js';
import { SiteCache } from './sites.js';
import { validationHook } from './validation.js';
import { isWrite } from './write-guard.js';

export interface CreateAppOptions {
  store: PleinStore;
  realtime: Realtime;
  config?: ServerConfig | ServerConfigInput;
  /** Epoch milliseconds; tests pass a clock they can move. */
  clock?: () => number;
}

export interface AppControls {
  readonly config: ServerConfig;
  readonly streams: StreamRegistry;
  /** Whether `drain()` was called: health answers 503 and new streams are refused. */
  readonly draining: boolean;
  /** Before shutdown: refuse new streams, end open ones with a short `retry:`. */
  drain(): void;
  /** The node:http handler answering kept reads before Hono (`fast-read.ts`); `listen.ts` puts it in front. */
  readonly fastReads: FastReads;
}

export type PleinApp = OpenAPIHono<AppEnv> & { readonly plein: AppControls };

/** Store failures that a retry may cure: busy database, lost connection. */
function transient(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^(SQLITE_BUSY|SQLITE_LOCKED|ECONNREFUSED|ECONNRESET|ETIMEDOUT|57P0[1-3]|53300|08\d{3})$/.test(code);
}

const health = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['server'],
  summary: 'Liveness and readiness',
  description: '503 while the database is unreachable or the server is shutting down.',
  responses: {
    200: {
      description: 'Ready',
      content: { 'application/json': { schema: z.object({ status: z.literal('ok'), store: z.string(), streams: z.number().int() }) } },
    },
    ...errors(503),
  },
});

export function createApp(options: CreateAppOptions): PleinApp {
  const config = resolveConfig(options.config);
  const clock = options.clock ?? Date.now;
  const { store, realtime } = options;
  const streams = new StreamRegistry();
  let draining = false;
  const threads = new ThreadCache(store, realtime, { ttlMs: config.threadCacheMs, maxThreads: config.threadCacheSize, editWindowMs: config.editWindowMs, now: clock });
  const sites = new SiteCache(store, config.siteCacheMs);
  const requests = new RequestLog(config.log);
  const reads = new FastReads({ sites, threads, config, clock, requests });
  const deps: RouteDeps = { store, realtime, config, clock, stamp: monotonicStamps(clock), sites, threads, streams, reads };

  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('*', requestLog(requests));
  app.use('*', securityHeaders());
  const limitBody = bodyLimit({ maxSize: config.bodyLimitBytes, onError: (c) => errorResponse(c, new HttpError(413, 'invalid', 'The request body is too large.')) });
  // Only requests that may carry a body: checking a GET would make node-server build a full Request.
  app.use('/v1/*', (c, next) => (isWrite(c.req.method) ? limitBody(c, next) : next()));
  // Also matches `/v1/sites/{site}` itself.
  app.use('/v1/sites/:site/*', siteContext({ store, sites: deps.sites, config, clock }));
  // After CORS, so a page can read the refusal. (Site ids are plain ASCII: a broken one is not found.)
  app.use('/v1/sites/:site/*', pathEncoding());
  app.use('/v1/*', etags());

  registerSession(app, deps);
  registerComments(app, deps);
  registerModeration(app, deps);
  registerPolls(app, deps);
  registerEvents(app, deps, () => draining);

  app.openapi(health, async (c) => {
    if (draining) throw new AdapterError('unavailable', 'Shutting down.', { retryAfter: 1 });
    await store.journalBounds();
    c.header('Cache-Control', 'no-store');
    return c.json({ status: 'ok' as const, store: store.dialect, streams: streams.size }, 200);
  });

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'A member JWT signed by the site (HS256 with the site secret, or RS256/EdDSA), or a guest token from POST …/guest.',
  });
  // The description is public: API explorers on any origin may read it.
  app.use('/v1/openapi.json', async (c, next) => {
    await next();
    c.res.headers.set('Access-Control-Allow-Origin', '*');
  });
  app.doc31('/v1/openapi.json', (c) => ({
    openapi: '3.1.0',
    info: { title: 'Plein API', version: '1', description: API_DESCRIPTION },
    servers: [{ url: new URL(c.req.url).origin }],
  }));

  if (config.cdnDir && existsSync(config.cdnDir)) {
    app.use(
      '/plein/*',
      serveStatic({
        root: config.cdnDir,
        rewriteRequestPath: (path) => path.slice('/plein'.length),
        // The build's Brotli and gzip copies (scripts/precompress.mjs): a page's chunks travel at
        // a third of their size, compressed once at build time instead of on every request.
        precompressed: true,
        onFound: (_path, c) => {
          if (!c.res.headers.has('Vary')) c.header('Vary', 'Accept-Encoding');
          // Chunk names carry a hash of their content; the loader's name does not, so it is
          // revalidated after a few minutes and a new release reaches pages soon.
          c.header('Cache-Control', c.req.path.startsWith('/plein/chunks/') ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
        },
      }),
    );
  }
  if (config.demoSignIn) {
    app.get('/demo/token', async (c) => {
      const token = await demoSignIn(store, c.req.query('as') ?? '');
      c.header('Cache-Control', 'no-store');
      return token ? c.text(token) : c.text('No such demo person.', 404);
    });
  }
  if (config.demoDir && existsSync(config.demoDir)) app.use('/*', serveStatic({ root: config.demoDir }));

  app.notFound((c) => (c.req.path.startsWith('/v1/') ? errorResponse(c, new AdapterError('not-found', 'No such endpoint.')) : c.text('Not found', 404)));
  app.onError((error, c) => {
    const known = toAdapterError(error);
    if (known) return errorResponse(c, known);
    if (transient(error)) return errorResponse(c, new AdapterError('unavailable', 'The database is busy or unreachable; try again.', { retryAfter: 1 }));
    config.log({ level: 'error', msg: 'unhandled error', id: c.var.requestId, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    return errorResponse(c, new HttpError(500, 'unavailable', 'Something went wrong on the server.'));
  });

  const controls: AppControls = {
    config,
    streams,
    get draining() {
      return draining;
    },
    drain() {
      draining = true;
      streams.endAll(config.streams.shutdownRetryMs);
    },
    fastReads: reads,
  };
  return Object.assign(app, { plein: controls });
}
