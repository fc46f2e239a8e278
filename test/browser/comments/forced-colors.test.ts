/**
 * Forced colours (Windows' contrast themes) paint every background with Canvas and every border
 * with the text colour: the viewer's own reactions looked like the others, and the Write tab's
 * transparent underline became as solid as the selected tab's.
 */
import { expect } from '@open-wc/testing';
import { applyForcedColorRules } from '../support/forced-colors.js';
import { article, comment, composer, mount, root, seed, writingArrived } from './helpers.js';

describe('<plein-comments> in forced colours', () => {
  it("keeps the viewer's own reactions apart from the others: a system colour the mode does not replace", async () => {
    const { element } = await mount({ seed: seed([comment('a', { reactions: { '👍': ['demo-noor'], '❤️': ['demo-ada'] } })]) });
    expect(applyForcedColorRules(root(element)), 'rules for forced colours').to.be.greaterThan(0);
    const [mine, other] = [...article(element, 'a').querySelectorAll<HTMLButtonElement>('button[data-a="react"]')];
    expect(mine!.getAttribute('aria-pressed')).to.equal('true');
    expect(getComputedStyle(mine!).forcedColorAdjust, 'kept by the mode').to.equal('none');
    expect(getComputedStyle(other!).forcedColorAdjust).to.not.equal('none');
    expect(getComputedStyle(mine!).backgroundColor).to.not.equal(getComputedStyle(other!).backgroundColor);
  });

  it('underlines only the selected tab of the composer, where the mode draws every border there is', async () => {
    const { element } = await mount({ seed: seed([]) });
    await writingArrived(element);
    const tabs = [...composer(element).querySelectorAll<HTMLElement>('[role="tab"]')];
    const underline = (tab: HTMLElement) => getComputedStyle(tab).borderBlockEndStyle;
    expect(tabs.map((tab) => tab.getAttribute('aria-selected'))).to.deep.equal(['true', 'false']);
    expect(tabs.map(underline)).to.deep.equal(['solid', 'none']);
    const heights = tabs.map((tab) => tab.getBoundingClientRect().height);
    expect(heights[0]).to.equal(heights[1]);
  });
});
