// `node bench/first-view.mjs` (after `npm run build`): how long a visitor waits for the widgets
// of the demo site (the page `npm start` serves: one script tag with `data-endpoint`, a poll and
// comments on the real server), counted from navigation, over an emulated network whose round
// trips take 80 ms. It shows what the order of the page's requests costs: the loader, the chunks,
// the HTTP adapter and the API reads each wait for what came before them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import { startDemoServer } from '../scripts/demo-server.mjs';

const LATENCY = 80;
const RUNS = Number(process.env.PLEIN_BENCH_RUNS ?? 5);
const dir = mkdtempSync(join(tmpdir(), 'plein-first-view-'));
const server = await startDemoServer({ dist: process.env.PLEIN_DIST ?? 'dist', dir });
const browser = await puppeteer.launch({ executablePath: chromiumPath, args: chromiumArgs });

/** Milliseconds from navigation until each widget shows its content: a comment, a poll option. */
async function visit() {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.emulateNetworkConditions({ download: 10e6 / 8, upload: 10e6 / 8, latency: LATENCY });
  await page.goto(server.url);
  const shown = await page.waitForFunction(
    () => {
      const seen = (window.__shown ??= {});
      const now = performance.now();
      if (!seen.comments && document.querySelector('plein-comments')?.shadowRoot?.querySelector('article')) seen.comments = now;
      if (!seen.poll && document.querySelector('plein-poll')?.shadowRoot?.querySelector('input')) seen.poll = now;
      return seen.comments && seen.poll ? seen : false;
    },
    { polling: 'raf', timeout: 30_000 },
  );
  const result = await shown.jsonValue();
  await context.close();
  return result;
}

const runs = [];
try {
  for (let run = 0; run < RUNS; run++) runs.push(await visit());
} finally {
  await browser.close();
  server.stop();
  rmSync(dir, { recursive: true, force: true });
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value) => `${value.toFixed(0).padStart(6)} ms`;
console.log(`Demo site on the real server, ${LATENCY} ms round trips, 10 Mbit/s (median of ${RUNS} visits, from navigation)`);
console.log(`  first poll option shown            ${ms(median(runs.map((run) => run.poll)))}`);
console.log(`  first comment shown                ${ms(median(runs.map((run) => run.comments)))}`);
