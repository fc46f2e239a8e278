#!/usr/bin/env node
/**
 * `plein`: run and administer the Plein server.
 *
 *   plein serve [--port 8787] [--host h] [--db url] [--config file.json] [--ip-salt s] [--trust-proxy]
 *               [--demo | --no-demo] [--demo-dir dir] [--cdn-dir dir]
 *   plein migrate [--db url]
 *   plein sites add <id> --origin https://example.org [--origin …] [--name "My blog"] [--secret s]
 *               [--guests | --no-guests] [--premoderation | --no-premoderation] [--algorithm HS256|RS256|EdDSA …]
 *               [--public-key key.pem] [--jwks-file jwks.json] [--banned-word w … | --no-banned-words]
 *               [--banned-words-action reject|pending] [--max-links 5]
 *   plein sites list [--json]
 *   plein export-user --site <id> --user <id>
 *   plein delete-user --site <id> --user <id>
 *   plein polls create --site <id> --file poll.json --author <member id>
 *
 * `--db` (or PLEIN_DB): `sqlite:path`, a file path, or `postgres://…`; default
 * `sqlite:.plein-data/plein.sqlite`. See `cli-config.ts` for the environment and the config file.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createApp } from './app/create-app.js';
import { databaseUrl, serveSettings, type Flags } from './cli-config.js';
import { jsonLineLog, resolveConfig } from './config.js';
import { seedDemo } from './demo.js';
import { createPollAsAdmin } from './polls/admin.js';
import { createRealtime } from './realtime/index.js';
import { closeOnSignals, startServer } from './listen.js';
import { openStore } from './store/index.js';
import type { JwtAlgorithm, PleinStore, SiteRecord } from './store/types.js';

export const USAGE = `Usage: plein <command> [options]

Commands:
  serve                 run the server (default port 8787; PORT, PLEIN_PORT or --port)
  migrate               apply database migrations and print the schema version
  sites add <id>        add a site, or change the one with that id (an option given replaces its
                        value, a list as a whole; the others keep theirs): --origin (repeatable),
                        --name, --secret, --guests/--no-guests, --premoderation/--no-premoderation,
                        --algorithm, --public-key, --jwks-file, --banned-word (repeatable) or
                        --no-banned-words, --banned-words-action, --max-links
  sites list            list the sites (--json for JSON)
  export-user           print everything about one member as JSON: --site, --user
  delete-user           erase one member (comments with replies stay as "[deleted]"): --site, --user
  polls create          create a poll from a JSON definition: --site, --file, --author (the member
                        id of the site admin who authors it)

Options for every command:
  --db <url>            sqlite:<file>, <file> or postgres://… (PLEIN_DB); default sqlite:.plein-data/plein.sqlite
  --config <file>       JSON config file (PLEIN_CONFIG): db, port, host, ipSalt, trustProxy, rateLimits, …

Options for serve:
  --port, --host, --ip-salt (PLEIN_IP_SALT), --demo/--no-demo,
  --demo-dir (PLEIN_DEMO_DIR, default demo/site), --cdn-dir (PLEIN_CDN_DIR, default: the
                        package's own script-tag build)
  --trust-proxy         (PLEIN_TRUST_PROXY) behind one reverse proxy: count clients by the last
                        X-Forwarded-For entry, the address that proxy appended
`;

const OPTIONS = {
  db: { type: 'string' },
  config: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  'ip-salt': { type: 'string' },
  'trust-proxy': { type: 'boolean' },
  demo: { type: 'boolean' },
  'no-demo': { type: 'boolean' },
  'demo-dir': { type: 'string' },
  'cdn-dir': { type: 'string' },
  origin: { type: 'string', multiple: true },
  name: { type: 'string' },
  secret: { type: 'string' },
  guests: { type: 'boolean' },
  'no-guests': { type: 'boolean' },
  premoderation: { type: 'boolean' },
  'no-premoderation': { type: 'boolean' },
  algorithm: { type: 'string', multiple: true },
  'public-key': { type: 'string' },
  'jwks-file': { type: 'string' },
  'banned-word': { type: 'string', multiple: true },
  'no-banned-words': { type: 'boolean' },
  'banned-words-action': { type: 'string' },
  'max-links': { type: 'string' },
  site: { type: 'string' },
  user: { type: 'string' },
  file: { type: 'string' },
  author: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

class UsageError extends Error {}

async function withStore<T>(flags: Flags, work: (store: PleinStore) => Promise<T>): Promise<T> {
  const store = await openStore(databaseUrl(flags));
  try {
    await store.migrate();
    return await work(store);
  } finally {
    await store.close();
  }
}

function required(flags: Flags, name: string): string {
  const value = flags[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required.`);
  return value;
}

async function serveCommand(flags: Flags): Promise<number> {
  if (flags['no-demo']) flags['demo'] = false;
  const settings = serveSettings(flags);
  const config = resolveConfig({ log: jsonLineLog, ...settings.server });
  if (!settings.server.ipSalt) config.log({ level: 'warn', msg: 'no PLEIN_IP_SALT: rate limits per IP are counted per instance until one is set' });
  const store = await openStore(settings.db);
  const version = await store.migrate();
  const realtime = createRealtime(store, { onError: (error) => config.log({ level: 'error', msg: 'realtime', error: String(error) }) });
  await realtime.ready;
  const app = createApp({ store, realtime, config });
  const running = await startServer(app, { port: settings.port, ...(settings.host ? { hostname: settings.host } : {}) });
  const origin = running.url.replace(/\/$/, '');
  if (settings.demo && (await seedDemo(store, { origins: [origin, origin.replace('localhost', '127.0.0.1')] }))) {
    config.log({ level: 'info', msg: 'created the demo site', site: 'demo', origins: [origin] });
  }
  config.log({ level: 'info', msg: 'listening', url: running.url, store: store.dialect, schema: version });
  process.stderr.write(`Plein server: ${running.url}\n`);
  closeOnSignals(
    running,
    async () => {
      await realtime.close();
      await store.close();
    },
    config.log,
  );
  return 0;
}

const ALGORITHMS: readonly JwtAlgorithm[] = ['HS256', 'RS256', 'EdDSA'];

/** `--name` or `--no-name`; `undefined` (neither) keeps what the site had, so a change can turn a setting off. */
function toggle(flags: Flags, name: string): boolean | undefined {
  const on = flags[name] === true;
  const off = flags[`no-${name}`] === true;
  if (on && off) throw new UsageError(`--${name} and --no-${name} contradict each other.`);
  return on ? true : off ? false : undefined;
}

