import { expect } from '@open-wc/testing';
import { draftStorageKey } from '../../../src/stores/comments/index.js';
import { $, demoPeople, mount, root, until } from './helpers.js';

// Its own file: the writing part must not have loaded in this page yet.
describe('<plein-comments> with a saved draft', () => {
  it('loads the writing part by itself, so the draft is back in the composer without waiting for intent', async () => {
    const thread = `draft-${Math.random().toString(36).slice(2, 8)}`;
    localStorage.setItem(draftStorageKey(thread, 'root'), 'Half a thought from yesterday');
    try {
      expect(customElements.get('plein-comments-composer')).to.equal(undefined);
      const { element } = await mount({ thread, seed: { people: [...demoPeople], threads: [{ id: thread }], comments: [] }, untouched: true });
      await until(() => root(element).querySelector('plein-comments-composer textarea'), 'the composer');
      expect($<HTMLTextAreaElement>(element, 'plein-comments-composer textarea').value).to.equal('Half a thought from yesterday');
    } finally {
      localStorage.removeItem(draftStorageKey(thread, 'root'));
    }
  });
});
