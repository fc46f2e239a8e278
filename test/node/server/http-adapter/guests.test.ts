/**
 * Guest sessions through the HTTP adapter against the live server: the proof-of-work solved by
 * the adapter, the session kept in `guestStorage` for the next page load, forgotten on sign-out
 * or when the server stops accepting it, and a member's token winning over it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { topics, type RealtimeEvent } from '../../../../src/adapters/contract.js';
import type { GuestStorage } from '../../../../src/adapters/http/options.js';
import { createHttpAdapter, type HttpAdapter } from '../../../../src/http.js';
import { recordingFetch } from './helpers.js';
import { personas, sharedStorage, sqlite, startLiveServer, type LiveServer } from './live-server.js';

describe('HTTP adapter guest sessions against the live server', () => {
  let server: LiveServer;
  const site = 'guests-site';
  const adapters: HttpAdapter[] = [];
  const open = (guestStorage: GuestStorage | null, extra: Partial<Parameters<typeof createHttpAdapter>[0]> = {}) => {
    const adapter = createHttpAdapter({ endpoint: server.url, site, guestStorage, ...extra });
    adapters.push(adapter);
    return adapter;
  };

  before(async () => {
    server = await startLiveServer(sqlite, { config: { guests: { powMaxCounter: 5000 } } });
    await server.prepare(site, [], { guests: true });
  });
  after(async () => {
    for (const adapter of adapters) adapter.dispose();
    await server.close();
  });

  it('solves the challenge and keeps the session for the next page load, which sends the guest token', async () => {
    const storage = sharedStorage();
    const recorder = recordingFetch();
    const guest = await open(storage, { fetch: recorder.fetch }).signInAsGuest({ name: 'Gus Guest' });
    assert.deepEqual(
      recorder.requests.map((request) => `${request.method} ${request.url.pathname.replace(`/v1/sites/${site}`, '')}`),
      ['GET /guest/challenge', 'POST /guest'],
    );
    assert.equal(recorder.requests[1]!.headers.get('Authorization'), 'Anonymous');
    const stored = JSON.parse([...storage.values.values()][0]!) as { token: string; viewer: { id: string }; expiresAt: string };
    assert.equal(stored.viewer.id, guest.id);
    assert.ok(Date.parse(stored.expiresAt) > Date.now());

    const reloaded = recordingFetch();
    const viewer = await open(storage, { fetch: reloaded.fetch }).getViewer();
    assert.equal(viewer?.id, guest.id);
    assert.equal(viewer?.guest, true);
    assert.equal(reloaded.requests[0]!.headers.get('Authorization'), `Bearer ${stored.token}`);
  });

  it('spares the proof-of-work for a name the server would refuse anyway', async () => {
    const recorder = recordingFetch();
    await assert.rejects(open(null, { fetch: recorder.fetch }).signInAsGuest({ name: 'G'.repeat(51) }), { code: 'invalid' });
    assert.equal(recorder.requests.length, 0);
  });

  it('forgets the stored session on signOut, telling session listeners', async () => {
    const storage = sharedStorage();
    const adapter = open(storage);
    const heard: RealtimeEvent[] = [];
    adapter.subscribe(topics.session(), (event) => heard.push(event));
    await adapter.signInAsGuest({ name: 'Leaving Soon' });
    await adapter.signOut();
    assert.equal(storage.values.size, 0);
    assert.deepEqual(
      heard.map((event) => (event.type === 'viewer-changed' ? event.viewer?.name ?? null : event.type)),
      ['Leaving Soon', null],
    );
    assert.equal(await open(storage).getViewer(), null);
  });

  it('forgets a session the server no longer accepts (the guest was erased) and goes on as an anonymous visitor', async () => {
    const storage = sharedStorage();
    const adapter = open(storage);
    const guest = await adapter.signInAsGuest({ name: 'Erase Me' });
    const heard: RealtimeEvent[] = [];
    adapter.subscribe(topics.session(), (event) => heard.push(event));
    await server.store.deleteUser(site, guest.id);
    assert.equal(await adapter.getViewer(), null, 'the read is tried again anonymously');
    assert.equal(storage.values.size, 0);
    assert.deepEqual(heard, [{ type: 'viewer-changed', viewer: null }]);
  });

  it('ignores and removes a stored session that has expired', async () => {
    const storage = sharedStorage();
    const first = open(storage);
    await first.signInAsGuest({ name: 'Old Guest' });
    const [key, value] = [...storage.values.entries()][0]!;
    storage.values.set(key, JSON.stringify({ ...JSON.parse(value), expiresAt: new Date(Date.now() - 1000).toISOString() }));
    assert.equal(await open(storage).getViewer(), null);
    assert.equal(storage.values.size, 0);
  });

  it('lets a member’s token win over a stored guest session', async () => {
    const storage = sharedStorage();
    await open(storage).signInAsGuest({ name: 'Before Signing Up' });
    const member = open(storage, { token: () => server.token(site, personas.member) });
    assert.equal((await member.getViewer())?.id, personas.member.id);
    const posted = await member.postComment({ thread: 'guests', body: 'As a member now.', guestName: 'Ignored' });
    assert.equal(posted.author.id, personas.member.id);
  });

  it('keeps the session for this page when the storage throws', async () => {
    const broken: GuestStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    const adapter = open(broken);
    const guest = await adapter.signInAsGuest({ name: 'No Storage' });
    assert.equal((await adapter.getViewer())?.id, guest.id);
    await adapter.signOut();
    assert.equal(await adapter.getViewer(), null);
  });
});
