import { expect, nextFrame } from '@open-wc/testing';
import { seedThread } from '../../../src/adapters/memory/index.js';
import { $, article, comment, mount, root, seed, until } from './helpers.js';

const highlighted = (element: HTMLElement & { shadowRoot: ShadowRoot | null }) =>
  [...(element.shadowRoot?.querySelectorAll('article[part~="highlighted"]') ?? [])].map((node) => node.id);

describe('<plein-comments> permalinks', () => {
  let hash = '';
  beforeEach(() => {
    hash = location.hash;
  });
  afterEach(() => {
    history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
  });

  it('gives every comment an anchor id', async () => {
    const { element } = await mount({ seed: seed([comment('x1'), comment('x2', { parentId: 'x1' })]) });
    expect(article(element, 'x1').id).to.equal('plein-comment-x1');
    expect(article(element, 'x2').id).to.equal('plein-comment-x2');
  });

  it('opens #plein-comment-<id> on load: loads its page, opens its thread, scrolls, highlights and focuses it', async () => {
    // 300 top-level comments, 10 per page: the last one is on the last page.
    history.replaceState(null, '', '#plein-comment-thread-1');
    const { element } = await mount({ seed: seedThread({ thread: 'thread', count: 300, replyRatio: 0 }), attributes: { pageSize: 10 } });
    await until(() => highlighted(element).length === 1, 'the highlight');
    const target = article(element, 'thread-1');
    expect(highlighted(element)).to.deep.equal(['plein-comment-thread-1']);
    expect(root(element).activeElement?.id).to.equal(target.id);
    const box = target.getBoundingClientRect();
    expect(box.bottom).to.be.greaterThan(0);
    expect(box.top).to.be.lessThan(window.innerHeight);
    // Still there once the blocks around it have been laid out for real, as the reader sees it
    // (the comment may have been rendered anew as pages before it came in).
    await nextFrame();
    await nextFrame();
    const seen = article(element, 'thread-1').getBoundingClientRect();
    expect(seen.bottom, 'after two frames').to.be.greaterThan(0);
    expect(seen.top, 'after two frames').to.be.lessThan(window.innerHeight);
  });

  it('keeps focus and view on the permalinked comment while the pages before it stream in', async () => {
    history.replaceState(null, '', '#plein-comment-thread-1');
    const { element } = await mount({ seed: seedThread({ thread: 'thread', count: 300, replyRatio: 0 }), attributes: { pageSize: 10 } });
    await until(() => highlighted(element).length === 1, 'the highlight');
    await until(() => root(element).querySelectorAll('article.comment').length === 300, 'all 300 comments', 10000);
    await element.updateComplete;
    const target = article(element, 'thread-1');
    expect(root(element).activeElement?.id).to.equal(target.id);
    expect(target.tabIndex).to.equal(0);
    const box = target.getBoundingClientRect();
    expect(box.bottom).to.be.greaterThan(0);
    expect(box.top).to.be.lessThan(window.innerHeight);
  });

  it('opens a reply hidden in a collapsed thread', async () => {
    const replies = Array.from({ length: 12 }, (_, n) => comment(`r${n}`, { parentId: 'top' }));
    history.replaceState(null, '', '#plein-comment-r4');
    const { element } = await mount({ seed: seed([comment('top'), ...replies]) });
    await until(() => highlighted(element).length === 1, 'the highlight');
    expect($(element, '[part~="replies"]').hasAttribute('hidden')).to.equal(false);
    expect(root(element).activeElement?.id).to.equal('plein-comment-r4');
  });

  it('goes back to a comment when its time is clicked while the page already has its hash', async () => {
    const { element } = await mount({ seed: seed([comment('one'), comment('two')]) });
    location.hash = '#plein-comment-one';
    await until(() => root(element).activeElement?.id === 'plein-comment-one', 'focus on the comment');
    article(element, 'two').focus();
    article(element, 'one').querySelector<HTMLAnchorElement>('a.time')!.click();
    await until(() => root(element).activeElement?.id === 'plein-comment-one', 'focus back on the comment');
  });

  it('follows hashchange to another comment', async () => {
    const { element } = await mount({ seed: seed([comment('one'), comment('two')]) });
    location.hash = '#plein-comment-two';
    await until(() => highlighted(element)[0] === 'plein-comment-two', 'the new highlight');
    location.hash = '#plein-comment-one';
    await until(() => highlighted(element)[0] === 'plein-comment-one', 'the next highlight');
    expect(highlighted(element)).to.have.length(1);
  });

  it('says so when the comment a link points to is gone, and drops the highlight it had', async () => {
    const { element } = await mount({ seed: seed([comment('one')]) });
    location.hash = '#plein-comment-one';
    await until(() => highlighted(element)[0] === 'plein-comment-one', 'the highlight');
    location.hash = '#plein-comment-nowhere';
    const notice = () => [...root(element).querySelectorAll('[part~="notice"]')].map((node) => node.textContent?.trim());
    await until(() => notice().includes('The comment this link points to was removed or cannot be found.'), 'the notice');
    expect(highlighted(element)).to.deep.equal([]);
    await until(() => $(element, '#live').textContent === 'The comment this link points to was removed or cannot be found.', 'the announcement');
    location.hash = '#plein-comment-one';
    await until(() => highlighted(element)[0] === 'plein-comment-one', 'the highlight again');
    expect(notice()).to.deep.equal([]);
  });

  it('leaves a link to a comment it does not have to the other threads of the page', async () => {
    const other = document.createElement('plein-comments');
    document.body.append(other);
    try {
      history.replaceState(null, '', '#plein-comment-nowhere');
      const { element } = await mount({ seed: seed([comment('one')]) });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(highlighted(element)).to.deep.equal([]);
      expect(root(element).querySelector('[part~="notice"]')).to.equal(null);
    } finally {
      other.remove();
    }
  });

  it('highlights a permalinked comment that was deleted but keeps its replies', async () => {
    history.replaceState(null, '', '#plein-comment-gone');
    const { element } = await mount({ seed: seed([comment('gone', { deleted: true }), comment('reply', { parentId: 'gone' })]) });
    await until(() => highlighted(element).length === 1, 'the highlight');
    expect(article(element, 'gone').classList.contains('highlighted')).to.equal(true);
  });
});
