import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/components/provider/provider.js';
import '../../../src/components/comments/comments.js';
import { createMemoryAdapter } from '../../../src/adapters/memory/index.js';
import { PleinProvider } from '../../../src/components/provider/provider.component.js';
import { configure } from '../../../src/core/config.js';
import { until } from '../support/shadow.js';
import { fakeAdapter, mount, type ProbeElement, resetConfig, settle, uniqueTag } from '../core/helpers.js';

const adapterName = (element: ProbeElement): string | null | undefined =>
  element.shadowRoot?.querySelector('.adapter')?.textContent;

describe('<plein-provider>', () => {
  afterEach(resetConfig);

  it('scopes two subtrees to two adapters, with configure() for the rest of the page', async () => {
    const left = fakeAdapter('left');
    const right = fakeAdapter('right');
    configure({ adapter: fakeAdapter('global') });
    const page = await mount<HTMLDivElement>(html`<div>
      <plein-provider .adapter=${left}><test-plein-probe id="a"></test-plein-probe></plein-provider>
      <plein-provider .adapter=${right}><div><test-plein-probe id="b"></test-plein-probe></div></plein-provider>
      <test-plein-probe id="c"></test-plein-probe>
    </div>`);
    const [a, b, c] = ['a', 'b', 'c'].map((id) => page.querySelector(`#${id}`) as ProbeElement);
    expect(a?.adapter === left, 'a gets left').to.equal(true);
    expect(b?.adapter === right, 'b gets right').to.equal(true);
    expect(c?.adapter?.name).to.equal('global');
    expect(a && adapterName(a)).to.equal('left');
    expect(b && adapterName(b)).to.equal('right');
  });

  it('hands the adapter to elements in the shadow roots of its descendants', async () => {
    const adapter = fakeAdapter('scoped');
    const provider = await fixture<PleinProvider>(html`<plein-provider .adapter=${adapter}><div></div></plein-provider>`);
    const host = provider.querySelector('div') as HTMLDivElement;
    const probe = document.createElement('test-plein-probe');
    host.attachShadow({ mode: 'open' }).append(probe);
    await probe.updateComplete;
    expect(probe.adapter === adapter, 'the scoped adapter').to.equal(true);
  });

  it('switches its subtree to a new adapter when its adapter property changes', async () => {
    const provider = await fixture<PleinProvider>(
      html`<plein-provider .adapter=${fakeAdapter('one')}><test-plein-probe></test-plein-probe></plein-provider>`,
    );
    const probe = provider.querySelector('test-plein-probe') as ProbeElement;
    provider.adapter = fakeAdapter('two');
    await probe.updateComplete;
    expect(adapterName(probe)).to.equal('two');
  });

  it('falls back to configure() when it has no adapter, and follows a later configure()', async () => {
    const provider = await fixture<PleinProvider>(
      html`<plein-provider lang="nl"><test-plein-probe></test-plein-probe></plein-provider>`,
    );
    const probe = provider.querySelector('test-plein-probe') as ProbeElement;
    expect(probe.adapter?.name).to.equal(undefined);
    configure({ adapter: fakeAdapter('late-global') });
    await settle(probe);
    expect(adapterName(probe)).to.equal('late-global');
  });

  it('lets a nested provider override the language while inheriting the outer adapter', async () => {
    const outerAdapter = fakeAdapter('outer');
    const outer = await fixture<PleinProvider>(html`<plein-provider .adapter=${outerAdapter} theme="dark">
      <plein-provider lang="nl"><test-plein-probe></test-plein-probe></plein-provider>
    </plein-provider>`);
    const probe = outer.querySelector('test-plein-probe') as ProbeElement;
    await settle(probe);
    expect(probe.adapter === outerAdapter, 'the outer adapter').to.equal(true);
    expect(probe.effectiveLang).to.equal('nl');
    expect(probe.effectiveTheme).to.equal('dark');
  });

  it('scopes language and theme to its subtree, live, below the element’s own settings', async () => {
    configure({ theme: 'light' });
    const provider = await fixture<PleinProvider>(html`<plein-provider lang="nl" theme="dark">
      <test-plein-probe id="inherits"></test-plein-probe>
      <test-plein-probe id="own" theme="light" lang="en"></test-plein-probe>
    </plein-provider>`);
    const inherits = provider.querySelector('#inherits') as ProbeElement;
    const own = provider.querySelector('#own') as ProbeElement;
    await settle(inherits);
    expect(inherits.matches(':state(dark)')).to.equal(true);
    expect(inherits.shadowRoot?.querySelector('.term')?.textContent).to.equal('Laden…');
    expect(own.effectiveTheme).to.equal('light');
    expect(own.effectiveLang).to.equal('en');

    provider.lang = 'en';
    provider.theme = 'light';
    await provider.updateComplete;
    await settle(inherits);
    expect(provider.getAttribute('lang')).to.equal('en');
    expect(inherits.matches(':state(light)')).to.equal(true);
    expect(inherits.shadowRoot?.querySelector('.term')?.textContent).to.equal('Loading…');
  });

  it('gives a widget with its own strings the language set as a property before it joined the page', async () => {
    const provider = document.createElement('plein-provider');
    provider.lang = 'nl';
    provider.adapter = createMemoryAdapter({ namespace: `provider-lang-${Date.now()}` });
    const comments = document.createElement('plein-comments');
    comments.thread = 'provider-lang';
    provider.append(comments);
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    host.append(provider);
    const said = () => comments.shadowRoot?.querySelector('[part~="base"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    await until(() => said().includes('Nog geen reacties. Begin het gesprek.'), 'the Dutch empty thread', 3000);
    expect(said()).to.not.include('No comments');
  });

  it("sets no lang attribute when it is given no language, so its content keeps the page's", async () => {
    const provider = await fixture<PleinProvider>(html`<plein-provider><p>Page text</p></plein-provider>`);
    await provider.updateComplete;
    expect(provider.hasAttribute('lang')).to.equal(false);
    provider.lang = 'nl';
    await provider.updateComplete;
    expect(provider.getAttribute('lang')).to.equal('nl');
    provider.lang = '';
    await provider.updateComplete;
    expect(provider.hasAttribute('lang')).to.equal(false);
  });

  it('reaches elements that were on the page before the provider was defined', async () => {
    const tag = uniqueTag('test-late-provider');
    const adapter = fakeAdapter('late');
    const page = await mount<HTMLDivElement>(html`<div></div>`);
    const provider = document.createElement(tag) as PleinProvider;
    provider.adapter = adapter;
    const probe = document.createElement('test-plein-probe');
    provider.append(probe);
    page.append(provider);
    await probe.updateComplete;
    expect(probe.adapter?.name).to.equal(undefined);

    class LateProvider extends PleinProvider {}
    LateProvider.define(tag);
    await settle(probe);
    // Names, not objects: a failing deep comparison of adapters makes a poor report.
    expect(probe.adapter?.name).to.equal('late');
    expect(adapterName(probe)).to.equal('late');
  });

  it('lets an element moved out of its subtree fall back to configure()', async () => {
    configure({ adapter: fakeAdapter('global') });
    const provider = await fixture<PleinProvider>(
      html`<plein-provider .adapter=${fakeAdapter('scoped')}><test-plein-probe></test-plein-probe></plein-provider>`,
    );
    const probe = provider.querySelector('test-plein-probe') as ProbeElement;
    provider.after(probe);
    try {
      await settle(probe);
      expect(probe.adapter?.name).to.equal('global');
    } finally {
      probe.remove();
    }
  });

  it('draws nothing and leaves the page content inside it unstyled', async () => {
    const provider = await fixture<PleinProvider>(
      html`<plein-provider theme="dark"><p style="color: rgb(1, 2, 3)">Page text</p><span>inherits</span></plein-provider>`,
    );
    expect(getComputedStyle(provider).display).to.equal('contents');
    const span = provider.querySelector('span') as HTMLSpanElement;
    expect(getComputedStyle(span).color).to.equal(getComputedStyle(provider.parentElement as HTMLElement).color);
    await expect(provider).to.be.accessible();
  });

  it('is accessible with a Plein element inside', async () => {
    const provider = await fixture<PleinProvider>(
      html`<plein-provider .adapter=${fakeAdapter('a')} theme="dark"><test-plein-probe></test-plein-probe></plein-provider>`,
    );
    await expect(provider).to.be.accessible();
  });

  it('defines plein-provider once, however often its module or define() runs', () => {
    expect(customElements.get('plein-provider')).to.equal(PleinProvider);
    expect(() => PleinProvider.define('plein-provider')).not.to.throw();
  });
});
