import { expect, fixture, html } from '@open-wc/testing';
import { configure } from '../../../src/core/config.js';
import { PleinElement } from '../../../src/core/plein-element.js';
import { ProbeElement, fakeAdapter, probeTag, resetConfig, uniqueTag } from './helpers.js';

describe('PleinElement.define', () => {
  afterEach(resetConfig);

  it('does nothing when the same class defines the same tag again', () => {
    const tag = uniqueTag();
    class Widget extends PleinElement {}
    Widget.define(tag);
    expect(() => Widget.define(tag)).not.to.throw();
    expect(customElements.get(tag)).to.equal(Widget);
  });

  it('keeps the first class and warns when a second copy of the bundle defines the tag', () => {
    const tag = uniqueTag();
    class First extends PleinElement {}
    class SecondCopy extends PleinElement {}
    First.define(tag);
    const warnings: unknown[][] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      expect(() => SecondCopy.define(tag)).not.to.throw();
    } finally {
      console.warn = original;
    }
    expect(customElements.get(tag)).to.equal(First);
    expect(String(warnings[0]?.[0])).to.contain(tag);
  });

  it('defines one class under a second tag through a subclass, and stays quiet on repeats', () => {
    const [a, b] = [uniqueTag(), uniqueTag()];
    class Widget extends PleinElement {}
    Widget.define(a);
    Widget.define(b);
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      Widget.define(b);
    } finally {
      console.warn = original;
    }
    expect(document.createElement(b)).to.be.instanceOf(Widget);
    expect(warnings).to.have.length(0);
  });
});

describe('PleinElement properties set before the element was defined', () => {
  afterEach(resetConfig);

  it('picks up theme, readonly, lang and adapter assigned to the not-yet-upgraded element', async () => {
    const tag = uniqueTag();
    const element = document.createElement(tag) as ProbeElement;
    const adapter = fakeAdapter('early');
    Object.assign(element, { theme: 'dark', readonly: true, adapter });
    element.lang = 'nl';
    document.body.append(element);
    try {
      class Late extends ProbeElement {}
      Late.define(tag);
      await element.updateComplete;
      expect(element.theme).to.equal('dark');
      expect(element.matches(':state(dark)')).to.equal(true);
      expect(element.readonly).to.equal(true);
      expect(element.hasAttribute('readonly')).to.equal(true);
      expect(element.effectiveLang).to.equal('nl');
      expect(element.adapter === adapter, 'the early adapter').to.equal(true);
      expect(element.shadowRoot?.querySelector('.term')?.textContent).to.equal('Laden…');
      // The early value must not hide the accessor: clearing it falls back to configure() and re-renders.
      configure({ adapter: fakeAdapter('global') });
      element.adapter = null;
      await element.updateComplete;
      expect((element as ProbeElement).adapter?.name).to.equal('global');
      expect(element.shadowRoot?.querySelector('.adapter')?.textContent).to.equal('global');
    } finally {
      element.remove();
    }
  });
});

describe('PleinElement basics', () => {
  afterEach(resetConfig);

  it('renders accessibly with the shared host styles', async () => {
    const element = await fixture<ProbeElement>(html`<test-plein-probe></test-plein-probe>`);
    expect(getComputedStyle(element).display).to.equal('block');
    expect(element.localName).to.equal(probeTag);
    await expect(element).to.be.accessible();
  });

  it('reflects readonly so pages can style it', async () => {
    const element = await fixture<ProbeElement>(html`<test-plein-probe></test-plein-probe>`);
    element.readonly = true;
    await element.updateComplete;
    expect(element.hasAttribute('readonly')).to.equal(true);
  });

  it('hides itself with the hidden attribute even though :host is display block', async () => {
    const element = await fixture<ProbeElement>(html`<test-plein-probe hidden></test-plein-probe>`);
    expect(getComputedStyle(element).display).to.equal('none');
  });

  it('prefers its own adapter property over configure()', async () => {
    const global = fakeAdapter('global');
    const own = fakeAdapter('own');
    configure({ adapter: global });
    const element = await fixture<ProbeElement>(html`<test-plein-probe></test-plein-probe>`);
    expect(element.adapter?.name).to.equal('global');
    element.adapter = own;
    await element.updateComplete;
    expect(element.shadowRoot?.querySelector('.adapter')?.textContent).to.equal('own');
    element.adapter = null;
    await element.updateComplete;
    expect(element.shadowRoot?.querySelector('.adapter')?.textContent).to.equal('global');
  });
});
