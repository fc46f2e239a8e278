import { expect, fixture, html } from '@open-wc/testing';
import { configure } from '../../../src/core/config.js';
import { pageObserverListenerCount } from '../../../src/core/page-observer.js';
import { mount, type ProbeElement, resetConfig, settle } from './helpers.js';

const root = document.documentElement;

function term(element: ProbeElement): string | null | undefined {
  return element.shadowRoot?.querySelector('.term')?.textContent;
}

describe('language resolution', () => {
  let savedLang: string | null;
  let savedDir: string | null;
  beforeEach(() => {
    savedLang = root.getAttribute('lang');
    savedDir = root.getAttribute('dir');
    root.removeAttribute('lang');
    root.removeAttribute('dir');
  });
  afterEach(() => {
    resetConfig();
    if (savedLang === null) root.removeAttribute('lang');
    else root.setAttribute('lang', savedLang);
    if (savedDir === null) root.removeAttribute('dir');
    else root.setAttribute('dir', savedDir);
  });

  it('falls back to English when nothing says otherwise', async () => {
    const element = await fixture<ProbeElement>(html`<test-plein-probe></test-plein-probe>`);
    expect(element.effectiveLang).to.equal('en');
    expect(term(element)).to.equal('Loading…');
  });

  it('uses configure() lang when the page declares none', async () => {
    configure({ lang: 'nl' });
    const element = await fixture<ProbeElement>(html`<test-plein-probe></test-plein-probe>`);
    expect(element.effectiveLang).to.equal('nl');
  });

  it('prefers <html lang> over configure() lang', async () => {
    configure({ lang: 'nl' });
    root.setAttribute('lang', 'en-GB');
    const element = await fixture<ProbeElement>(html`<test-plein-probe></test-plein-probe>`);
    expect(element.effectiveLang).to.equal('en-GB');
  });

  it('prefers the nearest ancestor lang, across shadow roots, over <html lang>', async () => {
    root.setAttribute('lang', 'en');
    const outer = await mount<HTMLDivElement>(html`<div lang="nl-BE"><div class="host"></div></div>`);
    const host = outer.querySelector('.host') as HTMLDivElement;
    const shadow = host.attachShadow({ mode: 'open' });
    const element = document.createElement('test-plein-probe');
    shadow.append(element);
    await element.updateComplete;
    expect(element.effectiveLang).to.equal('nl-BE');
    // nl-BE has no dictionary of its own: its base language answers.
    expect(term(element)).to.equal('Laden…');
  });

  it('prefers its own lang over everything, and falls back to English for unknown languages', async () => {
    root.setAttribute('lang', 'nl');
    const element = await fixture<ProbeElement>(html`<test-plein-probe lang="sw"></test-plein-probe>`);
    expect(element.effectiveLang).to.equal('sw');
    expect(term(element)).to.equal('Loading…');
  });

  it('ignores an empty or malformed lang and keeps looking upwards', async () => {
    configure({ lang: 'nl' });
    const outer = await mount<HTMLDivElement>(
      html`<div lang=""><test-plein-probe lang="not a tag!"></test-plein-probe></div>`,
    );
    const element = outer.querySelector('test-plein-probe') as ProbeElement;
    expect(element.effectiveLang).to.equal('nl');
  });

  it('re-renders live when <html lang> changes', async () => {
    root.setAttribute('lang', 'en');
    const element = await fixture<ProbeElement>(html`<test-plein-probe></test-plein-probe>`);
    expect(term(element)).to.equal('Loading…');
    root.setAttribute('lang', 'nl');
    await settle(element);
    expect(term(element)).to.equal('Laden…');
    expect(element.shadowRoot?.querySelector('p')?.getAttribute('lang')).to.equal('nl');
  });

  it('re-renders live when configure() changes the language after rendering', async () => {
    const element = await fixture<ProbeElement>(html`<test-plein-probe></test-plein-probe>`);
    configure({ lang: 'nl' });
    await settle(element);
    expect(term(element)).to.equal('Laden…');
  });

  it('shares one page observer between all elements and releases it when they leave', async () => {
    const before = pageObserverListenerCount();
    const outer = await mount<HTMLDivElement>(
      html`<div><test-plein-probe></test-plein-probe><test-plein-probe></test-plein-probe></div>`,
    );
    // One listener per element and per localize controller, all on the one observer.
    expect(pageObserverListenerCount()).to.equal(before + 4);
    outer.remove();
    expect(pageObserverListenerCount()).to.equal(before);
  });
});

