// `node bench/server.mjs` (after `npm run build`): the reference server under load, on loopback.
//
// Each figure gets its own server process and fresh SQLite folder; the load comes from this
// process (autocannon) or, for SSE, from subscriber processes, so no client shares the server's
// event loop. Figures:
//   1. raw node:http hello world: the machine's ceiling, req/s and p99;
//   2. a thread page (200 comments, `withReplies=true&limit=50`), anonymous and signed in, as a
//      ratio of (1). The readers send `Accept-Encoding` as Chromium does (the server answers with
//      Brotli, kept compressed with the page); the raw baseline stays a plain hello world. For
//      scale, the page's ceiling: the very bytes of one answer (headers and body) sent by a bare
//      node:http server (bench/server/replay.mjs) under the same two loads, as a ratio of (1) too;
//   3. comment posts on SQLite from many members (a distinct token each; rate limits off);
//   4. SSE fan-out: one comment posted, until the last of 5,000 subscribers has it.
// Environment: PLEIN_DIST (default dist), PLEIN_BENCH_SECONDS (default 5),
// PLEIN_BENCH_SUBSCRIBERS (default 5000), PLEIN_BENCH_ROUNDS (default 5), PLEIN_BENCH_ONLY (a
// comma-separated subset of `reads,posts,fanout`; the raw baseline always runs).
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { SITE, memberTokens, startPlein } from './server/plein.mjs';
import { cleanUpNow, forkChild, nextMessage, removeFolder, stopChild, tempFolder } from './server/processes.mjs';

const DIST = process.env.PLEIN_DIST ?? 'dist';
const SECONDS = Number(process.env.PLEIN_BENCH_SECONDS ?? 5);
const SUBSCRIBERS = Number(process.env.PLEIN_BENCH_SUBSCRIBERS ?? 5000);
const ROUNDS = Number(process.env.PLEIN_BENCH_ROUNDS ?? 5);
const CONNECTIONS = 50;
const WARMUP_SECONDS = 1;
const SUBSCRIBER_PROCESSES = 2;
const DEADLINE_MS = 180_000;
const TARGET = { readRatio: 0.6, readP99: 10, posts: 2000, fanout: 150 };
const PARTS = new Set((process.env.PLEIN_BENCH_ONLY ?? 'reads,posts,fanout').split(',').map((part) => part.trim()));
/** What Chromium sends with every request. */
const BROWSER_ENCODINGS = 'gzip, deflate, br, zstd';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

if (!existsSync(join(DIST, 'server/cli.js'))) {
  console.error(`No server build in ${DIST}/server/: run \`npm run build\` first.`);
  process.exit(1);
}

// The server holds one descriptor per SSE subscriber; child processes inherit this limit.
const fdLimit = Number(spawnSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).stdout.trim());
if (PARTS.has('fanout') && Number.isFinite(fdLimit) && fdLimit < SUBSCRIBERS + 500) {
  console.error(`ulimit -n is ${fdLimit}: ${SUBSCRIBERS} SSE subscribers need more than ${SUBSCRIBERS + 500} (e.g. \`ulimit -n 20000\`).`);
  process.exit(1);
}

process.on('exit', cleanUpNow);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));
const deadline = setTimeout(() => {
  console.error(`bench/server.mjs: still running after ${DEADLINE_MS / 1000} s; stopping.`);
  process.exit(1);
}, DEADLINE_MS);

// ---------------------------------------------------------------------------------------------

