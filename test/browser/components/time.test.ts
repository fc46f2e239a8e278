import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/components/time/time.js';
import type { PleinTime } from '../../../src/components/time/time.js';
import { sharedTicker } from '../../../src/components/time/ticker.js';

const MINUTE = 60_000;

function timeOf(element: PleinTime): HTMLTimeElement | null {
  return element.shadowRoot!.querySelector('time');
}

const fullFormat = (lang: string, date: Date) =>
  new Intl.DateTimeFormat(lang, { dateStyle: 'full', timeStyle: 'short' }).format(date);

describe('<plein-time>', () => {
  it('renders a <time> with a machine-readable datetime and relative text', async () => {
    const date = new Date(Date.now() - 3 * MINUTE);
    const element = await fixture<PleinTime>(html`<plein-time lang="en" date=${date.toISOString()}></plein-time>`);
    const time = timeOf(element)!;
    expect(time.getAttribute('datetime')).to.equal(date.toISOString());
    expect(time.textContent).to.equal('3 minutes ago');
  });

  it('shows the exact date and time in the title, in the reader’s language', async () => {
    const date = new Date('2026-03-14T15:09:26Z');
    const en = await fixture<PleinTime>(html`<plein-time lang="en" .date=${date}></plein-time>`);
    expect(timeOf(en)!.title).to.equal(fullFormat('en', date));
    expect(timeOf(en)!.title).to.contain('2026');

    const nl = await fixture<PleinTime>(html`<plein-time lang="nl" .date=${date}></plein-time>`);
    expect(timeOf(nl)!.title).to.equal(fullFormat('nl', date));
    expect(timeOf(nl)!.title).to.contain('maart');
  });

  it('speaks Dutch when the page around it is Dutch', async () => {
    const date = Date.now() - 2 * 60 * MINUTE;
    const root = await fixture<HTMLElement>(html`<div lang="nl"><plein-time .date=${date}></plein-time></div>`);
    const element = root.querySelector<PleinTime>('plein-time')!;
    // A Dutch page's strings are their own chunk: the first render waits for it.
    await element.updateComplete;
    expect(timeOf(element)!.textContent).to.equal('2 uur geleden');
  });

  it('says "just now" in the reader’s language for moments ago', async () => {
    const date = new Date(Date.now() - 5_000);
    const en = await fixture<PleinTime>(html`<plein-time lang="en" .date=${date}></plein-time>`);
    const nl = await fixture<PleinTime>(html`<plein-time lang="nl" .date=${date}></plein-time>`);
    expect(timeOf(en)!.textContent).to.equal('just now');
    expect(timeOf(nl)!.textContent).to.equal('zojuist');
  });

  it('follows a change of <html lang> live', async () => {
    const html_ = document.documentElement;
    const original = html_.getAttribute('lang');
    try {
      html_.setAttribute('lang', 'en');
      const element = await fixture<PleinTime>(html`<plein-time .date=${Date.now() - 24 * 60 * MINUTE}></plein-time>`);
      expect(timeOf(element)!.textContent).to.equal('yesterday');
      html_.setAttribute('lang', 'nl');
      await new Promise((resolve) => setTimeout(resolve));
      await element.updateComplete;
      expect(timeOf(element)!.textContent).to.equal('gisteren');
    } finally {
      if (original === null) html_.removeAttribute('lang');
      else html_.setAttribute('lang', original);
    }
  });

  it('accepts epoch milliseconds and renders nothing for a missing or invalid date', async () => {
    const at = Date.now() + 2 * 60 * MINUTE;
    const element = await fixture<PleinTime>(html`<plein-time lang="en" .date=${at}></plein-time>`);
    expect(timeOf(element)!.textContent).to.equal('in 2 hours');

    element.date = 'not a date';
    await element.updateComplete;
    expect(timeOf(element)).to.equal(null);
    expect(element.matches(':state(invalid)')).to.equal(true);
  });

  it('shares one ticker and leaves it when removed', async () => {
    const before = sharedTicker.size;
    const root = await fixture<HTMLElement>(html`<div>
      <plein-time .date=${Date.now()}></plein-time>
      <plein-time .date=${Date.now() - 90 * MINUTE}></plein-time>
      <plein-time></plein-time>
    </div>`);
    expect(sharedTicker.size - before, 'the two valid dates subscribe').to.equal(2);
    expect(sharedTicker.scheduled).to.equal(true);
    root.remove();
    expect(sharedTicker.size).to.equal(before);
  });

  it('updates its text when the ticker refreshes it', async () => {
    const element = await fixture<PleinTime>(html`<plein-time lang="en" .date=${Date.now()}></plein-time>`);
    expect(timeOf(element)!.textContent).to.equal('just now');
    const realNow = Date.now;
    const later = realNow() + 5 * MINUTE;
    Date.now = () => later;
    try {
      sharedTicker.refreshAll();
      await element.updateComplete;
      expect(timeOf(element)!.textContent).to.equal('5 minutes ago');
    } finally {
      Date.now = realNow;
    }
  });

  it('has no accessibility violations', async () => {
    const element = await fixture<PleinTime>(html`<plein-time .date=${Date.now() - MINUTE}></plein-time>`);
    await expect(element).to.be.accessible();
  });
});
