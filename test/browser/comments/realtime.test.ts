import { expect } from '@open-wc/testing';
import type { Viewer } from '../../../src/adapters/contract.js';
import { $, $$, ago, article, comment, memoryAdapter, mount, namespace, root, seed, text, until } from './helpers.js';

const ada: Viewer = { id: 'demo-ada', name: 'Ada Bakker', roles: ['member'] };

async function twoReaders() {
  const shared = namespace('realtime');
  const data = seed([comment('first', { author: 'demo-ada', createdAt: new Date().toISOString() })]);
  const writer = memoryAdapter({ namespace: shared, seed: data, viewer: ada });
  const { element } = await mount({ use: memoryAdapter({ namespace: shared, seed: data }) });
  return { element, writer };
}

describe('<plein-comments> realtime', () => {
  it('announces comments from others in a banner without moving what the reader sees', async () => {
    const { element, writer } = await twoReaders();
    const list = $(element, '[part~="list"]');
    const before = list.getBoundingClientRect().top;
    await writer.postComment({ thread: 'thread', body: 'Arrived live' });
    await writer.postComment({ thread: 'thread', body: 'And another' });
    await until(() => root(element).querySelector('[part~="new-comments"]'), 'the banner');
    await until(() => text($(element, '[part~="new-comments"]')) === '2 new comments — show', 'two arrivals');
    expect($$(element, 'article')).to.have.length(1);
    expect(list.getBoundingClientRect().top).to.equal(before);
    await until(() => text($(element, '#live')).startsWith('2 new comments.'), 'the polite announcement');
    expect($(element, '#live').getAttribute('aria-live')).to.equal('polite');
  });

  it('shows the arrivals when asked and moves focus to the first of them', async () => {
    const { element, writer } = await twoReaders();
    const posted = await writer.postComment({ thread: 'thread', body: 'Arrived live' });
    await until(() => root(element).querySelector('[part~="new-comments"]'), 'the banner');
    $<HTMLButtonElement>(element, '[part~="new-comments"]').click();
    await until(() => root(element).activeElement === root(element).querySelector(`#plein-comment-${posted.id}`), 'focus on the arrival');
    expect($$(element, '[part~="new-comments"]')).to.have.length(0);
    expect(text(article(element, posted.id))).to.contain('Arrived live');
  });

  it('updates edits and reaction counts in place', async () => {
    const { element, writer } = await twoReaders();
    await writer.editComment('first', { body: 'Edited elsewhere' });
    await until(() => text(article(element, 'first').querySelector('[part~="body"]')) === 'Edited elsewhere', 'the edit');
    await writer.react('first', '🎉', true);
    await until(
      () => article(element, 'first').querySelector('[aria-label="Celebrate, 1 person"]'),
      'the reaction count',
    );
    expect($$(element, '[part~="new-comments"]')).to.have.length(0);
  });

  it('removes a comment deleted elsewhere', async () => {
    const { element, writer } = await twoReaders();
    await writer.deleteComment('first');
    await until(() => !root(element).querySelector('#plein-comment-first'), 'the deletion');
  });
});

const twoFrames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

/**
 * Ada reads a thread of `count` comments with the one at `index` mid-screen; `elsewhere` is her
 * other tab, on the same data.
 */
async function readingAt(count: number, index: number) {
  const shared = namespace('realtime');
  const data = seed(Array.from({ length: count }, (_, n) => comment(`c${n}`, { author: 'demo-ada', createdAt: ago(n + 1), body: `Comment ${n} `.repeat(8) })));
  const elsewhere = memoryAdapter({ namespace: shared, seed: data, viewer: ada });
  const { element } = await mount({ use: memoryAdapter({ namespace: shared, seed: data, viewer: ada }) });
  await until(() => $$(element, 'article.comment').length === count, `all ${count} comments`);
  const target = $$(element, 'article.comment')[index]!;
  target.scrollIntoView({ block: 'center' });
  return { element, elsewhere, target };
}

