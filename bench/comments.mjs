// `node bench/comments.mjs` (after `npm run build`): <plein-comments> in headless Chromium.
//
// Serves dist/cdn (the script-tag build) and a page holding nothing but the script tag and one
// <plein-comments>, on a loopback port. The page runs in demo mode on the memory adapter, whose
// stored data (localStorage) is filled first with a thread of N comments by `seedThread`, loaded
// from dist/memory.js. Reports, per thread size:
// - first frame: from the element's upgrade to the first frame that shows comments;
// - all in the document (the largest thread): until every comment is in the shadow root;
// - the longest main-thread task meanwhile (PerformanceObserver `longtask`);
// - the first comments counted from navigation, over an emulated network with 80 ms round trips,
//   which shows what the order of the page's requests costs;
// and the gzip size of the JS the page loads through the script tag (loader, setup, comments).
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import { adapterChunks, gzipSize, pageClosure } from './sizes.mjs';

const DIST = process.env.PLEIN_DIST ?? 'dist';
const CDN = join(DIST, 'cdn');
const SIZES = (process.env.PLEIN_BENCH_SIZES ?? '50,1000,10000').split(',').map(Number);
const RUNS = Number(process.env.PLEIN_BENCH_RUNS ?? 5);
const TARGETS = { 50: 50, 1000: 100, 10000: 100 };
const LONG_TASK_TARGET = 50;
/** A round trip on a typical connection: what every request the page waits for in turn costs. */
const NETWORK_LATENCY = 80;
const SIZE_TARGET = 16 * 1024;

