#!/usr/bin/env node
/**
 * Runs the server on Node: `node --import tsx src/server/serve.ts [--port 8787] [options]`, the
 * same as `plein serve` (see `cli.ts` for every option). Listens on `--port`, `PORT` or
 * `PLEIN_PORT` (default 8787), prints the URL, logs one JSON line per request, and shuts down
 * gracefully on SIGTERM or SIGINT (see `listen.ts`).
 */
import { main } from './cli.js';

const code = await main(['serve', ...process.argv.slice(2)]);
if (code !== 0) process.exitCode = code;
