/**
 * Pages lay widgets out in flexboxes and fit-content boxes. The element must then be as tall as
 * what it shows and have a width of its own: as a size container (for its narrow layout) it was
 * 847 px tall around 461 px of content in a wrapping column, and 0 px wide in a fit-content box.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { comment, memoryAdapter, seed } from './helpers.js';
import { until } from '../support/shadow.js';

const body = 'A comment with enough words to wrap many times over when it is laid out very narrow. '.repeat(4);

async function inBox(style: string) {
  const adapter = memoryAdapter({ seed: seed([comment('a', { body }), comment('b')]) });
  const box = await fixture<HTMLElement>(html`<div style=${style}><plein-comments thread="thread" jsonld="off" .adapter=${adapter}></plein-comments></div>`);
  const element = box.querySelector('plein-comments')!;
  await until(() => element.shadowRoot?.querySelectorAll('article').length === 2, 'the comments');
  const base = element.shadowRoot!.querySelector<HTMLElement>('[part~="base"]')!;
  return { box, element, base };
}

describe('<plein-comments> in the page\'s layout', () => {
  it('is as tall as its content in a wrapping column flexbox', async () => {
    const { element, base } = await inBox('display: flex; flex-direction: column; flex-wrap: wrap; inline-size: 600px');
    expect(Math.round(element.getBoundingClientRect().height)).to.equal(Math.round(base.getBoundingClientRect().height));
  });

  it('has a width of its own in a fit-content box', async () => {
    const { element } = await inBox('inline-size: fit-content; max-inline-size: 600px');
    expect(element.getBoundingClientRect().width).to.be.greaterThan(200);
  });

  it('takes the tighter layout under 30em wide, and leaves it above, with no ResizeObserver loop reported', async () => {
    const loops: string[] = [];
    const listen = (event: ErrorEvent) => {
      if (event.message.includes('ResizeObserver')) {
        loops.push(event.message);
        event.preventDefault();
      }
    };
    window.addEventListener('error', listen);
    try {
      const { box, base } = await inBox('inline-size: 320px');
      await until(() => base.classList.contains('narrow'), 'the narrow layout at 320px');
      box.style.inlineSize = '700px';
      await until(() => !base.classList.contains('narrow'), 'the wide layout at 700px');
      box.style.inlineSize = '320px';
      await until(() => base.classList.contains('narrow'), 'the narrow layout again');
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    } finally {
      window.removeEventListener('error', listen);
    }
    expect(loops).to.deep.equal([]);
  });

  it("draws a focused comment's ring and a highlighted comment's frame inside its block, which content-visibility clips", async () => {
    const { element } = await inBox('inline-size: 600px');
    const article = element.shadowRoot!.querySelector<HTMLElement>('article')!;
    const block = article.closest<HTMLElement>('.block')!;
    expect(getComputedStyle(block).contentVisibility).to.equal('auto');
    article.focus();
    expect(article.matches(':focus-visible')).to.equal(true);
    const style = getComputedStyle(article);
    const reach = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth);
    const [inner, outer] = [article.getBoundingClientRect(), block.getBoundingClientRect()];
    expect(inner.left - reach).to.be.at.least(outer.left);
    expect(inner.right + reach).to.be.at.most(outer.right);
    expect(inner.top - reach).to.be.at.least(outer.top);

    article.classList.add('highlighted');
    expect(getComputedStyle(article).boxShadow).to.match(/inset/);
  });
});
