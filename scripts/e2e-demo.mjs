// Run by `npm test` after the build: what `npm start` gives a newcomer, end to end. Starts the
// built `plein` server on a fresh SQLite file with its demo site, opens the demo page in two
// separate browser profiles (Debian's Chromium), and checks that a visitor's poll vote and guest
// comment, sent by the script-tag build through the HTTP adapter, reach the other visitor live,
// and that the other visitor, signed in without a reload, can report that comment as a member and
// see the report and hide the comment as a moderator.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from './chromium.mjs';
import { startDemoServer } from './demo-server.mjs';

const DEADLINE_MS = 90_000;
const dir = mkdtempSync(join(tmpdir(), 'plein-e2e-'));
let server;
let browser;
const cleanUp = () => {
  server?.stop();
  rmSync(dir, { recursive: true, force: true });
};
process.on('exit', cleanUp);
setTimeout(() => fail(`still running after ${DEADLINE_MS / 1000} s`), DEADLINE_MS).unref();

function fail(message) {
  console.error(`FAIL e2e demo: ${message}`);
  void browser?.close();
  process.exit(1);
}

server = await startDemoServer({ dir, onExit: (code, output) => fail(`the server exited (${code}):\n${output}`) }).catch((error) => fail(error.message));
const { url } = server;

browser = await puppeteer.launch({ executablePath: chromiumPath, args: chromiumArgs });
const problems = [];
async function visitor(name) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`${name}: ${error}`));
  page.on('console', (message) => {
    // Failed requests are reported with their address by the response listener below.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`${name}: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) problems.push(`${name}: ${response.status()} ${response.url()}`);
  });
  await page.goto(url, { waitUntil: 'load' });
  return page;
}
const shadowText = (page, tag) =>
  page.evaluate((selector) => (document.querySelector(selector)?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' '), tag);
async function until(page, tag, pattern, what) {
  const deadline = Date.now() + 20_000;
  while (!pattern.test(await shadowText(page, tag))) {
    if (Date.now() > deadline) fail(`${what}: <${tag}> shows "${(await shadowText(page, tag)).slice(0, 400)}"`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const ada = await visitor('first visitor');
const bo = await visitor('second visitor');
for (const page of [ada, bo]) {
  await until(page, 'plein-poll', /Which day should the market move to\?.*Vote/, 'the poll');
  await until(page, 'plein-comments', /Welcome|comment/i, 'the comments');
}

// A poll vote (device integrity: no account needed); results show after voting, live elsewhere.
await ada.locator('plein-poll >>> input[value="friday"]').click();
await ada.locator('plein-poll >>> [part~="submit"]').click();
await until(ada, 'plein-poll', /Friday \(your choice\) 100\s?%/, 'the first visitor\'s results');
await until(bo, 'plein-poll', /1 vote/, 'the ballot count at the second visitor');

// A guest comment: the form loads on intent, asks a name, and posts after the proof of work.
const body = `Hello from the end-to-end check ${Date.now()}`;
await ada.locator('plein-comments >>> [part~="composer-new"] textarea').click();
await ada.waitForFunction(() => document.querySelector('plein-comments')?.shadowRoot?.querySelector('[part~="name-input"]'), { timeout: 20_000 });
await ada.locator('plein-comments >>> [part~="name-input"]').fill('Ada Visitor');
await ada.locator('plein-comments >>> [part~="composer-new"] textarea').fill(body);
await ada.locator('plein-comments >>> [part~="composer-new"] [part~="submit"]').click();
await until(ada, 'plein-comments', new RegExp(body), 'the posted comment at its writer');
await until(bo, 'plein-comments', /1 new comment/, 'the live notice at the second visitor');

// A sign-in without a reload (the demo's bar stands in for a site's own sign-in, handing Plein a
// token through data-token): the second visitor becomes Ada, a member, and reports the comment;
// then Noor, a moderator, who sees the report and hides the comment.
await bo.select('#sign-in-as', 'demo-ada');
await bo.locator('plein-comments >>> [aria-label="Report comment by Ada Visitor"]').click();
await bo.waitForFunction(() => document.querySelector('plein-comments')?.shadowRoot?.querySelector('dialog[open] input[value="spam"]'), { timeout: 20_000 });
await bo.click('plein-comments >>> dialog input[value="spam"]');
await bo.click('plein-comments >>> dialog .button.primary');
await until(bo, 'plein-comments', /Thank you\. A moderator will look at it\./, 'the report sent');
await bo.select('#sign-in-as', 'demo-noor');
await until(bo, 'plein-comments', /Close comments/, 'the moderator controls after signing in');
await until(bo, 'plein-comments', /1 to review.*Reported once: Spam or advertising/, 'the report at the moderator');
await bo.locator('plein-comments >>> [aria-label="Hide comment by Ada Visitor"]').click();
await until(bo, 'plein-comments', /Ada Visitor.*Hidden/, 'the hidden mark at the moderator');
// Signed out again, a visitor no longer sees the hidden comment.
await bo.select('#sign-in-as', '');
await until(bo, 'plein-comments', new RegExp(`^(?!.*${body}).*Welcome`), 'the hidden comment gone for a visitor');

await browser.close();
if (problems.length > 0) fail(`errors in the pages:\n  ${problems.join('\n  ')}`);
console.log('ok   e2e demo: a poll vote and a guest comment reach another visitor live; a member reports it and a moderator, signed in without a reload, sees the report and hides it');
server.stop();
process.exit(0);