describe('<plein-comments> focus while the list changes', () => {
  it('keeps the comment in focus where the reader sees it when a comment lands above it', async () => {
    const { element, elsewhere, target } = await readingAt(60, 30);
    target.focus({ preventScroll: true });
    await twoFrames();
    const top = target.getBoundingClientRect().top;
    // The reader's own comment from another tab shows at once, at the top of the newest-first list.
    await elsewhere.postComment({ thread: 'thread', body: 'A long new comment from my other tab. '.repeat(10) });
    await until(() => $$(element, 'article.comment').length === 61, 'the comment from the other tab');
    await twoFrames();
    expect(Math.round(target.getBoundingClientRect().top)).to.equal(Math.round(top));
    expect(root(element).activeElement).to.equal(target);
  });

  it('keeps what the reader sees in place, with focus outside the list, when comments above change', async () => {
    const { element, elsewhere, target } = await readingAt(160, 130);
    await twoFrames();
    expect(root(element).activeElement, 'nothing in the list has focus').to.equal(null);
    const top = target.getBoundingClientRect().top;
    await elsewhere.postComment({ thread: 'thread', body: 'A long new comment from my other tab. '.repeat(10) });
    await until(() => $$(element, 'article.comment').length === 161, 'the comment from the other tab');
    await twoFrames();
    expect(Math.round(target.getBoundingClientRect().top), 'after a comment landed above').to.equal(Math.round(top));
    // An edit above that makes a comment much longer.
    await elsewhere.editComment('c2', { body: 'Now a much longer comment than it was. '.repeat(20) });
    await until(() => $$(element, 'article.comment')[3]!.textContent!.includes('Now a much longer'), 'the edit');
    await twoFrames();
    expect(Math.round(target.getBoundingClientRect().top), 'after an edit above').to.equal(Math.round(top));
  });

  it('lets a comment land where the reader sees it when the list starts on screen', async () => {
    const shared = namespace('realtime');
    const data = seed(Array.from({ length: 5 }, (_, n) => comment(`c${n}`, { author: 'demo-ada', createdAt: ago(n + 1) })));
    const elsewhere = memoryAdapter({ namespace: shared, seed: data, viewer: ada });
    const { element } = await mount({ use: memoryAdapter({ namespace: shared, seed: data, viewer: ada }) });
    await until(() => $$(element, 'article.comment').length === 5, 'all 5 comments');
    scrollTo(0, 0);
    const first = $$(element, 'article.comment')[0]!;
    const top = first.getBoundingClientRect().top;
    await elsewhere.postComment({ thread: 'thread', body: 'From my other tab.' });
    await until(() => $$(element, 'article.comment').length === 6, 'the comment from the other tab');
    await twoFrames();
    expect(Math.round($$(element, 'article.comment')[0]!.getBoundingClientRect().top), 'the new comment stands first').to.equal(Math.round(top));
  });

  it('keeps focus on the same action when a deletion elsewhere moves its comment into another block', async () => {
    const shared = namespace('realtime');
    const data = seed(Array.from({ length: 110 }, (_, n) => comment(`c${n}`, { author: 'demo-ada', createdAt: ago(n + 1) })));
    const writer = memoryAdapter({ namespace: shared, seed: data, viewer: ada });
    const { element } = await mount({ use: memoryAdapter({ namespace: shared, seed: data }) });
    await until(() => $$(element, 'article.comment').length === 110, 'all 110 comments');
    // The first comment of the second block of 100.
    const target = $$(element, 'article.comment')[100]!;
    const reply = target.querySelector<HTMLButtonElement>('[data-a="reply"]')!;
    reply.focus();
    const top = target.getBoundingClientRect().top;
    await writer.deleteComment($$(element, 'article.comment')[0]!.id.replace('plein-comment-', ''));
    await until(() => $$(element, 'article.comment').length === 109, 'the deletion');
    await element.updateComplete;
    expect(target.isConnected, 'rendered anew in the other block').to.equal(false);
    const active = root(element).activeElement as HTMLElement | null;
    expect(active?.dataset['a']).to.equal('reply');
    expect(active?.closest('article')?.id).to.equal(target.id);
    expect(Math.round(active!.closest('article')!.getBoundingClientRect().top)).to.equal(Math.round(top));
  });
});