if (!existsSync(join(CDN, 'plein.js')) || !existsSync(join(DIST, 'memory.js'))) {
  console.error(`No build in ${DIST}/: run \`npm run build\` first.`);
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------
// Sizes: what a page with only <plein-comments> downloads through the script tag.

const page = pageClosure(CDN, 'comments');
const pageSize = gzipSize(page);
const memorySize = gzipSize(adapterChunks(CDN, page, 'memory'));
const httpSize = gzipSize(adapterChunks(CDN, page, 'http'));

// ---------------------------------------------------------------------------------------------
// The pages

const seedPage = `<!doctype html><meta charset="utf-8"><title>seed</title><script type="module">
  const { createMemoryAdapter, seedThread, demoViewers } = await import('/dist/memory.js');
  const count = Number(new URLSearchParams(location.search).get('n'));
  localStorage.clear();
  const adapter = createMemoryAdapter({ namespace: 'plein-demo', persist: true, viewer: demoViewers.moderator,
    seed: seedThread({ thread: 'bench', count, until: new Date() }) });
  // Any write persists the namespace's data; reopening an open thread changes nothing.
  await adapter.lock({ kind: 'thread', id: 'bench' }, false);
  adapter.dispose();
  document.title = 'seeded';
</script>`;

// The measuring script runs before the module script, so it sees the element upgrade.
const benchPage = `<!doctype html><html lang="en"><meta charset="utf-8"><title>bench</title>
<script>
  window.bench = { longTasks: [] };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  const expected = Number(new URLSearchParams(location.search).get('n'));
  customElements.whenDefined('plein-comments').then(() => {
    const element = document.querySelector('plein-comments');
    const upgraded = performance.now();
    window.bench.upgraded = upgraded;
    // Cheap checks, so measuring does not slow down what is measured: one query per frame until
    // the first comment shows, then (by id, O(1)) whether the oldest comment, which the newest-first
    // order renders last, is in; only then the full count.
    const first = () => {
      if (element.shadowRoot?.querySelector('article')) {
        window.bench.firstFrame = performance.now() - upgraded;
        window.bench.firstFrameAt = performance.now();
        all();
      } else requestAnimationFrame(first);
    };
    const all = () => {
      const now = performance.now();
      const root = element.shadowRoot;
      if (root.getElementById('plein-comment-bench-1') && root.querySelectorAll('article').length >= expected) window.bench.all = now - upgraded;
      else requestAnimationFrame(all);
    };
    requestAnimationFrame(first);
  });
</script>
<script type="module" src="/cdn/plein.js"></script>
<body style="margin: 0 auto; max-width: 48em; font-family: system-ui, sans-serif">
<h1>Bench</h1>
<plein-comments thread="bench"></plein-comments>
</body></html>`;

const types = { '.js': 'text/javascript', '.html': 'text/html', '.json': 'application/json', '.map': 'application/json' };

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname === '/seed.html' || url.pathname === '/bench.html') {
    response.setHeader('content-type', 'text/html; charset=utf-8');
    response.end(url.pathname === '/seed.html' ? seedPage : benchPage);
    return;
  }
  // /cdn/… from dist/cdn, /dist/… from dist; nothing outside them.
  const base = url.pathname.startsWith('/cdn/') ? CDN : url.pathname.startsWith('/dist/') ? DIST : null;
  const relative = normalize(url.pathname.replace(/^\/(cdn|dist)\//, ''));
  if (!base || relative.startsWith('..')) {
    response.statusCode = 404;
    response.end();
    return;
  }
  try {
    const body = readFileSync(join(base, relative));
    response.setHeader('content-type', types[extname(relative)] ?? 'application/octet-stream');
    response.end(body);
  } catch {
    response.statusCode = 404;
    response.end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

// ---------------------------------------------------------------------------------------------
// Measuring

const profile = mkdtempSync(join(tmpdir(), 'plein-bench-'));
const browser = await puppeteer.launch({
  executablePath: chromiumPath,
  headless: true,
  userDataDir: profile,
  args: chromiumArgs,
});

/** One run; `latency` (ms per round trip, 10 Mbit/s) emulates a network for the page's requests. */
async function measure(count, latency = 0) {
  // A context of its own per run: a fresh renderer, not one still collecting the last run's garbage.
  const context = await browser.createBrowserContext();
  const tab = await context.newPage();
  await tab.setViewport({ width: 1000, height: 800 });
  const errors = [];
  tab.on('pageerror', (error) => errors.push(error.message));
  await tab.goto(`${origin}/seed.html?n=${count}`);
  await tab.waitForFunction(() => document.title === 'seeded', { timeout: 120_000 });
  if (latency > 0) await tab.emulateNetworkConditions({ download: 10e6 / 8, upload: 10e6 / 8, latency });
  await tab.goto(`${origin}/bench.html?n=${count}`);
  await tab.waitForFunction(() => window.bench.all !== undefined, { timeout: 300_000, polling: 100 });
  // A moment more, so tasks still running when the last comment landed are counted.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const result = await tab.evaluate(() => {
    const { upgraded, firstFrame, firstFrameAt, all, longTasks } = window.bench;
    const longest = (tasks) => Math.max(0, ...tasks.map((task) => task.duration));
    const before = longTasks.filter((task) => task.start + task.duration >= upgraded && task.start < firstFrameAt);
    const after = longTasks.filter((task) => task.start >= firstFrameAt);
    return { firstFrame, firstFrameAt, all, longestBefore: longest(before), longest: longest(after) };
  });
  await context.close();
  if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
  return result;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value) => `${value.toFixed(0).padStart(6)} ms`;
const verdict = (value, target) => (target === undefined ? '' : value <= target ? `  ok (≤ ${target} ms)` : `  OVER (target ≤ ${target} ms)`);

const results = [];
const overNetwork = [];
try {
  // One run first that counts for nothing: a browser just started still sets up its processes and
  // caches, which would fall on the first thread size alone.
  await measure(SIZES[0]);
  for (const count of SIZES) {
    const runs = [];
    for (let run = 0; run < RUNS; run++) runs.push(await measure(count));
    results.push({ count, runs });
  }
  for (let run = 0; run < RUNS; run++) overNetwork.push(await measure(SIZES[0], NETWORK_LATENCY));
} finally {
  await browser.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
}

console.log(`<plein-comments> in headless Chromium (median of ${RUNS} runs)`);
for (const { count, runs } of results) {
  const first = median(runs.map((run) => run.firstFrame));
  console.log(`  first frame, ${String(count).padStart(6)} comments ${ms(first)}${verdict(first, TARGETS[count])}`);
}
const largest = results.at(-1);
if (largest) {
  const all = median(largest.runs.map((run) => run.all));
  const longest = Math.max(...largest.runs.map((run) => run.longest));
  const before = Math.max(...largest.runs.map((run) => run.longestBefore));
  console.log(`  all ${largest.count} comments in the document ${ms(all)}`);
  // The Long Tasks API reports tasks over 50 ms only; none means every task stayed under it.
  const longestText = longest === 0 ? '  none over 50 ms' : ms(longest);
  console.log(`  longest main-thread task meanwhile  ${longestText}${verdict(longest, LONG_TASK_TARGET)} (worst run, first frame to all in)`);
  console.log(`  longest task before the first frame ${ms(before)} (worst run; mostly the demo adapter reading ${largest.count} comments from localStorage)`);
}
const fromNavigation = median(overNetwork.map((run) => run.firstFrameAt));
console.log(`  first comments after navigation, ${NETWORK_LATENCY} ms round trips ${ms(fromNavigation)} (${SIZES[0]} comments, demo mode; the script, its chunks and the adapter's)`);
console.log('Script-tag JS for a page with only <plein-comments> (gzip -9)');
console.log(
  `  loader + setup + comments (lit included) ${String(pageSize).padStart(7)} B  ${pageSize <= SIZE_TARGET ? 'ok' : 'OVER'} (target ≤ ${SIZE_TARGET} B)`,
);
console.log(`  + the memory adapter of demo mode        ${String(memorySize).padStart(7)} B`);
console.log(`  or + the HTTP adapter (data-endpoint)    ${String(httpSize).padStart(7)} B`);
