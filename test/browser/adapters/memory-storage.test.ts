import { expect } from '@open-wc/testing';
import { createMemoryAdapter, storageKey, type MemoryAdapter } from '../../../src/memory.js';
import { captureWarnings, clearTestStorage, uniqueNamespace } from './memory-helpers.js';

describe('memory adapter: storage', () => {
  let open: MemoryAdapter[] = [];
  let warnings: ReturnType<typeof captureWarnings>;
  const make = (namespace: string) => {
    const adapter = createMemoryAdapter({ namespace, persist: true });
    open.push(adapter);
    return adapter;
  };

  beforeEach(() => (warnings = captureWarnings()));
  afterEach(() => {
    warnings.restore();
    open.forEach((adapter) => adapter.dispose());
    open = [];
  });
  after(clearTestStorage);

  it('stores a namespace under its own versioned key', async () => {
    const namespace = uniqueNamespace('key');
    expect(storageKey(namespace)).to.equal(`plein:memory:v1:${namespace}`);
    const guest = await make(namespace).signInAsGuest({ name: 'Gina' });
    const stored = JSON.parse(localStorage.getItem(storageKey(namespace)) ?? 'null');
    expect(stored).to.deep.equal({ version: 1, slices: { session: { guest } } });
  });

  it('writes nothing until something changes', async () => {
    const namespace = uniqueNamespace('lazy');
    await make(namespace).getViewer();
    expect(localStorage.getItem(storageKey(namespace))).to.equal(null);
  });

  it('starts from the seed on corrupt JSON, warns, and then stores valid data again', async () => {
    const namespace = uniqueNamespace('corrupt');
    localStorage.setItem(storageKey(namespace), '{"slices": {"session": ');
    const adapter = make(namespace);
    expect(await adapter.getViewer()).to.equal(null);
    expect(warnings.messages.some((message) => message.includes('corrupt JSON'))).to.equal(true);
    await adapter.signInAsGuest({ name: 'Gina' });
    expect(JSON.parse(localStorage.getItem(storageKey(namespace)) ?? '{}').slices.session.guest.name).to.equal('Gina');
  });

  it('starts from the seed and warns when the key holds something else', async () => {
    const namespace = uniqueNamespace('foreign');
    localStorage.setItem(storageKey(namespace), '[1, 2, 3]');
    expect(await make(namespace).getViewer()).to.equal(null);
    expect(warnings.messages.some((message) => message.includes('does not hold Plein data'))).to.equal(true);
  });

  it('ignores an unusable stored guest session and warns', async () => {
    const namespace = uniqueNamespace('bad-guest');
    localStorage.setItem(storageKey(namespace), JSON.stringify({ version: 1, slices: { session: { guest: { name: 7 } } } }));
    expect(await make(namespace).getViewer()).to.equal(null);
    expect(warnings.messages.some((message) => message.includes('"session" data is unusable'))).to.equal(true);
  });

  it('keeps working in memory when storage is full, warning once', async () => {
    const namespace = uniqueNamespace('full');
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    try {
      const adapter = make(namespace);
      const guest = await adapter.signInAsGuest({ name: 'Gina' });
      await adapter.signInAsGuest({ name: 'Gina Again' });
      expect((await adapter.getViewer())?.name).to.equal('Gina Again');
      expect(guest.name).to.equal('Gina');
      expect(warnings.messages.filter((message) => message.includes('storage full')).length).to.equal(1);
    } finally {
      Storage.prototype.setItem = setItem;
    }
    expect(localStorage.getItem(storageKey(namespace))).to.equal(null);
  });

  it('keeps working without persistence when localStorage cannot even be reached', async () => {
    const descriptor = Object.getOwnPropertyDescriptor(window, 'localStorage');
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
    try {
      const adapter = make(uniqueNamespace('no-storage'));
      expect((await adapter.signInAsGuest({ name: 'Gina' })).name).to.equal('Gina');
      expect(warnings.messages.some((message) => message.includes('localStorage is not available'))).to.equal(true);
    } finally {
      if (descriptor) Object.defineProperty(window, 'localStorage', descriptor);
      else delete (window as { localStorage?: unknown }).localStorage;
    }
  });
});
