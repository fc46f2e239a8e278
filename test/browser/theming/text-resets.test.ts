/**
 * Text properties inherit through the shadow boundary. A page's `text-align: center` on a
 * section centred the comment bodies, the headings and the poll's labels, its `text-indent`
 * pushed avatar initials out of their circle, and `white-space: nowrap` made the Markdown hint
 * overflow. Each widget's base starts its text afresh; font family and size still come from
 * the page.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { comment, memoryAdapter as commentsAdapter, seed, writingArrived } from '../comments/helpers.js';
import { memoryAdapter as pollAdapter } from '../poll/helpers.js';
import '../../../src/components/comments/comments.js';
import '../../../src/components/poll/poll.js';
import { until } from '../support/shadow.js';

const PAGE = [
  'text-align: center',
  'text-indent: 3em',
  'white-space: nowrap',
  'text-transform: uppercase',
  'letter-spacing: 0.2em',
  'word-spacing: 1em',
  'font-style: italic',
  'font-variant: small-caps',
  'text-shadow: 0 0 2px red',
  'hyphens: auto',
  'cursor: crosshair',
  'word-break: break-all',
].join('; ');
const PROPERTIES = PAGE.split('; ').map((rule) => rule.split(':')[0]!).concat('font-variant-caps', 'font-family', 'font-size');

const widgets = (): TemplateResult => html`<plein-comments thread="thread" jsonld="off" .adapter=${commentsAdapter({ seed: seed([comment('a', { author: 'demo-kees' })]) })}></plein-comments>
  <plein-poll poll="resets" type="single" .adapter=${pollAdapter()}>
    <span slot="question">Which colour?</span><plein-option value="green">Green</plein-option><plein-option value="blue">Blue</plein-option>
  </plein-poll>`;

/** The listed properties of every element each widget draws (its base and all inside it), in document order. */
async function render(style: string): Promise<{ styles: Map<string, string>; section: HTMLElement }> {
  const section = await fixture<HTMLElement>(html`<section style="font: 15px Georgia, serif; ${style}">${widgets()}</section>`);
  const [comments, poll] = [section.querySelector('plein-comments')!, section.querySelector('plein-poll')!];
  await until(() => comments.shadowRoot?.querySelector('article') && poll.shadowRoot?.querySelector('.result-label'), 'both widgets');
  await writingArrived(comments);
  const styles = new Map<string, string>();
  for (const element of [comments, poll]) {
    element.shadowRoot!.querySelectorAll('[part~="base"], [part~="base"] *').forEach((node, index) => {
      const computed = getComputedStyle(node);
      const name = `${element.localName} ${index} ${node.getAttribute('part') ?? `${node.localName}.${node.className}`}`;
      for (const property of PROPERTIES) styles.set(`${name} ${property}`, computed.getPropertyValue(property));
    });
  }
  return { styles, section };
}

describe("a page's text properties", () => {
  it('do not reach into the widgets; their font family and size still do', async () => {
    const plain = (await render('')).styles;
    const { styles, section } = await render(PAGE);
    const leaks = [...styles].filter(([key, value]) => plain.get(key) !== value).map(([key, value]) => `${key}: ${plain.get(key)} -> ${value}`);
    expect(leaks).to.deep.equal([]);
    const base = section.querySelector('plein-comments')!.shadowRoot!.querySelector('[part~="base"]')!;
    expect(getComputedStyle(base).fontFamily).to.equal('Georgia, serif');
    expect(getComputedStyle(base).fontSize).to.equal('15px');
  });

  it('leave the hint inside the composer and the initials inside the avatar', async () => {
    const { section } = await render(PAGE);
    const shadow = section.querySelector('plein-comments')!.shadowRoot!;
    const inside = (inner: Element, outer: Element) => {
      const [a, b] = [inner.getBoundingClientRect(), outer.getBoundingClientRect()];
      return a.left >= b.left - 1 && a.right <= b.right + 1;
    };
    const hint = shadow.querySelector('[part~="hint"]')!;
    expect(hint.scrollWidth).to.be.at.most(hint.clientWidth + 1);
    expect(inside(hint, shadow.querySelector('[part~="composer"]')!)).to.equal(true);
    const avatar = shadow.querySelector<HTMLElement>('[part~="avatar"]')!;
    expect(avatar.scrollWidth, 'initials inside the circle').to.be.at.most(avatar.clientWidth);
  });
});
