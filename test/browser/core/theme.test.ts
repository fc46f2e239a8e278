import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import { configure } from '../../../src/core/config.js';
import { PleinElement } from '../../../src/core/plein-element.js';
import { mount, type ProbeElement, resetConfig, settle } from './helpers.js';

const root = document.documentElement;

class NestingElement extends PleinElement {
  protected override render(): TemplateResult {
    return html`<test-plein-probe></test-plein-probe>`;
  }
}
NestingElement.define('test-plein-nesting');

function surface(element: Element): string {
  return getComputedStyle(element).getPropertyValue('--_color-surface').trim();
}

describe('theme', () => {
  beforeEach(async () => {
    await emulateMedia({ colorScheme: 'light' });
  });
  afterEach(async () => {
    resetConfig();
    root.style.removeProperty('color-scheme');
    document.querySelectorAll('[data-test-theme]').forEach((node) => node.remove());
    await emulateMedia({ colorScheme: 'light' });
  });

  it('switches the tokens with the :state(dark) custom state', async () => {
    const light = await fixture<ProbeElement>(html`<test-plein-probe theme="light"></test-plein-probe>`);
    const dark = await fixture<ProbeElement>(html`<test-plein-probe theme="dark"></test-plein-probe>`);
    expect(light.matches(':state(light)')).to.equal(true);
    expect(dark.matches(':state(dark)')).to.equal(true);
    expect(surface(light)).to.equal('#ffffff');
    expect(surface(dark)).to.equal('#17191c');
    expect(getComputedStyle(dark).colorScheme).to.equal('dark');
  });

  it('lets the element theme win over configure(), which wins over auto', async () => {
    configure({ theme: 'dark' });
    const inherits = await fixture<ProbeElement>(html`<test-plein-probe></test-plein-probe>`);
    const own = await fixture<ProbeElement>(html`<test-plein-probe theme="light"></test-plein-probe>`);
    const ownAuto = await fixture<ProbeElement>(html`<test-plein-probe theme="auto"></test-plein-probe>`);
    expect(inherits.effectiveTheme).to.equal('dark');
    expect(own.effectiveTheme).to.equal('light');
    expect(ownAuto.effectiveTheme).to.equal('light');
  });

  it('follows a later configure() theme live', async () => {
    const element = await fixture<ProbeElement>(html`<test-plein-probe></test-plein-probe>`);
    expect(element.matches(':state(light)')).to.equal(true);
    configure({ theme: 'dark' });
    await settle(element);
    expect(element.matches(':state(dark)')).to.equal(true);
  });

  it('ignores an unknown theme value and falls back to the next source', async () => {
    configure({ theme: 'dark' });
    const element = await fixture<ProbeElement>(html`<test-plein-probe theme="blue"></test-plein-probe>`);
    expect(element.effectiveTheme).to.equal('dark');
  });

  it('in auto, follows a page that declares color-scheme: dark, live', async () => {
    const element = await fixture<ProbeElement>(html`<test-plein-probe></test-plein-probe>`);
    expect(element.effectiveTheme).to.equal('light');
    root.style.colorScheme = 'dark';
    await settle(element);
    expect(element.matches(':state(dark)')).to.equal(true);
    root.style.colorScheme = 'light';
    await settle(element);
    expect(element.matches(':state(light)')).to.equal(true);
  });

  it('in auto, follows a dark-mode class the page toggles on <html> through a stylesheet', async () => {
    const style = document.createElement('style');
    style.dataset.testTheme = '';
    style.textContent = 'html.test-dark-mode { color-scheme: only dark; }';
    document.head.append(style);
    const element = await fixture<ProbeElement>(html`<test-plein-probe></test-plein-probe>`);
    root.classList.add('test-dark-mode');
    try {
      await settle(element);
      expect(element.effectiveTheme).to.equal('dark');
    } finally {
      root.classList.remove('test-dark-mode');
    }
    await settle(element);
    expect(element.effectiveTheme).to.equal('light');
  });

  it('in auto, follows <meta name="color-scheme" content="dark"> added later', async () => {
    const element = await fixture<ProbeElement>(html`<test-plein-probe></test-plein-probe>`);
    const meta = document.createElement('meta');
    meta.name = 'color-scheme';
    meta.content = 'dark';
    meta.dataset.testTheme = '';
    document.head.append(meta);
    await settle(element);
    expect(element.effectiveTheme).to.equal('dark');
    meta.content = 'light dark';
    await settle(element);
    expect(element.effectiveTheme).to.equal('light');
  });

  it('in auto, follows the color-scheme of the container it sits in', async () => {
    const outer = await mount<HTMLDivElement>(
      html`<div style="color-scheme: dark"><test-plein-probe></test-plein-probe></div>`,
    );
    expect((outer.firstElementChild as ProbeElement).effectiveTheme).to.equal('dark');
  });

  it('in auto, follows a dark-mode class toggled live on the container it sits in', async () => {
    const style = Object.assign(document.createElement('style'), { textContent: '.night { color-scheme: dark }' });
    style.dataset.testTheme = '';
    document.head.append(style);
    const outer = await mount<HTMLElement>(html`<main><test-plein-probe></test-plein-probe></main>`);
    const element = outer.firstElementChild as ProbeElement;
    expect(element.effectiveTheme).to.equal('light');
    outer.classList.add('night');
    await settle(element);
    expect(element.effectiveTheme).to.equal('dark');
    outer.classList.remove('night');
    await settle(element);
    expect(element.effectiveTheme).to.equal('light');
  });

  it('in auto, follows a stylesheet added to <body> that declares the page dark', async () => {
    const element = await fixture<ProbeElement>(html`<test-plein-probe></test-plein-probe>`);
    expect(element.effectiveTheme).to.equal('light');
    const style = Object.assign(document.createElement('style'), { textContent: ':root { color-scheme: dark }' });
    style.dataset.testTheme = '';
    document.body.append(style);
    await settle(element);
    expect(element.effectiveTheme).to.equal('dark');
  });

  it('in auto, follows prefers-color-scheme live when the page allows both schemes', async () => {
    root.style.colorScheme = 'light dark';
    const element = await fixture<ProbeElement>(html`<test-plein-probe></test-plein-probe>`);
    expect(element.effectiveTheme).to.equal('light');
    await emulateMedia({ colorScheme: 'dark' });
    // The browser reports the media change a few frames later; no polling inside the element.
    await waitUntil(() => element.matches(':state(dark)'), 'the element did not turn dark', { timeout: 2000 });
    expect(surface(element)).to.equal('#17191c');
  });

  it('in auto, lets a page declared only light win over a dark preference', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    root.style.colorScheme = 'only light';
    const element = await fixture<ProbeElement>(html`<test-plein-probe></test-plein-probe>`);
    expect(element.effectiveTheme).to.equal('light');
  });

  it('in auto, follows the Plein element whose shadow root it renders in, live', async () => {
    const outer = await fixture<NestingElement>(html`<test-plein-nesting></test-plein-nesting>`);
    const inner = outer.shadowRoot?.querySelector('test-plein-probe') as ProbeElement;
    await inner.updateComplete;
    expect(inner.effectiveTheme).to.equal('light');
    outer.theme = 'dark';
    await outer.updateComplete;
    await settle(inner);
    expect(inner.matches(':state(dark)')).to.equal(true);
  });

  it('renders accessibly in the dark theme', async () => {
    const element = await fixture<ProbeElement>(html`<test-plein-probe theme="dark"></test-plein-probe>`);
    await expect(element).to.be.accessible();
  });
});
