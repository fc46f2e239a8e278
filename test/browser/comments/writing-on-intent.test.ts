import { expect } from '@open-wc/testing';
import { $, $$, mount, root, seed, type, until } from './helpers.js';

// The writing part is loaded once per page, so the order of these tests matters: each runs on a
// page where it has not loaded yet until the test that loads it.
const defined = () => customElements.get('plein-comments-composer') !== undefined;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('<plein-comments> loads its writing part on intent', () => {
  afterEach(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('plein:draft:')) localStorage.removeItem(key);
  });

  it('leaves the writing part unloaded for a reader who cannot write, whatever they do', async () => {
    const { element } = await mount({ seed: seed([]), attributes: { readonly: true }, untouched: true });
    element.dispatchEvent(new PointerEvent('pointerenter'));
    element.dispatchEvent(new FocusEvent('focusin'));
    await pause(300);
    expect(defined()).to.equal(false);
    expect($$(element, 'form[part~="composer"]')).to.have.length(0);
  });

  it('shows the comment form at once and keeps what is typed, caret included, when the composer replaces it', async () => {
    const { element } = await mount({ seed: seed([]), untouched: true });
    expect(defined()).to.equal(false);
    const box = $<HTMLTextAreaElement>(element, 'form[part~="composer-new"] textarea');
    expect(box.labels?.[0]?.textContent).to.equal('Your comment');
    expect($(element, 'form[part~="composer-new"] [part~="submit"]').textContent?.trim()).to.equal('Post comment');

    box.focus();
    type(box, 'Typed before the composer arrived');
    box.setSelectionRange(5, 5);
    await until(() => root(element).querySelector('plein-comments-composer textarea'), 'the composer');
    await until(() => !root(element).querySelector('form.box'), 'the box to go');
    const field = $<HTMLTextAreaElement>(element, 'plein-comments-composer textarea');
    await until(() => root(element).activeElement === field, 'focus to move into the composer');
    expect(field.value).to.equal('Typed before the composer arrived');
    expect([field.selectionStart, field.selectionEnd]).to.deep.equal([5, 5]);
  });
});
