import { expect } from '@open-wc/testing';
import { nl } from '../../../src/i18n/nl.js';
import { $translations, loadTranslation } from '../../../src/i18n/registry.js';
import { ProbeElement, uniqueTag } from './helpers.js';

/** Records the text of `.term` after every render, so a render in the wrong language cannot hide. */
class RecordingProbe extends ProbeElement {
  readonly seen: (string | null | undefined)[] = [];
  protected override updated(): void {
    this.seen.push(this.shadowRoot?.querySelector('.term')?.textContent);
  }
}
const tag = uniqueTag('test-recording-probe');
RecordingProbe.define(tag);

// One page per test file: these run before anything else here has asked for Dutch.
describe('shipped languages in their own chunk', () => {
  it('fetches Dutch only once a page asks for it, and a Plein element renders Dutch from its first render', async () => {
    expect($translations.get().has('nl')).to.equal(false);
    const element = document.createElement(tag) as RecordingProbe;
    element.lang = 'nl-BE';
    document.body.append(element);
    try {
      await element.updateComplete;
      expect($translations.get().get('nl')).to.deep.equal(nl);
      expect(element.seen[0]).to.equal('Laden…');
      expect(element.seen).not.to.include('Loading…');
      expect(loadTranslation('nl')).to.equal(undefined);
    } finally {
      element.remove();
    }
  });

  it('asks for nothing when the language is English or not shipped', () => {
    expect(loadTranslation('en')).to.equal(undefined);
    expect(loadTranslation('ja')).to.equal(undefined);
  });
});
