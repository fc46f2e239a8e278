import type { Context } from 'hono';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app/env.js';
import type { FastReads } from '../app/fast-read.js';
import type { SiteCache } from '../app/sites.js';
import type { OperationContext } from '../comments/context.js';
import type { ThreadCache } from '../comments/thread-cache.js';
import type { ServerConfig } from '../config.js';
import type { Realtime } from '../realtime/index.js';
import type { StreamRegistry } from '../streams/event-stream.js';
import type { PleinStore } from '../store/types.js';

/** What every route module gets from `createApp`. */
export interface RouteDeps {
  store: PleinStore;
  realtime: Realtime;
  config: ServerConfig;
  clock: () => number;
  stamp: () => string;
  sites: SiteCache;
  threads: ThreadCache;
  streams: StreamRegistry;
  /** Reads the fast path may answer from now on (`app/fast-read.ts`). */
  reads: FastReads;
}

export type Api = OpenAPIHono<AppEnv>;

export function operation(c: Context<AppEnv>, deps: RouteDeps): OperationContext {
  return {
    store: deps.store,
    realtime: deps.realtime,
    config: deps.config,
    threads: deps.threads,
    site: c.get('site'),
    identity: c.get('identity'),
    now: deps.clock,
    stamp: deps.stamp,
    ipHash: c.var.ipHash ?? '',
  };
}

/**
 * The realtime journal position an answer includes: on reads of a thread's data (the state's
 * position), the moderation queue and the viewer (the position now). A client opens a topic's
 * stream with `lastEventId` = the position of its latest read of that topic (else the newest it
 * has seen) and misses nothing in between. Writes do not carry it: their answer is one item, not
 * the topic.
 */
export const EVENT_ID_HEADER = 'X-Plein-Event-Id';

/** Identity is optional: without a token the caller is an anonymous visitor. */
export const BEARER: Record<string, string[]>[] = [{}, { bearer: [] }];