function bannedWords(flags: Flags, existing: SiteRecord | null): string[] {
  const words = flags['banned-word'] as string[] | undefined;
  const none = flags['no-banned-words'] === true;
  if (words && none) throw new UsageError('--banned-word and --no-banned-words contradict each other.');
  // A blank word would be a rule nobody can read; emptying the list has its own option.
  if (words?.some((word) => word.trim() === '')) throw new UsageError('--banned-word needs a word; --no-banned-words empties the list.');
  return none ? [] : (words ?? existing?.bannedWords ?? []);
}

function siteFromFlags(id: string, flags: Flags, existing: SiteRecord | null): SiteRecord {
  const origins = (flags['origin'] as string[] | undefined) ?? existing?.origins ?? [];
  for (const origin of origins) {
    if (new URL(origin).origin !== origin) throw new UsageError(`Origins are scheme://host[:port] with nothing after: ${origin}`);
  }
  const algorithms = ((flags['algorithm'] as string[] | undefined) ?? existing?.jwt.algorithms ?? ['HS256']) as JwtAlgorithm[];
  for (const algorithm of algorithms) if (!ALGORITHMS.includes(algorithm)) throw new UsageError(`--algorithm is one of ${ALGORITHMS.join(', ')}.`);
  const publicKeyFile = flags['public-key'] as string | undefined;
  const jwksFile = (flags['jwks-file'] as string | undefined) ?? existing?.jwt.jwksFile;
  const publicKey = publicKeyFile ? readFileSync(publicKeyFile, 'utf8') : existing?.jwt.publicKey;
  const action = (flags['banned-words-action'] as string | undefined) ?? existing?.bannedWordsAction ?? 'reject';
  if (action !== 'reject' && action !== 'pending') throw new UsageError('--banned-words-action is reject or pending.');
  const maxLinks = flags['max-links'] === undefined ? (existing?.maxLinks ?? 5) : Number(flags['max-links']);
  if (!Number.isInteger(maxLinks) || maxLinks < 0) throw new UsageError('--max-links is a whole number.');
  return {
    id,
    name: (flags['name'] as string | undefined) ?? existing?.name ?? id,
    origins,
    secret: (flags['secret'] as string | undefined) ?? existing?.secret ?? randomBytes(32).toString('base64url'),
    jwt: { algorithms, ...(publicKey ? { publicKey } : {}), ...(jwksFile ? { jwksFile } : {}) },
    guests: toggle(flags, 'guests') ?? existing?.guests ?? false,
    premoderation: toggle(flags, 'premoderation') ?? existing?.premoderation ?? false,
    bannedWords: bannedWords(flags, existing),
    bannedWordsAction: action,
    maxLinks,
    createdAt: existing?.createdAt ?? new Date().toISOString(),
  };
}

