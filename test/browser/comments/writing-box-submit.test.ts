import { expect } from '@open-wc/testing';
import { $, mount, root, seed, type, until } from './helpers.js';

// Its own file: the writing part must not have loaded in this page yet.
describe('<plein-comments> before its writing part has loaded', () => {
  afterEach(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('plein:draft:')) localStorage.removeItem(key);
  });

  it('posts a comment submitted from the first form once the composer is there', async () => {
    const { element } = await mount({ seed: seed([]), untouched: true });
    expect(customElements.get('plein-comments-composer')).to.equal(undefined);
    const form = $<HTMLFormElement>(element, 'form[part~="composer-new"]');
    type(form.querySelector('textarea')!, 'Sent straight away');
    form.requestSubmit();
    await until(() => root(element).querySelector('article.comment'), 'the posted comment');
    expect($(element, 'article.comment [part~="body"]').textContent?.trim()).to.equal('Sent straight away');
    await until(() => element.store?.$items.get()[0]?.local === undefined, 'the post to be confirmed');
    expect($<HTMLTextAreaElement>(element, 'plein-comments-composer textarea').value).to.equal('');
  });
});
