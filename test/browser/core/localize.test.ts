import { expect, fixture, html } from '@open-wc/testing';
import { AdapterError } from '../../../src/adapters/errors.js';
import { configure } from '../../../src/core/config.js';
import { LocalizeController, registerTranslation } from '../../../src/core/localize.js';
import { relativeParts } from '../../../src/core/relative-time.js';
import { en } from '../../../src/i18n/en.js';
import { nl } from '../../../src/i18n/nl.js';
import { loadTranslation } from '../../../src/i18n/registry.js';
import { type PlainLocalized, type ProbeElement, resetConfig, settle } from './helpers.js';

const root = document.documentElement;

// Shipped languages other than English arrive in their own chunk; a plain Lit host (unlike a
// PleinElement) renders before they are here, so these tests wait for them explicitly.
async function localizeIn(lang: string): Promise<LocalizeController> {
  await loadTranslation(lang);
  const element = await fixture<PlainLocalized>(html`<test-plain-localized lang=${lang}></test-plain-localized>`);
  return element.localize;
}

const NOW = new Date('2026-11-27T12:00:00Z').getTime();
const ago = (ms: number): number => NOW - ms;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('LocalizeController', () => {
  let savedLang: string | null;
  beforeEach(() => {
    savedLang = root.getAttribute('lang');
    root.setAttribute('lang', 'en');
  });
  afterEach(() => {
    resetConfig();
    if (savedLang === null) root.removeAttribute('lang');
    else root.setAttribute('lang', savedLang);
  });

  it('has a Dutch entry for every English key and no extras', () => {
    expect(Object.keys(nl).sort()).to.deep.equal(Object.keys(en).sort());
  });

  it('knows its own keys and nothing inherited from Object', async () => {
    const localize = await localizeIn('en');
    expect(localize.exists('error.network')).to.equal(true);
    expect(localize.exists('toString')).to.equal(false);
  });

  it('fills placeholders without interpreting them as HTML', async () => {
    const localize = await localizeIn('en');
    expect(localize.term('signed-in-as', { name: '<b>Ada</b>' })).to.equal('Signed in as <b>Ada</b>');
  });

  it('picks plural forms through Intl.PluralRules in English and Dutch', async () => {
    const english = await localizeIn('en');
    const dutch = await localizeIn('nl');
    expect(english.term('error.rate-limited-seconds', { count: 1 })).to.equal('You can try again in 1 second.');
    expect(english.term('error.rate-limited-seconds', { count: 30 })).to.equal('You can try again in 30 seconds.');
    expect(dutch.term('error.rate-limited-seconds', { count: 1 })).to.equal('Je kunt het over 1 seconde opnieuw proberen.');
    expect(dutch.term('error.rate-limited-seconds', { count: 5 })).to.equal('Je kunt het over 5 seconden opnieuw proberen.');
  });

  it('formats numbers for the language, in messages too', async () => {
    const english = await localizeIn('en');
    const dutch = await localizeIn('nl');
    expect(english.number(1234.5)).to.equal('1,234.5');
    expect(dutch.number(1234.5)).to.equal('1.234,5');
    expect(dutch.number(0.25, { style: 'percent' })).to.equal('25%');
    expect(english.term('error.rate-limited-seconds', { count: 1500 })).to.contain('1,500 seconds');
  });

  it('says relative times with natural units in English', async () => {
    const localize = await localizeIn('en');
    expect(localize.relativeTime(ago(10_000), NOW)).to.equal('just now');
    expect(localize.relativeTime(ago(3 * MINUTE), NOW)).to.equal('3 minutes ago');
    expect(localize.relativeTime(ago(5 * HOUR), NOW)).to.equal('5 hours ago');
    expect(localize.relativeTime(ago(DAY + 2 * HOUR), NOW)).to.equal('yesterday');
    expect(localize.relativeTime(ago(3 * DAY), NOW)).to.equal('3 days ago');
    expect(localize.relativeTime(ago(8 * DAY), NOW)).to.equal('last week');
    expect(localize.relativeTime(ago(60 * DAY), NOW)).to.equal('2 months ago');
    expect(localize.relativeTime(ago(400 * DAY), NOW)).to.equal('last year');
    expect(localize.relativeTime(NOW + 2 * HOUR, NOW)).to.equal('in 2 hours');
  });

  it('says relative times in Dutch', async () => {
    const localize = await localizeIn('nl');
    expect(localize.relativeTime(ago(10_000), NOW)).to.equal('zojuist');
    expect(localize.relativeTime(ago(3 * MINUTE), NOW)).to.equal('3 minuten geleden');
    expect(localize.relativeTime(ago(DAY), NOW)).to.equal('gisteren');
    expect(localize.relativeTime(new Date(ago(3 * DAY)).toISOString(), NOW)).to.equal('3 dagen geleden');
  });

  it('picks the unit at the usual thresholds', () => {
    expect(relativeParts(-44_000)).to.equal(null);
    expect(relativeParts(-45_000)).to.deep.equal({ value: -1, unit: 'minute' });
    expect(relativeParts(-44 * MINUTE)).to.deep.equal({ value: -44, unit: 'minute' });
    expect(relativeParts(-45 * MINUTE)).to.deep.equal({ value: -1, unit: 'hour' });
    expect(relativeParts(-22 * HOUR, NOW)).to.deep.equal({ value: -1, unit: 'day' });
    expect(relativeParts(-7 * DAY, NOW)).to.deep.equal({ value: -1, unit: 'week' });
  });

  it('counts days on the local calendar, so "tomorrow" is the next date and not 22 to 36 hours on', async () => {
    const localize = await localizeIn('en');
    // Local times, whatever the time zone the browser runs in.
    const fridayEvening = new Date(2026, 10, 27, 19, 7).getTime();
    expect(localize.relativeTime(fridayEvening + 30 * HOUR, fridayEvening)).to.equal('in 2 days');
    const fridayMorning = new Date(2026, 10, 27, 1, 0).getTime();
    expect(localize.relativeTime(fridayMorning + 30 * HOUR, fridayMorning)).to.equal('tomorrow');
    expect(localize.relativeTime(fridayEvening - 30 * HOUR, fridayEvening)).to.equal('yesterday');
    const fridayNight = new Date(2026, 10, 27, 23, 30).getTime();
    // 23 hours back is the same date: said in hours, not as "yesterday".
    expect(localize.relativeTime(fridayNight - 23 * HOUR, fridayNight)).to.equal('23 hours ago');
    // Thursday 00:30 is yesterday, Wednesday 22:30 two days ago.
    expect(localize.relativeTime(fridayNight - 47 * HOUR, fridayNight)).to.equal('yesterday');
    expect(localize.relativeTime(fridayNight - 49 * HOUR, fridayNight)).to.equal('2 days ago');
    const dutch = await localizeIn('nl');
    expect(dutch.relativeTime(fridayEvening + 30 * HOUR, fridayEvening)).to.equal('overmorgen');
  });

  it('formats exact date-times for the language', async () => {
    const english = await localizeIn('en-US');
    const dutch = await localizeIn('nl');
    const date = '2026-03-05T10:00:00Z';
    const options: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeZone: 'UTC' };
    expect(english.dateTime(date, options)).to.equal('March 5, 2026');
    expect(dutch.dateTime(date, options)).to.equal('5 maart 2026');
    expect(dutch.dateTime(date)).to.contain('2026');
  });

  it('uses the base language for regional tags and English for unknown languages', async () => {
    expect((await localizeIn('nl-BE')).term('close')).to.equal('Sluiten');
    expect((await localizeIn('ja')).term('close')).to.equal('Close');
  });

  it('maps each AdapterError code to its own message, with the wait for rate limits', async () => {
    const localize = await localizeIn('en');
    expect(localize.errorMessage(new AdapterError('forbidden', 'x'))).to.equal(en['error.forbidden']);
    expect(localize.errorMessage(new AdapterError('network', 'x'))).to.equal(en['error.network']);
    expect(localize.errorMessage(new AdapterError('rate-limited', 'x', { retryAfter: 4.2 }))).to.equal(
      'You can try again in 5 seconds.',
    );
    expect(localize.errorMessage(new AdapterError('rate-limited', 'x', { retryAfter: 90 }))).to.equal(
      'You can try again in 2 minutes.',
    );
    expect(localize.errorMessage(new AdapterError('rate-limited', 'x'))).to.equal(en['error.rate-limited']);
    expect(localize.errorMessage(new Error('boom'))).to.equal(en['error.unknown']);
  });

  it('uses registered languages, falls back per key to English, and re-renders hosts', async () => {
    const element = await fixture<ProbeElement>(html`<test-plein-probe lang="fy"></test-plein-probe>`);
    const term = (): string | null | undefined => element.shadowRoot?.querySelector('.term')?.textContent;
    const button = (): string | null | undefined => element.shadowRoot?.querySelector('button')?.textContent;
    expect(term()).to.equal('Loading…');
    registerTranslation('fy', { loading: 'Laden (fy)…' });
    await element.updateComplete;
    expect(term()).to.equal('Laden (fy)…');
    expect(button()).to.equal('Try again');
  });

  it('serves namespaced component keys through lookup() and formatMessage()', async () => {
    registerTranslation('nl', { ...nl, 'widget.count': { one: '{count} stem', other: '{count} stemmen' } });
    const localize = await localizeIn('nl-BE');
    const message = localize.lookup('widget.count');
    expect(message && localize.formatMessage(message, { count: 1 })).to.equal('1 stem');
    expect(message && localize.formatMessage(message, { count: 1200 })).to.equal('1.200 stemmen');
    expect(localize.lookup('widget.unknown')).to.equal(undefined);
  });

  it('re-renders a plain Lit host when <html lang> changes', async () => {
    const element = await fixture<PlainLocalized>(html`<test-plain-localized></test-plain-localized>`);
    expect(element.shadowRoot?.textContent?.trim()).to.equal('Close');
    root.setAttribute('lang', 'nl');
    await settle(element);
    await loadTranslation('nl');
    await settle(element);
    expect(element.localize.lang).to.equal('nl');
    expect(element.shadowRoot?.textContent?.trim()).to.equal('Sluiten');
  });

  it('re-renders a plain Lit host when configure() sets the language of a page without one', async () => {
    root.removeAttribute('lang');
    const element = await fixture<PlainLocalized>(html`<test-plain-localized></test-plain-localized>`);
    configure({ lang: 'nl' });
    await settle(element);
    await loadTranslation('nl');
    await settle(element);
    expect(element.shadowRoot?.textContent?.trim()).to.equal('Sluiten');
    expect(element.localize.dir).to.equal('ltr');
  });
});