describe('direction', () => {
  let savedLang: string | null;
  let savedDir: string | null;
  beforeEach(() => {
    savedLang = root.getAttribute('lang');
    savedDir = root.getAttribute('dir');
    root.setAttribute('lang', 'en');
    root.removeAttribute('dir');
  });
  afterEach(() => {
    resetConfig();
    if (savedLang === null) root.removeAttribute('lang');
    else root.setAttribute('lang', savedLang);
    if (savedDir === null) root.removeAttribute('dir');
    else root.setAttribute('dir', savedDir);
  });

  for (const lang of ['ar', 'he', 'fa', 'ur']) {
    it(`is rtl for lang="${lang}" on an ltr page and lays itself out rtl`, async () => {
      root.setAttribute('dir', 'ltr');
      const element = await fixture<ProbeElement>(html`<test-plein-probe lang=${lang}></test-plein-probe>`);
      expect(element.dir).to.equal('rtl');
      expect(element.matches(':state(rtl)')).to.equal(true);
      expect(getComputedStyle(element).direction).to.equal('rtl');
    });
  }

  it('is ltr for an English widget inside an Arabic page', async () => {
    root.setAttribute('lang', 'ar');
    root.setAttribute('dir', 'rtl');
    const element = await fixture<ProbeElement>(html`<test-plein-probe lang="en"></test-plein-probe>`);
    expect(element.dir).to.equal('ltr');
    expect(getComputedStyle(element).direction).to.equal('ltr');
  });

  it('follows the nearest [dir] over a language further up', async () => {
    root.setAttribute('lang', 'ar');
    const outer = await mount<HTMLDivElement>(html`<div dir="ltr"><test-plein-probe></test-plein-probe></div>`);
    const element = outer.querySelector('test-plein-probe') as ProbeElement;
    expect(element.dir).to.equal('ltr');
  });

  it('follows its own dir attribute, which setting dir writes', async () => {
    const element = await fixture<ProbeElement>(html`<test-plein-probe></test-plein-probe>`);
    element.dir = 'rtl';
    expect(element.getAttribute('dir')).to.equal('rtl');
    expect(element.dir).to.equal('rtl');
  });

  it('turns rtl live when <html dir> changes', async () => {
    const element = await fixture<ProbeElement>(html`<test-plein-probe></test-plein-probe>`);
    expect(element.matches(':state(ltr)')).to.equal(true);
    root.setAttribute('dir', 'rtl');
    await settle(element);
    expect(element.matches(':state(rtl)')).to.equal(true);
    expect(element.shadowRoot?.querySelector('p')?.getAttribute('dir')).to.equal('rtl');
  });

  it('follows its own dir attribute set or changed live, in its states and its layout', async () => {
    const element = await fixture<ProbeElement>(html`<test-plein-probe></test-plein-probe>`);
    element.setAttribute('dir', 'rtl');
    await settle(element);
    expect(element.matches(':state(rtl)')).to.equal(true);
    expect(getComputedStyle(element).direction).to.equal('rtl');
    element.setAttribute('dir', 'ltr');
    await settle(element);
    expect(element.matches(':state(ltr)')).to.equal(true);
    expect(getComputedStyle(element).direction).to.equal('ltr');
  });

  it('turns rtl live when the dir of a container it sits in changes', async () => {
    const outer = await mount<HTMLElement>(html`<main><test-plein-probe></test-plein-probe></main>`);
    const element = outer.querySelector('test-plein-probe') as ProbeElement;
    expect(element.matches(':state(ltr)')).to.equal(true);
    outer.setAttribute('dir', 'rtl');
    await settle(element);
    expect(element.matches(':state(rtl)')).to.equal(true);
  });

  it('takes the direction of configure() lang when the page declares none', async () => {
    root.removeAttribute('lang');
    configure({ lang: 'ar' });
    const element = await fixture<ProbeElement>(html`<test-plein-probe></test-plein-probe>`);
    expect(element.dir).to.equal('rtl');
  });

  it('renders accessibly in rtl', async () => {
    const element = await fixture<ProbeElement>(html`<test-plein-probe lang="ar"></test-plein-probe>`);
    await expect(element).to.be.accessible();
  });
});
