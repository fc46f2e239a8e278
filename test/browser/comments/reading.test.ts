import { expect } from '@open-wc/testing';
import { AdapterError } from '../../../src/adapters/errors.js';
import { seedThread } from '../../../src/adapters/memory/index.js';
import { $, $$, action, ago, article, comment, mount, root, seed, settled, text, until } from './helpers.js';

const chain = (length: number) =>
  Array.from({ length }, (_, index) =>
    comment(`c${index + 1}`, {
      parentId: index === 0 ? null : `c${index}`,
      author: index % 2 === 0 ? 'demo-ada' : 'demo-kees',
      createdAt: ago(60 - index),
      body: `Level ${index}`,
    }),
  );

describe('<plein-comments> reading', () => {
  it('nests replies up to max-depth and lists deeper ones flat with "replying to @name"', async () => {
    const { element } = await mount({ seed: seed(chain(6)), attributes: { maxDepth: 2 } });
    // c1 > c2 > c3 nest; c4 (depth 3) and deeper sit in c2's reply list next to c3.
    const levelOf = (id: string) => $$(element, '[role="list"], ol').filter((list) => list.contains(article(element, id))).length - 1;
    expect([1, 2, 3, 4, 5, 6].map((n) => levelOf(`c${n}`))).to.deep.equal([0, 1, 2, 2, 2, 2]);
    expect(text(article(element, 'c3').querySelector('[part~="replying-to"]'))).to.equal('');
    expect(text(article(element, 'c4').querySelector('[part~="replying-to"]'))).to.equal('replying to @Ada Bakker');
    expect(text(article(element, 'c5').querySelector('[part~="replying-to"]'))).to.equal('replying to @Kees Smit');
  });

  it('defaults to three levels of replies', async () => {
    const { element } = await mount({ seed: seed(chain(6)) });
    expect(element.maxDepth).to.equal(3);
    expect(article(element, 'c4').querySelector('[part~="replying-to"]')).to.equal(null);
    expect(article(element, 'c5').querySelector('[part~="replying-to"]')).to.not.equal(null);
  });

  it('shows the total number of comments, replies included, in the heading', async () => {
    const { element } = await mount({ seed: seed(chain(3)) });
    expect(text($(element, '[part~="count"]'))).to.equal('3 comments');
    const one = await mount({ seed: seed([comment('only')]) });
    expect(text($(one.element, '[part~="count"]'))).to.equal('1 comment');
  });

  it('switches between newest, oldest and top', async () => {
    const { element } = await mount({
      seed: seed([
        comment('old', { createdAt: ago(300), reactions: { '👍': 9 } }),
        comment('mid', { createdAt: ago(200) }),
        comment('new', { createdAt: ago(100), reactions: { '❤️': 3 } }),
      ]),
    });
    const order = () => $$(element, 'article').map((node) => node.id.replace('plein-comment-', ''));
    expect(order()).to.deep.equal(['new', 'mid', 'old']);
    const select = $<HTMLSelectElement>(element, 'select[part~="sort"]');
    for (const [sort, expected] of [
      ['oldest', ['old', 'mid', 'new']],
      ['top', ['old', 'new', 'mid']],
    ] as const) {
      select.value = sort;
      select.dispatchEvent(new Event('change'));
      await until(() => order().join() === expected.join(), `${sort} order`);
    }
    expect(element.sort).to.equal('top');
  });

  it('shows a short thread open', async () => {
    const replies = Array.from({ length: 8 }, (_, n) => comment(`r${n}`, { parentId: 'top', createdAt: ago(20 - n) }));
    const { element } = await mount({ seed: seed([comment('top'), ...replies]) });
    expect($$(element, '[part~="show-replies"], [part~="replies"][hidden]')).to.have.length(0);
  });

  it('collapses a long thread behind "Show N replies" with hidden="until-found", and opens it', async () => {
    const replies = Array.from({ length: 9 }, (_, n) => comment(`r${n}`, { parentId: 'top', createdAt: ago(20 - n) }));
    const { element } = await mount({ seed: seed([comment('top'), ...replies]) });
    const toggle = $<HTMLButtonElement>(element, '[part~="show-replies"]');
    const list = $(element, '[part~="replies"]');
    expect(text(toggle)).to.equal('Show 9 replies');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    // Still in the document, so find-in-page and permalinks reach it.
    expect(list.getAttribute('hidden')).to.equal('until-found');
    expect(list.querySelectorAll('article')).to.have.length(9);
    toggle.click();
    await settled(element);
    expect(list.hasAttribute('hidden')).to.equal(false);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(text(toggle)).to.equal('Hide 9 replies');
  });

  it('counts the replies a reader sees as comments in "Show N replies", not the place of a deleted one', async () => {
    const replies = Array.from({ length: 9 }, (_, n) => comment(`r${n}`, { parentId: 'top', createdAt: ago(20 - n) }));
    const gone = comment('gone', { parentId: 'top', deleted: true, createdAt: ago(10) });
    const underGone = comment('under-gone', { parentId: 'gone', createdAt: ago(9) });
    const { element } = await mount({ seed: seed([comment('top'), ...replies, gone, underGone]) });
    expect(text($(element, '[part~="show-replies"]'))).to.equal('Show 10 replies');
  });

  it('keeps a thread open once find-in-page revealed a match in it (beforematch)', async () => {
    const replies = Array.from({ length: 9 }, (_, n) => comment(`r${n}`, { parentId: 'top', createdAt: ago(20 - n) }));
    const { element } = await mount({ seed: seed([comment('top'), ...replies]) });
    const list = $(element, '[part~="replies"]');
    list.dispatchEvent(new Event('beforematch', { bubbles: true }));
    list.removeAttribute('hidden');
    await settled(element);
    expect(list.hasAttribute('hidden')).to.equal(false);
    expect($(element, '[part~="show-replies"]').getAttribute('aria-expanded')).to.equal('true');
  });

  it('shows avatar initials, role chips for the page author and moderators, and a guest chip', async () => {
    const { element } = await mount({
      seed: seed(
        [
          comment('by-owner', { author: 'demo-ada' }),
          comment('by-moderator', { author: 'demo-sam' }),
          comment('by-guest', { author: { id: 'guest-1', name: 'Walter Wanderer', guest: true } }),
          comment('by-member', { author: 'demo-kees' }),
        ],
        { ownerId: 'demo-ada' },
      ),
    });
    const chips = (id: string) => $$(element, `#plein-comment-${id} [part~="chip"]`).map((chip) => chip.getAttribute('part'));
    expect(chips('by-owner')).to.deep.equal(['chip chip-author']);
    expect(chips('by-moderator')).to.deep.equal(['chip chip-moderator']);
    expect(chips('by-guest')).to.deep.equal(['chip chip-guest']);
    expect(chips('by-member')).to.deep.equal([]);
    expect(text(article(element, 'by-owner').querySelector('[part~="chip"]'))).to.equal('Author');
    expect(text(article(element, 'by-moderator').querySelector('[part~="chip"]'))).to.equal('Moderator');
    expect(text(article(element, 'by-guest').querySelector('[part~="avatar"]'))).to.equal('WW');
  });

  it('shows relative time with the exact time on hover and a permalink to the anchor', async () => {
    const { element } = await mount({ seed: seed([comment('timed', { createdAt: ago(3) })]) });
    const link = article(element, 'timed').querySelector<HTMLAnchorElement>('[part~="permalink"]')!;
    const time = link.querySelector('time')!;
    expect(text(time)).to.equal('3 minutes ago');
    expect(time.title).to.match(/\d{4}/);
    expect(new Date(time.dateTime).getTime()).to.be.closeTo(Date.now() - 3 * 60_000, 5000);
    expect(link.getAttribute('href')).to.equal('#plein-comment-timed');
  });

  it('marks edited comments and keeps deleted ones with replies as "[deleted]"', async () => {
    const { element } = await mount({
      seed: seed([
        comment('edited', { editedAt: ago(1) }),
        comment('gone', { deleted: true, createdAt: ago(50) }),
        comment('under-gone', { parentId: 'gone', body: 'Still readable' }),
      ]),
    });
    expect(text(article(element, 'edited').querySelector('[part~="edited"]'))).to.equal('edited');
    const gone = article(element, 'gone');
    expect(text(gone)).to.equal('[deleted]');
    expect(gone.querySelector('[part~="author"], [part~="actions"]')).to.equal(null);
    expect(text(article(element, 'under-gone'))).to.contain('Still readable');
  });

  it('loads the rest of a long thread in the background after showing the first page', async () => {
    const { element } = await mount({ seed: seedThread({ thread: 'thread', count: 120, replyRatio: 0 }), attributes: { pageSize: 10 } });
    await until(() => $$(element, 'article').length === 120, 'all 120 comments', 10_000);
    expect(element.store?.$hasMore.get()).to.equal(false);
    expect($$(element, '[part~="load-more"]')).to.have.length(0);
  });

  it('offers "Load more" when background loading fails, and loads the next page with it', async () => {
    let pages = 0;
    let failing = true;
    const { element } = await mount({
      seed: seedThread({ thread: 'thread', count: 30, replyRatio: 0 }),
      attributes: { pageSize: 10 },
      adapter: {
        failWith: (method) =>
          method === 'listComments' && ++pages > 1 && failing ? new AdapterError('network', 'offline') : undefined,
      },
    });
    await until(() => root(element).querySelector('[part~="load-more"]') && element.store?.$lastError.get(), 'load more');
    expect($$(element, 'article')).to.have.length(10);
    const button = $<HTMLButtonElement>(element, '[part~="load-more"]');
    expect(text(button)).to.equal('Load more comments');
    failing = false;
    button.click();
    await until(() => $$(element, 'article').length === 20, 'second page');
  });

  it('shows no composer and no actions when readonly', async () => {
    const { element } = await mount({ seed: seed([comment('a', { reactions: { '👍': 2 } })]), attributes: { readonly: true } });
    expect($$(element, 'plein-comments-composer, [part~="actions"], button[part~="reaction"]')).to.have.length(0);
    expect($(element, 'span[part~="reaction"]').getAttribute('aria-label')).to.equal('Like, 2 people');
  });

  it('speaks Dutch with lang="nl"', async () => {
    const { element } = await mount({ seed: seed([comment('a', { createdAt: ago(3) })]), attributes: { lang: 'nl' } });
    // The Dutch strings are a chunk of their own, loaded as the element connects.
    await until(() => text($(element, '[part~="count"]')) === '1 reactie', 'the Dutch strings');
    expect(text(action(element, 'a', 'reply'))).to.equal('Beantwoorden');
    expect(text($(element, '[part~="submit"]'))).to.equal('Reactie plaatsen');
    expect(text(article(element, 'a').querySelector('time'))).to.equal('3 minuten geleden');
  });

  it('shows an error with a retry when the thread cannot be loaded', async () => {
    let down = true;
    const { element } = await mount({
      seed: seed([comment('a')]),
      adapter: { failWith: (method) => (down && method === 'listComments' ? new AdapterError('unavailable', 'down') : undefined) },
    });
    expect(element.matches(':state(error)')).to.equal(true);
    expect(text($(element, '[role="alert"]'))).to.contain('The comments could not be loaded.');
    down = false;
    $<HTMLButtonElement>(element, '[data-a="reload"]').click();
    await until(() => root(element).querySelector('article'), 'comments after retry');
    expect(element.matches(':state(error)')).to.equal(false);
  });

  it('sets :state(empty) and invites the first comment on an empty thread', async () => {
    const { element } = await mount({ seed: seed([]) });
    expect(element.matches(':state(empty)')).to.equal(true);
    expect(text(root(element))).to.contain('No comments yet.');
  });

  it('sets :state(loading) while the first page loads', async () => {
    const { fixture, html } = await import('@open-wc/testing');
    const { memoryAdapter } = await import('./helpers.js');
    const adapter = memoryAdapter({ latency: 10_000 });
    const element = await fixture(html`<plein-comments thread="thread" .adapter=${adapter}></plein-comments>`);
    expect(element.matches(':state(loading)')).to.equal(true);
    expect(text(element.shadowRoot)).to.contain('Loading comments…');
  });
});
