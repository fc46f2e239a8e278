/**
 * Server renderers (Next, Nuxt, SvelteKit, Astro) import a page's modules in Node, where there is
 * no DOM: every published entry must load there, defining nothing it cannot. `plein` and
 * `plein/poll` threw "HTMLElement is not defined".
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { componentEntries, libraryEntries } from '../../../scripts/entries.mjs';

describe('the published entries in Node, without a DOM', () => {
  for (const [name, source] of Object.entries({ ...libraryEntries, ...componentEntries() })) {
    it(`imports ${name === 'index' ? 'plein' : `plein/${name}`}`, async () => {
      assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
      await import(`../../../${source}`);
    });
  }
});
