/**
 * The server's settings: everything `createApp` reads besides the store and the realtime hub.
 * Every field has a default, so `resolveConfig({})` is a working configuration; the CLI fills it
 * from flags, `PLEIN_*` environment variables or a JSON file (see `cli-config.ts`).
 */
import { randomBytes } from 'node:crypto';

/** At most `max` hits per `windowMs`; `max: 0` turns the rule off. */
export interface RateRule {
  max: number;
  windowMs: number;
}

export interface RateLimits {
  /** New comments per signed-in member or guest (moderators are exempt). Default 1 per 10 s. */
  commentsPerIdentity: RateRule;
  /** Writes of any kind per client IP and site. Default 60 per minute. */
  writesPerIp: RateRule;
  /** Guest sessions started per client IP and site. Default 10 per 10 minutes. */
  guestsPerIp: RateRule;
  /** Device ballots (visitors without an account) per IP hash in one `device` poll. Default 20 per day. */
  deviceBallotsPerIp: RateRule;
}

export interface GuestSettings {
  /** Lifetime of a guest token: long enough to edit or delete what the guest just wrote. */
  tokenTtlSeconds: number;
  /** How long a proof-of-work challenge may be solved and used. */
  challengeTtlSeconds: number;
  /**
   * The proof-of-work's size: the solver tries on average half this many SHA-256 hashes.
   * 50,000 takes a browser well under a second and a spam script the same for every post.
   */
  powMaxCounter: number;
}

export interface StreamSettings {
  /** A comment line every this many ms keeps proxies from closing an idle stream. */
  heartbeatMs: number;
  /** The reconnection delay (`retry:`) the server tells clients. */
  retryMs: number;
  /** The reconnection delay sent when the server shuts down and ends every stream. */
  shutdownRetryMs: number;
  /** Events replayed at most on a reconnect; beyond it the client gets `event: reset`. */
  replayLimit: number;
  /**
   * Open streams one client IP may hold on this instance (each holds a socket and memory), so
   * one client cannot exhaust the server's descriptors. Generous, because a household or an
   * office behind one address opens a stream per tab. 0 turns the cap off.
   */
  maxPerIp: number;
}

export type LogSink = (entry: Record<string, unknown>) => void;

export interface ServerConfig {
  /**
   * Secret mixed into IP hashes. Instances behind one load balancer must share it, or each
   * counts the same client separately; IPs themselves are never stored.
   */
  ipSalt: string;
  /**
   * Take the client IP from the last `X-Forwarded-For` entry (the one the reverse proxy you run
   * appended), not the socket. Earlier entries are the client's own words and are ignored.
   */
  trustProxy: boolean;
  /** Request bodies above this many bytes are refused with 413. */
  bodyLimitBytes: number;
  rateLimits: RateLimits;
  guests: GuestSettings;
  streams: StreamSettings;
  /** Clock skew tolerated on JWT `exp`, in seconds. */
  jwtClockToleranceSeconds: number;
  /** How long after posting a member may still edit; default the domain's `LIMITS.editWindowMs`. */
  editWindowMs?: number;
  /** Folders served as-is: the demo pages at `/`, the CDN build at `/plein/`. `null` serves none. */
  demoDir: string | null;
  /**
   * Serve `GET /demo/token?as=<person>`: a 10-minute member token for one of the demo site's
   * people, so the demo pages can show members, moderators and admins. Only in demo mode: anyone
   * who can reach the server may then act as them on the demo site.
   */
  demoSignIn: boolean;
  cdnDir: string | null;
  /** How long a site's settings are cached in memory, so CLI changes reach a running server. */
  siteCacheMs: number;
  /**
   * How long a loaded thread may serve reads at most. Changes made through the API (on any
   * instance) drop it at once; this bounds only changes made beside it (CLI `delete-user`). 0: off.
   */
  threadCacheMs: number;
  /** Threads kept loaded per instance. */
  threadCacheSize: number;
  /** One structured entry per request and per notable event; default one JSON line on stdout. */
  log: LogSink;
}

export type ServerConfigInput = Partial<Omit<ServerConfig, 'rateLimits' | 'guests' | 'streams'>> & {
  /** Each rule's fields apart: `{ writesPerIp: { max: 120 } }` keeps that rule's default window. */
  rateLimits?: { [K in keyof RateLimits]?: Partial<RateRule> };
  guests?: Partial<GuestSettings>;
  streams?: Partial<StreamSettings>;
};

export const DEFAULT_RATE_LIMITS: RateLimits = {
  commentsPerIdentity: { max: 1, windowMs: 10_000 },
  writesPerIp: { max: 60, windowMs: 60_000 },
  guestsPerIp: { max: 10, windowMs: 10 * 60_000 },
  deviceBallotsPerIp: { max: 20, windowMs: 24 * 60 * 60_000 },
};

export const jsonLineLog: LogSink = (entry) => {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
};

export function resolveConfig(input: ServerConfigInput = {}): ServerConfig {
  return {
    ipSalt: input.ipSalt ?? randomBytes(32).toString('base64url'),
    trustProxy: input.trustProxy ?? false,
    bodyLimitBytes: input.bodyLimitBytes ?? 64 * 1024,
    rateLimits: Object.fromEntries(
      Object.entries(DEFAULT_RATE_LIMITS).map(([name, rule]) => [name, { ...rule, ...input.rateLimits?.[name as keyof RateLimits] }]),
    ) as unknown as RateLimits,
    guests: { tokenTtlSeconds: 24 * 3600, challengeTtlSeconds: 600, powMaxCounter: 50_000, ...input.guests },
    streams: { heartbeatMs: 15_000, retryMs: 3_000, shutdownRetryMs: 1_000, replayLimit: 1_000, maxPerIp: 200, ...input.streams },
    jwtClockToleranceSeconds: input.jwtClockToleranceSeconds ?? 30,
    ...(input.editWindowMs === undefined ? {} : { editWindowMs: input.editWindowMs }),
    demoDir: input.demoDir === undefined ? null : input.demoDir,
    demoSignIn: input.demoSignIn ?? false,
    cdnDir: input.cdnDir === undefined ? null : input.cdnDir,
    siteCacheMs: input.siteCacheMs ?? 2_000,
    threadCacheMs: input.threadCacheMs ?? 5_000,
    threadCacheSize: input.threadCacheSize ?? 500,
    log: input.log ?? jsonLineLog,
  };
}
