import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/components/demo-note/demo-note.js';
import type { PleinDemoNote } from '../../../src/components/demo-note/demo-note.js';
import { en } from '../../../src/i18n/en.js';
import { nl } from '../../../src/i18n/nl.js';

const textOf = (note: PleinDemoNote) => note.shadowRoot!.querySelector('[part~="text"]')!.textContent!.trim();

describe('<plein-demo-note>', () => {
  it('tells the reader in English that posts stay in this browser', async () => {
    const note = await fixture<PleinDemoNote>(html`<plein-demo-note lang="en"></plein-demo-note>`);
    expect(textOf(note)).to.equal(en['demo-mode']);
    expect(textOf(note)).to.match(/demo mode/i);
  });

  it('tells the reader in Dutch on a Dutch page', async () => {
    const root = await fixture<HTMLElement>(html`<div lang="nl"><plein-demo-note></plein-demo-note></div>`);
    const note = root.querySelector<PleinDemoNote>('plein-demo-note')!;
    // A Dutch page's strings are their own chunk: the first render waits for it.
    await note.updateComplete;
    expect(textOf(note)).to.equal(nl['demo-mode']);
    expect(textOf(note)).to.match(/demomodus/i);
  });

  it('is a visible note that assistive technology announces', async () => {
    const note = await fixture<PleinDemoNote>(html`<plein-demo-note></plein-demo-note>`);
    const base = note.shadowRoot!.querySelector<HTMLElement>('[part~="base"]')!;
    expect(base.getAttribute('role')).to.equal('note');
    expect(base.getBoundingClientRect().height).to.be.greaterThan(0);
    expect(note.shadowRoot!.querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
  });

  it('has no accessibility violations in light and dark', async () => {
    const root = await fixture<HTMLElement>(html`<div>
      <plein-demo-note theme="light"></plein-demo-note>
      <div style="background: #17191c"><plein-demo-note theme="dark" lang="nl"></plein-demo-note></div>
    </div>`);
    await expect(root).to.be.accessible();
  });
});
