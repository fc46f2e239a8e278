import { expect } from '@open-wc/testing';
import { topics } from '../../../src/adapter.js';
import { buildMemoryAdapter, type MemoryAdapter } from '../../../src/adapters/memory/adapter.js';
import { DatabaseRegistry } from '../../../src/adapters/memory/registry.js';
import { createMemoryAdapter } from '../../../src/memory.js';
import { clearTestStorage, collect, settle, uniqueNamespace, until } from './memory-helpers.js';

describe('memory adapter: realtime', () => {
  let open: MemoryAdapter[] = [];
  const keep = (adapter: MemoryAdapter) => (open.push(adapter), adapter);

  afterEach(() => {
    open.forEach((adapter) => adapter.dispose());
    open = [];
  });
  after(clearTestStorage);

  it('delivers to another tab through BroadcastChannel, whose data then has the change', async () => {
    const namespace = uniqueNamespace('tabs');
    // Two registries are two tabs: separate in-memory databases, one localStorage.
    const tabA = keep(buildMemoryAdapter(new DatabaseRegistry(), { namespace, persist: true }));
    const tabB = keep(buildMemoryAdapter(new DatabaseRegistry(), { namespace, persist: true }));
    expect(await tabB.getViewer()).to.equal(null);
    const heardInB = collect(tabB, topics.session());
    const guest = await tabA.signInAsGuest({ name: 'Tab Guest' });
    await until(() => heardInB.length === 1);
    expect(heardInB[0]).to.deep.equal({ type: 'viewer-changed', viewer: guest });
    expect(await tabB.getViewer()).to.deep.equal(guest);
  });

  it('does not reach other tabs without persist', async () => {
    const namespace = uniqueNamespace('no-tabs');
    const tabA = keep(buildMemoryAdapter(new DatabaseRegistry(), { namespace }));
    const tabB = keep(buildMemoryAdapter(new DatabaseRegistry(), { namespace }));
    const heardInB = collect(tabB, topics.session());
    await tabA.signInAsGuest({ name: 'Tab Guest' });
    await settle(100);
    expect(heardInB).to.deep.equal([]);
    expect(await tabB.getViewer()).to.equal(null);
  });

  it('resolves the call and reaches later listeners when a listener throws', async () => {
    const adapter = keep(createMemoryAdapter({ namespace: uniqueNamespace('throws') }));
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      adapter.subscribe(topics.session(), () => {
        throw new Error('on purpose');
      });
      const heard = collect(adapter, topics.session());
      await adapter.signInAsGuest({ name: 'Gina' });
      await until(() => heard.length === 1);
      expect(errors.length).to.equal(1);
    } finally {
      console.error = original;
    }
  });

  it('counts the same function subscribed twice as two subscriptions', async () => {
    const adapter = keep(createMemoryAdapter({ namespace: uniqueNamespace('twice') }));
    let calls = 0;
    const listener = () => calls++;
    const first = adapter.subscribe(topics.session(), listener);
    adapter.subscribe(topics.session(), listener);
    first();
    first();
    adapter.setViewer(null);
    await settle();
    expect(calls).to.equal(1);
  });

  it('delivers events only for the subscribed topic', async () => {
    const adapter = keep(createMemoryAdapter({ namespace: uniqueNamespace('topic') }));
    const heard = collect(adapter, topics.thread('post-1'));
    await adapter.signInAsGuest({ name: 'Gina' });
    await settle();
    expect(heard).to.deep.equal([]);
  });

  it('stops delivering to an instance once it is disposed', async () => {
    const namespace = uniqueNamespace('disposed');
    const signer = keep(createMemoryAdapter({ namespace }));
    const leaving = createMemoryAdapter({ namespace });
    const heard = collect(leaving, topics.session());
    leaving.dispose();
    await signer.signInAsGuest({ name: 'Gina' });
    await settle();
    expect(heard).to.deep.equal([]);
    expect(leaving.subscribe(topics.session(), () => {})).to.be.a('function');
  });
});
