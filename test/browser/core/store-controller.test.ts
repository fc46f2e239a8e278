import { expect, fixture, html } from '@open-wc/testing';
import { atom, type WritableAtom } from 'nanostores';
import { property } from 'lit/decorators.js';
import type { TemplateResult } from 'lit';
import type { PleinAdapter } from '../../../src/adapters/contract.js';
import { configure } from '../../../src/core/config.js';
import { PleinElement } from '../../../src/core/plein-element.js';
import { StoreController } from '../../../src/core/store-controller.js';
import { fakeAdapter, resetConfig } from './helpers.js';

interface CounterStore {
  key: string;
  adapter: PleinAdapter;
  $count: WritableAtom<number>;
  disposed: boolean;
}

const created: CounterStore[] = [];

class StoreHost extends PleinElement {
  @property() thread = '';

  readonly store = new StoreController(this, {
    key: () => this.thread,
    create: (key: string, adapter): CounterStore => {
      const store = { key, adapter, $count: atom(0), disposed: false };
      created.push(store);
      return store;
    },
    dispose: (store) => {
      store.disposed = true;
    },
    atoms: (store) => [store.$count],
  });

  protected override render(): TemplateResult {
    const store = this.store.value;
    return html`<p>${store ? `${store.key}@${store.adapter.name}: ${store.$count.get()}` : 'no store'}</p>`;
  }
}
StoreHost.define('test-store-host');

declare global {
  interface HTMLElementTagNameMap {
    'test-store-host': StoreHost;
  }
}

const text = (element: StoreHost): string | undefined => element.shadowRoot?.querySelector('p')?.textContent ?? undefined;

describe('StoreController', () => {
  beforeEach(() => {
    created.length = 0;
    configure({ adapter: fakeAdapter('global') });
  });
  afterEach(resetConfig);

  it('creates the store for the key when the host connects and renders from it', async () => {
    const element = await fixture<StoreHost>(html`<test-store-host thread="a"></test-store-host>`);
    expect(created.map((store) => store.key)).to.deep.equal(['a']);
    expect(text(element)).to.equal('a@global: 0');
  });

  it('switches stores when the key attribute changes, disposing the old one', async () => {
    const element = await fixture<StoreHost>(html`<test-store-host thread="a"></test-store-host>`);
    const first = element.store.value;
    element.setAttribute('thread', 'b');
    await element.updateComplete;
    expect(first?.disposed).to.equal(true);
    expect(element.store.value?.key).to.equal('b');
    expect(element.store.value?.disposed).to.equal(false);
    expect(text(element)).to.equal('b@global: 0');
    // The old store no longer drives renders.
    first?.$count.set(5);
    await element.updateComplete;
    expect(text(element)).to.equal('b@global: 0');
  });

  it('switches stores when the adapter changes', async () => {
    const element = await fixture<StoreHost>(html`<test-store-host thread="a"></test-store-host>`);
    const first = element.store.value;
    configure({ adapter: fakeAdapter('second') });
    await element.updateComplete;
    expect(first?.disposed).to.equal(true);
    expect(text(element)).to.equal('a@second: 0');
  });

  it('re-renders the host when a store atom changes', async () => {
    const element = await fixture<StoreHost>(html`<test-store-host thread="a"></test-store-host>`);
    element.store.value?.$count.set(3);
    await element.updateComplete;
    expect(text(element)).to.equal('a@global: 3');
  });

  it('has no store without a key or without an adapter', async () => {
    const element = await fixture<StoreHost>(html`<test-store-host></test-store-host>`);
    expect(element.store.value).to.equal(undefined);
    configure({ adapter: null });
    element.thread = 'a';
    await element.updateComplete;
    expect(element.store.value).to.equal(undefined);
    expect(text(element)).to.equal('no store');
    expect(created).to.have.length(0);
  });

  it('disposes the store when the host leaves the page', async () => {
    const element = await fixture<StoreHost>(html`<test-store-host thread="a"></test-store-host>`);
    const store = element.store.value;
    element.remove();
    await Promise.resolve();
    expect(store?.disposed).to.equal(true);
    expect(element.store.value).to.equal(undefined);
    expect(store?.$count.lc).to.equal(0);
  });

  it('keeps the store when the host is moved within the page', async () => {
    const element = await fixture<StoreHost>(html`<test-store-host thread="a"></test-store-host>`);
    const store = element.store.value;
    const elsewhere = document.createElement('section');
    document.body.append(elsewhere);
    try {
      elsewhere.append(element);
      await Promise.resolve();
      await element.updateComplete;
      expect(element.store.value === store, 'the same store').to.equal(true);
      expect(store?.disposed).to.equal(false);
      expect(created).to.have.length(1);
    } finally {
      elsewhere.remove();
    }
  });

  it('creates a fresh store when a removed host comes back', async () => {
    const element = await fixture<StoreHost>(html`<test-store-host thread="a"></test-store-host>`);
    const parent = element.parentElement as HTMLElement;
    element.remove();
    await Promise.resolve();
    parent.append(element);
    await element.updateComplete;
    expect(created).to.have.length(2);
    expect(element.store.value === created[1], 'the new store').to.equal(true);
    expect(text(element)).to.equal('a@global: 0');
  });
});
