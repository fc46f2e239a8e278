/**
 * Settings for `plein serve` (and the other commands' `--db`), from, in order of precedence:
 * command-line flags, `PLEIN_*` environment variables, a JSON config file (`--config` or
 * `PLEIN_CONFIG`), defaults. Documented in the README and in `plein --help`.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import type { ServerConfigInput } from './config.js';

export const DEFAULT_DB = 'sqlite:.plein-data/plein.sqlite';
export const DEFAULT_PORT = 8787;

export interface ServeSettings {
  db: string;
  /** The database was not configured: the zero-set-up default, which gets the demo site. */
  defaultDb: boolean;
  port: number;
  host: string | undefined;
  /** Create the demo site and content when the database has no site. */
  demo: boolean;
  server: ServerConfigInput;
}

/** The JSON config file: the same names as the flags, camelCased, plus the finer server settings. */
export interface ConfigFile extends ServerConfigInput {
  db?: string;
  port?: number;
  host?: string;
  demo?: boolean;
}

export type Flags = Record<string, string | boolean | string[] | undefined>;

function readConfigFile(path: string | undefined): ConfigFile {
  if (!path) return {};
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`${path}: expected a JSON object.`);
  return parsed as ConfigFile;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

function bool(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string' || value === '') return undefined;
  return /^(1|true|yes|on)$/i.test(value);
}

function port(value: unknown): number | undefined {
  if (value === undefined || value === '') return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0 || number > 65535) throw new Error(`Not a port: ${String(value)}`);
  return number;
}

/**
 * The IP-hash salt of a SQLite database lives next to it, so restarts keep counting the same
 * client as the same. Several instances (PostgreSQL) must be given one with `PLEIN_IP_SALT`.
 */
function sqliteSalt(db: string): string | undefined {
  const file = db.startsWith('sqlite:') ? db.slice('sqlite:'.length) : /^postgres(ql)?:/i.test(db) ? '' : db;
  if (file === '' || file === ':memory:') return undefined;
  const saltFile = resolve(dirname(file), 'ip-salt');
  if (existsSync(saltFile)) return readFileSync(saltFile, 'utf8').trim();
  mkdirSync(dirname(saltFile), { recursive: true });
  const salt = randomBytes(32).toString('base64url');
  writeFileSync(saltFile, `${salt}\n`, { mode: 0o600 });
  chmodSync(saltFile, 0o600);
  return salt;
}

/**
 * The script-tag build of the package this server comes with: `dist/cdn` beside `dist/server/cli.js`,
 * wherever the package is installed (the working folder is the site owner's, not the package's).
 * `null` where there is none (the server run from its sources).
 */
export function bundledCdnDir(moduleUrl: string): string | null {
  const dir = join(dirname(fileURLToPath(moduleUrl)), '..', 'cdn');
  return existsSync(join(dir, 'plein.js')) ? dir : null;
}

export function serveSettings(flags: Flags, env: NodeJS.ProcessEnv = process.env): ServeSettings {
  const file = readConfigFile(text(flags['config']) ?? text(env['PLEIN_CONFIG']));
  const configuredDb = text(flags['db']) ?? text(env['PLEIN_DB']) ?? text(file.db);
  const db = configuredDb ?? DEFAULT_DB;
  const demoDir = text(flags['demo-dir']) ?? text(env['PLEIN_DEMO_DIR']) ?? file.demoDir ?? (existsSync('demo/site') ? 'demo/site' : null);
  const cdnDir =
    text(flags['cdn-dir']) ?? text(env['PLEIN_CDN_DIR']) ?? file.cdnDir ?? bundledCdnDir(import.meta.url) ?? (existsSync('dist/cdn') ? 'dist/cdn' : null);
  const { db: _db, port: _port, host: _host, demo: _demo, ...server } = file;
  const ipSalt = text(flags['ip-salt']) ?? text(env['PLEIN_IP_SALT']) ?? file.ipSalt ?? sqliteSalt(db);
  const trustProxy = bool(flags['trust-proxy']) ?? bool(env['PLEIN_TRUST_PROXY']) ?? file.trustProxy;
  const demo = bool(flags['demo']) ?? bool(env['PLEIN_DEMO']) ?? file.demo ?? configuredDb === undefined;
  return {
    db,
    defaultDb: configuredDb === undefined,
    port: port(flags['port']) ?? port(env['PLEIN_PORT']) ?? port(env['PORT']) ?? file.port ?? DEFAULT_PORT,
    host: text(flags['host']) ?? text(env['PLEIN_HOST']) ?? file.host,
    demo,
    server: {
      ...server,
      demoSignIn: demo,
      demoDir: demoDir === null ? null : resolve(demoDir),
      cdnDir: cdnDir === null ? null : resolve(cdnDir),
      ...(ipSalt === undefined ? {} : { ipSalt }),
      ...(trustProxy === undefined ? {} : { trustProxy }),
    },
  };
}

/** Just the database, for the commands other than `serve`. */
export function databaseUrl(flags: Flags, env: NodeJS.ProcessEnv = process.env): string {
  return text(flags['db']) ?? text(env['PLEIN_DB']) ?? text(readConfigFile(text(flags['config']) ?? text(env['PLEIN_CONFIG'])).db) ?? DEFAULT_DB;
}
