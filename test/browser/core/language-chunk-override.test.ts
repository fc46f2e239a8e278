import { expect } from '@open-wc/testing';
import { $translations, loadTranslation, registerTranslation } from '../../../src/i18n/registry.js';

// One page per test file: Dutch has not been fetched yet when this runs.
describe('a shipped language arriving after the site registered its own', () => {
  it('keeps the translation the site registered while the chunk was on its way', async () => {
    const pending = loadTranslation('nl');
    expect(pending).to.be.instanceOf(Promise);
    const own = { loading: 'Even geduld…' };
    registerTranslation('nl', own);
    await pending;
    expect($translations.get().get('nl')).to.equal(own);
    expect(loadTranslation('nl')).to.equal(undefined);
  });
});