function cannon(options) {
  return new Promise((resolve, reject) => {
    autocannon({ connections: CONNECTIONS, pipelining: 1, ...options }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/** A warm-up (JIT, caches), then the measured run: successes per second and p99. */
async function load(options) {
  await cannon({ ...options, duration: WARMUP_SECONDS });
  const result = await cannon({ ...options, duration: SECONDS });
  const failed = result.non2xx + result.errors + result.timeouts;
  return { perSecond: result['2xx'] / result.duration, p99: result.latency.p99, failed, total: result.requests.total };
}

async function startBare(script, args = []) {
  const child = forkChild(here(script), args, { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const port = await nextMessage(child, (m) => (m.type === 'listening' ? m.port : undefined), 10_000, script);
  return { origin: `http://127.0.0.1:${port}`, stop: () => stopChild(child) };
}

const startHello = () => startBare('./server/hello.mjs');

async function call(origin, method, path, token, body) {
  const headers = { Authorization: token ? `Bearer ${token}` : 'Anonymous' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${origin}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status}: ${text}`);
  return text === '' ? undefined : JSON.parse(text);
}

const commentsOf = (thread) => `/v1/sites/${SITE}/threads/${encodeURIComponent(thread)}/comments`;

// ---------------------------------------------------------------------------------------------

async function raw() {
  const server = await startHello();
  try {
    return await load({ url: `${server.origin}/` });
  } finally {
    await server.stop();
  }
}

/** 100 top-level comments, each with one reply, by 200 members. */
async function seedThread(origin, thread) {
  const tokens = await memberTokens(200);
  const tops = [];
  for (let i = 0; i < 100; i += 1) tops.push(await call(origin, 'POST', commentsOf(thread), tokens[i], { body: `Comment ${i}: a sentence or two of an ordinary length, the kind people write under a post.` }));
  for (let i = 0; i < 100; i += 1) await call(origin, 'POST', commentsOf(thread), tokens[100 + i], { body: `Reply ${i}: I agree with most of this.`, parentId: tops[i].comment.id });
}

/** One answer to a read as a browser makes it: status, headers as sent (less those node:http adds), body bytes, coding. */
function recorded(url) {
  return new Promise((resolve, reject) => {
    get(url, { headers: { 'Accept-Encoding': BROWSER_ENCODINGS } }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => {
        const headers = [];
        for (let i = 0; i < response.rawHeaders.length; i += 2) {
          if (!/^(date|connection|keep-alive)$/i.test(response.rawHeaders[i])) headers.push([response.rawHeaders[i], response.rawHeaders[i + 1]]);
        }
        const body = Buffer.concat(chunks);
        resolve({ status: response.statusCode, headers, body, length: body.length, coding: response.headers['content-encoding'] ?? 'identity' });
      });
    }).on('error', reject);
  });
}

/** The recorded answer, sent by a bare node:http server to the same loads. */
async function replayed(answer, path) {
  const dir = tempFolder('plein-bench-replay-');
  const file = join(dir, 'answer.json');
  writeFileSync(file, JSON.stringify({ status: answer.status, headers: answer.headers, body: answer.body.toString('base64') }));
  const server = await startBare('./server/replay.mjs', [file]);
  try {
    return await readLoads(server.origin, path, await memberTokens(500, 10_000));
  } finally {
    await server.stop();
    removeFolder(dir);
  }
}

/** The two read loads: anonymous readers, and 500 readers signed in, each with their own token (verified once, then recalled). */
async function readLoads(origin, path, tokens) {
  const anonymous = await load({ url: `${origin}${path}`, headers: { 'Accept-Encoding': BROWSER_ENCODINGS } });
  let next = 0;
  const signedIn = await load({
    url: origin,
    requests: [
      {
        method: 'GET',
        path,
        setupRequest: (request) => ({ ...request, headers: { 'Accept-Encoding': BROWSER_ENCODINGS, Authorization: `Bearer ${tokens[next++ % tokens.length]}` } }),
      },
    ],
  });
  return { anonymous, signedIn };
}

async function reads() {
  const server = await startPlein(DIST);
  try {
    const thread = 'bench-page';
    await seedThread(server.origin, thread);
    const path = `${commentsOf(thread)}?withReplies=true&limit=50`;
    const bytes = Buffer.byteLength(await (await fetch(`${server.origin}${path}`)).text());
    const sent = await recorded(`${server.origin}${path}`);
    const page = await call(server.origin, 'GET', path);
    const shown = page.items.length;
    const replies = page.items.filter((item) => item.parentId !== null).length;
    if (shown !== 100 || replies !== 50) throw new Error(`the page shows ${shown} comments, ${replies} of them replies; expected 50 with one reply each`);
    const { anonymous, signedIn } = await readLoads(server.origin, path, await memberTokens(500, 10_000));
    return { anonymous, signedIn, shown, bytes, sent, path };
  } finally {
    await server.stop();
  }
}

async function posts() {
  const server = await startPlein(DIST);
  try {
    // 5,000 members over 100 threads: no token or thread repeats within 50 consecutive posts.
    const tokens = await memberTokens(5000);
    let next = 0;
    return await load({
      url: server.origin,
      requests: [
        {
          method: 'POST',
          setupRequest: (request) => {
            const n = next++;
            return {
              ...request,
              path: commentsOf(`bench-${n % 100}`),
              headers: { Authorization: `Bearer ${tokens[n % tokens.length]}`, 'Content-Type': 'application/json' },
              body: JSON.stringify({ body: `Post ${n}: a sentence or two of an ordinary length, the kind people write under a post.` }),
            };
          },
        },
      ],
    });
  } finally {
    await server.stop();
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
};

async function fanout() {
  const server = await startPlein(DIST);
  const subscribers = [];
  try {
    const thread = 'bench-live';
    const [token] = await memberTokens(1, 20_000);
    await call(server.origin, 'POST', commentsOf(thread), token, { body: 'The first comment.' });
    const url = `${server.origin}/v1/sites/${SITE}/events?topics=${encodeURIComponent(`thread:${thread}`)}`;
    const share = Math.ceil(SUBSCRIBERS / SUBSCRIBER_PROCESSES);
    for (let i = 0; i < SUBSCRIBER_PROCESSES; i += 1) {
      const count = Math.min(share, SUBSCRIBERS - i * share);
      subscribers.push(forkChild(here('./server/subscribers.mjs'), [url, String(count)], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] }));
    }
    const opened = await Promise.all(subscribers.map((child) => nextMessage(child, (m) => (m.type === 'ready' ? m.open : undefined), 40_000, 'subscribers')));
    const health = await call(server.origin, 'GET', '/healthz');
    const open = opened.reduce((a, b) => a + b, 0);
    if (health.streams !== open) throw new Error(`the server holds ${health.streams} streams, the subscribers ${open}`);

    const round = async (i) => {
      await Promise.all(subscribers.map((child) => (child.send({ type: 'arm' }), nextMessage(child, (m) => (m.type === 'armed' ? true : undefined), 5_000, 'arm'))));
      const received = Promise.all(subscribers.map((child) => nextMessage(child, (m) => (m.type === 'received' ? m : undefined), 10_000, 'fan-out')));
      const start = process.hrtime.bigint();
      await call(server.origin, 'POST', commentsOf(thread), token, { body: `Live comment ${i}.` });
      const acknowledged = process.hrtime.bigint();
      const answers = await received;
      const count = answers.reduce((sum, m) => sum + m.count, 0);
      const last = answers.reduce((max, m) => (BigInt(m.last) > max ? BigInt(m.last) : max), 0n);
      const ms = (t) => Number(t - start) / 1e6;
      return { count, ack: ms(acknowledged), last: ms(last) };
    };
    await round(-1); // warm-up
    const rounds = [];
    for (let i = 0; i < ROUNDS; i += 1) {
      rounds.push(await round(i));
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return { open, rounds, median: median(rounds.map((r) => r.last)), complete: rounds.every((r) => r.count === open) };
  } finally {
    await Promise.all(subscribers.map((child) => stopChild(child, 2_000)));
    await server.stop();
  }
}

// ---------------------------------------------------------------------------------------------

const started = Date.now();
const rawResult = await raw();
const readResult = PARTS.has('reads') ? await reads() : null;
const ceiling = readResult ? await replayed(readResult.sent, readResult.path) : null;
const postResult = PARTS.has('posts') ? await posts() : null;
const fanoutResult = PARTS.has('fanout') ? await fanout() : null;

const int = (n) => Math.round(n).toLocaleString('en-US');
const pct = (n) => `${(n * 100).toFixed(0)} %`;
const verdict = (ok, failed) => (failed ? `FAIL (${failed} errors)` : ok ? 'pass' : 'FAIL');
const readRow = (name, r) => [
  name,
  `${int(r.perSecond)} req/s = ${pct(r.perSecond / rawResult.perSecond)} of raw; p99 ${r.p99} ms`,
  `≥ ${pct(TARGET.readRatio)}; p99 ≤ ${TARGET.readP99} ms`,
  verdict(r.perSecond / rawResult.perSecond >= TARGET.readRatio && r.p99 <= TARGET.readP99, r.failed),
];
const ceilingRow = (name, r) => [
  `  the same answer's bytes from a bare node:http server, ${name}`,
  `${int(r.perSecond)} req/s = ${pct(r.perSecond / rawResult.perSecond)} of raw; p99 ${r.p99} ms`,
  'ceiling, for scale',
  r.failed ? verdict(true, r.failed) : '—',
];
const pageName = (r) => `thread page (${r.shown} comments, ${(r.bytes / 1024).toFixed(0)} KiB JSON, ${(r.sent.length / 1024).toFixed(1)} KiB ${r.sent.coding})`;
const rows = [
  ['raw node:http hello world', `${int(rawResult.perSecond)} req/s; p99 ${rawResult.p99} ms`, 'baseline', rawResult.failed ? verdict(true, rawResult.failed) : '—'],
  ...(readResult
    ? [
        readRow(`${pageName(readResult)}, anonymous`, readResult.anonymous),
        readRow(`${pageName(readResult)}, signed in`, readResult.signedIn),
        ceilingRow('anonymous', ceiling.anonymous),
        ceilingRow('signed in', ceiling.signedIn),
      ]
    : []),
  ...(postResult
    ? [
        [
          'comment posts, SQLite',
          `${int(postResult.perSecond)} posts/s = ${pct(postResult.perSecond / TARGET.posts)} of target; p99 ${postResult.p99} ms`,
          `≥ ${int(TARGET.posts)} posts/s`,
          verdict(postResult.perSecond >= TARGET.posts, postResult.failed),
        ],
      ]
    : []),
  ...(fanoutResult
    ? [
        [
          `SSE fan-out to ${int(fanoutResult.open)}`,
          `median ${fanoutResult.median.toFixed(1)} ms = ${pct(fanoutResult.median / TARGET.fanout)} of budget (rounds ${fanoutResult.rounds.map((r) => r.last.toFixed(0)).join(', ')}; post acked at ${median(fanoutResult.rounds.map((r) => r.ack)).toFixed(1)} ms)`,
          `≤ ${TARGET.fanout} ms`,
          fanoutResult.complete ? verdict(fanoutResult.median <= TARGET.fanout) : 'FAIL (some subscribers missed it)',
        ],
      ]
    : []),
];

console.log(
  `Server on loopback: ${CONNECTIONS} connections, ${SECONDS} s per run after ${WARMUP_SECONDS} s warm-up; Node ${process.version}, ${availableParallelism()} CPUs (load and server share them)`,
);
const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i].length), ['figure', 'value', 'target'][i].length));
const line = (row) => `  ${row.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]) : cell)).join('  ')}`;
console.log(line(['figure', 'value', 'target', 'verdict']));
for (const row of rows) console.log(line(row));
console.log(`  (${((Date.now() - started) / 1000).toFixed(0)} s)`);
clearTimeout(deadline);
