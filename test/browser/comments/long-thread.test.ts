import { expect } from '@open-wc/testing';
import { seedThread } from '../../../src/adapters/memory/index.js';
import { $$, demoViewers, mount, root, until } from './helpers.js';
import { watchMainThread } from '../support/stall-watch.js';

const COUNT = 10_000;

/** The number of comments in the first frame that shows any, however busy the machine. */
function firstFrameCount(): Promise<number> {
  return new Promise((resolve) => {
    const look = () => {
      const shown = document.querySelector('plein-comments')?.shadowRoot?.querySelectorAll('article').length ?? 0;
      if (shown > 0) resolve(shown);
      else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
}

/**
 * The longest main-thread task while `act` runs, the better of two tries: a regression holds the
 * thread in both, while a rare pause of the machine's own (seen once at 806 ms among runs of
 * 56–91 ms) does not fail the build.
 */
async function longestTaskOfTwo(act: (attempt: number) => Promise<void>): Promise<number> {
  let best = Infinity;
  for (let attempt = 0; attempt < 2 && best >= 250; attempt++) {
    const stalls = watchMainThread();
    await act(attempt);
    best = Math.min(best, stalls.stop());
  }
  return best;
}

describe('<plein-comments> with 10,000 comments', () => {
  it('shows the first page at once and then every comment, findable in the document', async function () {
    this.timeout(120_000);
    const shown = firstFrameCount();
    const { element } = await mount({ seed: seedThread({ thread: 'thread', count: COUNT }) });
    expect(await shown, 'comments in the first frame').to.be.within(1, 100);
    // The longest task while everything renders: how long input would wait.
    const stalls = watchMainThread();

    // Counting 10,000 articles is work of its own: looked at a few times a second, not every 10 ms.
    await until(() => $$(element, 'article').length === COUNT, 'all comments', 90_000, 100);
    const longest = stalls.stop();

    const articles = $$(element, 'article');
    const lastArticle = articles[articles.length - 1]!;
    const lastText = lastArticle.querySelector('[part~="body"]')!.textContent!.trim();
    expect(root(element).textContent).to.contain(lastText);
    // Every comment's number (#1 … #10000) is in the text of the shadow root.
    const numbers = new Set((root(element).textContent ?? '').match(/#\d+/g));
    expect(numbers.has('#1') && numbers.has(`#${COUNT}`)).to.equal(true);
    expect(numbers.size).to.equal(COUNT);
    // The browser's own find reaches into the element, collapsed threads included.
    const find = (window as unknown as { find(text: string, caseSensitive: boolean, backwards: boolean, wrap: boolean): boolean }).find;
    expect(find.call(window, lastText, false, false, true)).to.equal(true);
    expect(longest, 'longest task while rendering, ms').to.be.lessThan(250);
  });

  it('gives every comment the controls of a new viewer', async function () {
    this.timeout(120_000);
    const { element, adapter } = await mount({ seed: seedThread({ thread: 'thread', count: COUNT }) });
    await until(() => $$(element, 'article').length === COUNT, 'all comments', 90_000);
    // A moderator now: the store reloads the thread for them, and every comment gains moderation.
    adapter.setViewer(demoViewers.moderator);
    await until(() => $$(element, '[data-a="hide"]').length === COUNT, 'moderation actions on every comment', 90_000);
  });

  it('switches ten thousand comments to another language in idle-time steps', async function () {
    this.timeout(120_000);
    const { element } = await mount({ seed: seedThread({ thread: 'thread', count: COUNT }) });
    await until(() => $$(element, 'article').length === COUNT, 'all comments', 90_000);
    const replies = (word: string) => $$(element, '[data-a="reply"]').filter((button) => button.textContent === word).length;
    const longest = await longestTaskOfTwo(async (attempt) => {
      // Dutch, and (should the first try meet a pause of the machine's own) English and Dutch again.
      if (attempt > 0) {
        element.lang = 'en';
        await until(() => replies('Reply') === COUNT, 'every comment in English again', 60_000, 100);
      }
      element.lang = 'nl';
      await until(() => replies('Beantwoorden') > 0, 'the first Dutch comments', 10_000);
      expect(replies('Beantwoorden'), 'not all at once').to.be.lessThan(COUNT);
      await until(() => replies('Beantwoorden') === COUNT, 'every comment in Dutch', 60_000, 100);
    });
    expect(longest, 'longest task while re-rendering, ms').to.be.lessThan(250);
  });
});
