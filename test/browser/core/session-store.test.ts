import { expect, waitUntil } from '@open-wc/testing';
import { AdapterError } from '../../../src/adapters/errors.js';
import type { Viewer } from '../../../src/adapters/contract.js';
import { createSessionStore, sessionStoreFor, type SessionStore } from '../../../src/stores/session.js';
import { ada, fakeAdapter } from './helpers.js';

/** Listens like a component would; returns the stop function. */
function watch(store: SessionStore): () => void {
  const stops = [store.$viewer.listen(() => {}), store.$status.listen(() => {})];
  return () => stops.forEach((stop) => stop());
}

describe('session store', () => {
  it('loads the viewer when first listened to', async () => {
    const adapter = fakeAdapter('a', { viewer: ada });
    const store = createSessionStore(adapter);
    expect(adapter.calls).to.deep.equal([]);
    const stop = watch(store);
    expect(store.$status.get()).to.equal('loading');
    await waitUntil(() => store.$status.get() === 'ready');
    expect(store.$viewer.get()).to.deep.equal(ada);
    stop();
    store.dispose();
  });

  it('reports a failed load as an AdapterError in $error, mapping foreign errors', async () => {
    const adapter = fakeAdapter('a', { getViewer: () => Promise.reject(new TypeError('Failed to fetch')) });
    const store = createSessionStore(adapter);
    await store.load();
    expect(store.$status.get()).to.equal('error');
    expect(store.$error.get()).to.be.instanceOf(AdapterError);
    expect(store.$error.get()?.code).to.equal('network');
  });

  it('keeps an AdapterError from the adapter as it is', async () => {
    const failure = new AdapterError('unavailable', 'down');
    const store = createSessionStore(fakeAdapter('a', { getViewer: () => Promise.reject(failure) }));
    await store.load();
    expect(store.$error.get()).to.equal(failure);
  });

  it('follows viewer-changed on the session topic while listened to, when the adapter has realtime', async () => {
    const adapter = fakeAdapter('a', { realtime: true });
    const store = createSessionStore(adapter);
    const stop = watch(store);
    await waitUntil(() => store.$status.get() === 'ready');
    expect(adapter.listenerCount('session')).to.equal(1);
    adapter.emit('session', { type: 'viewer-changed', viewer: ada });
    expect(store.$viewer.get()).to.deep.equal(ada);
    stop();
    store.dispose();
    expect(adapter.listenerCount('session')).to.equal(0);
  });

  it('does not let a slow load overwrite a newer viewer from realtime', async () => {
    let resolveLoad: (viewer: Viewer | null) => void = () => {};
    const adapter = fakeAdapter('a', {
      realtime: true,
      getViewer: () => new Promise((resolve) => (resolveLoad = resolve)),
    });
    const store = createSessionStore(adapter);
    const stop = watch(store);
    adapter.emit('session', { type: 'viewer-changed', viewer: ada });
    resolveLoad(null);
    await waitUntil(() => store.$status.get() === 'ready');
    expect(store.$viewer.get()).to.deep.equal(ada);
    stop();
    store.dispose();
  });

  it('loads once, not again on every bare get() or re-listen', async () => {
    const adapter = fakeAdapter('a', { viewer: ada });
    const store = createSessionStore(adapter);
    await store.load();
    store.$viewer.get();
    watch(store)();
    watch(store)();
    expect(adapter.calls).to.deep.equal(['getViewer']);
    await store.load();
    expect(adapter.calls).to.deep.equal(['getViewer', 'getViewer']);
  });

  it('signs out and clears the viewer', async () => {
    const store = createSessionStore(fakeAdapter('a', { viewer: ada }));
    await store.load();
    await store.signOut();
    expect(store.$viewer.get()).to.equal(null);
  });

  it('rejects a failed sign-out with an AdapterError and keeps the viewer', async () => {
    const adapter = fakeAdapter('a', { viewer: ada, signOut: () => Promise.reject(new Error('boom')) });
    const store = createSessionStore(adapter);
    await store.load();
    let caught: unknown;
    await store.signOut().catch((error: unknown) => (caught = error));
    expect(AdapterError.is(caught)).to.equal(true);
    expect((caught as AdapterError).code).to.equal('unavailable');
    expect(store.$viewer.get()).to.deep.equal(ada);
  });

  it('signs in a guest by name when the adapter allows guests', async () => {
    const store = createSessionStore(fakeAdapter('a', { guests: true }));
    const viewer = await store.signInAsGuest('Grace');
    expect(viewer.guest).to.equal(true);
    expect(store.$viewer.get()?.name).to.equal('Grace');
    expect(store.$status.get()).to.equal('ready');
  });

  it('refuses guest sign-in with forbidden when the adapter has no guests', async () => {
    const adapter = fakeAdapter('a', { guests: false });
    const store = createSessionStore(adapter);
    let caught: unknown;
    await store.signInAsGuest('Grace').catch((error: unknown) => (caught = error));
    expect((caught as AdapterError).code).to.equal('forbidden');
    expect(adapter.calls).not.to.include('signInAsGuest');
  });

  it('shares one store per adapter', () => {
    const adapter = fakeAdapter('a');
    expect(sessionStoreFor(adapter)).to.equal(sessionStoreFor(adapter));
    expect(sessionStoreFor(fakeAdapter('b'))).not.to.equal(sessionStoreFor(adapter));
  });
});