async function sitesCommand(action: string | undefined, positionals: string[], flags: Flags): Promise<number> {
  if (action === 'list') {
    const sites = await withStore(flags, (store) => store.listSites());
    if (flags['json']) process.stdout.write(`${JSON.stringify(sites.map(({ secret: _secret, ...site }) => site), null, 2)}\n`);
    else for (const site of sites) process.stdout.write(`${site.id}\t${site.name}\t${site.origins.join(' ')}\t${site.jwt.algorithms.join(',')}${site.guests ? '\tguests' : ''}\n`);
    return 0;
  }
  if (action === 'add') {
    const id = positionals[0];
    if (!id || !/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/.test(id)) throw new UsageError('sites add <id>: letters, digits, - and _, up to 100.');
    const site = await withStore(flags, async (store) => {
      const next = siteFromFlags(id, flags, await store.getSite(id));
      await store.putSite(next);
      return next;
    });
    process.stdout.write(`${JSON.stringify({ id: site.id, origins: site.origins, algorithms: site.jwt.algorithms, secret: site.secret })}\n`);
    return 0;
  }
  throw new UsageError('sites add <id> | sites list');
}

/**
 * Erases a member, then tells running servers which threads changed: an event no client sees
 * (no views) on each thread, which makes every instance that hears the journal drop its cached
 * copy at once instead of at the end of its thread cache's lifetime.
 */
async function eraseUser(store: PleinStore, siteId: string, userId: string) {
  const threads = new Set((await store.exportUser(siteId, userId)).comments.map((comment) => comment.thread));
  const result = await store.deleteUser(siteId, userId);
  for (const thread of threads) await store.appendEvent({ siteId, topic: `thread:${thread}`, payload: { v: 1, views: {} } });
  return result;
}

async function pollsCommand(action: string | undefined, flags: Flags): Promise<number> {
  if (action !== 'create') throw new UsageError('polls create --site <id> --file poll.json --author <member id>');
  const siteId = required(flags, 'site');
  const file = required(flags, 'file');
  const author = required(flags, 'author');
  let definition: unknown;
  try {
    definition = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`--file ${file}: ${(error as Error).message}`);
  }
  const poll = await withStore(flags, async (store) => {
    const site = await store.getSite(siteId);
    if (!site) throw new UsageError(`There is no site "${siteId}".`);
    return createPollAsAdmin(store, site, definition, author);
  });
  process.stdout.write(`${JSON.stringify(poll, null, 2)}\n`);
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const flags = parsed.values as Flags;
  const [command, ...rest] = parsed.positionals;
  if (flags['help'] || command === undefined || command === 'help') {
    process.stdout.write(USAGE);
    return command === undefined && !flags['help'] ? 2 : 0;
  }
  try {
    switch (command) {
      case 'serve':
        return await serveCommand(flags);
      case 'migrate': {
        const version = await withStore(flags, (store) => store.migrate());
        process.stdout.write(`schema version ${version}\n`);
        return 0;
      }
      case 'sites':
        return await sitesCommand(rest[0], rest.slice(1), flags);
      case 'export-user': {
        const data = await withStore(flags, (store) => store.exportUser(required(flags, 'site'), required(flags, 'user')));
        process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
        return 0;
      }
      case 'delete-user': {
        const result = await withStore(flags, (store) => eraseUser(store, required(flags, 'site'), required(flags, 'user')));
        process.stdout.write(`${JSON.stringify(result)}\n`);
        return 0;
      }
      case 'polls':
        return await pollsCommand(rest[0], flags);
      default:
        throw new UsageError(`Unknown command: ${command}`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

// Through npm's bin, argv[1] is the symlink node_modules/.bin/plein; Node runs the file it points at.
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  const code = await main(process.argv.slice(2));
  // `serve` keeps running until a signal; the other commands end here.
  if (code !== 0 || process.argv[2] !== 'serve') process.exitCode = code;
}
