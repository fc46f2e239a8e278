/**
 * The whole adapter conformance kit through the HTTP adapter against a live server (real fetch,
 * real SSE over loopback), on SQLite and, when PLEIN_TEST_POSTGRES_URL is set, on PostgreSQL.
 * Each kit namespace is a site of its own; the personas sign in with member JWTs signed by that
 * site (a fresh one for every request, as a site refreshing short tokens would); the thread
 * fixtures are set through the admin thread-settings endpoint; guest sessions live in one shared
 * storage, as in the `localStorage` every tab of a site shares.
 */
import { after, before, describe, it } from 'node:test';
import { createHttpAdapter } from '../../../../src/http.js';
import { runAdapterConformance } from '../../../../src/testing/index.js';
import { STORES, sharedStorage, startLiveServer, type LiveServer } from './live-server.js';

for (const target of STORES) {
  describe(`HTTP adapter against a live server on ${target.name}`, () => {
    let server: LiveServer;
    const guestStorage = sharedStorage();

    before(async () => {
      server = await startLiveServer(target);
    });
    after(() => server.close());

    runAdapterConformance({
      name: `http on ${target.name}`,
      describe,
      it,
      timeout: 5000,
      persistent: true,
      factory: async ({ namespace, viewer, threads }) => {
        const site = namespace.slice(0, 100);
        await server.prepare(site, threads);
        return createHttpAdapter({
          endpoint: server.url,
          site,
          token: viewer ? () => server.token(site, viewer) : null,
          guestStorage,
          realtime: { debounceMs: 5 },
        });
      },
    });
  });
}
