/**
 * A phone with large text: 320 px and 200 % text. Each reply level indented by the avatar's
 * half, a line and more, and kept its own avatar column, so the deepest reply had 26 px of its
 * 256 for its text and its actions were clipped ("Delet"); the poll's value column never wrapped,
 * so a result label broke inside a word ("Gree/n").
 */
import { expect, fixture, html } from '@open-wc/testing';
import { comment, memoryAdapter as commentsAdapter, seed, writingArrived } from '../comments/helpers.js';
import { memoryAdapter as pollAdapter } from '../poll/helpers.js';
import '../../../src/components/comments/comments.js';
import '../../../src/components/poll/poll.js';
import { until } from '../support/shadow.js';

const BOX = 'inline-size: 320px; font-size: 32px';

describe('the narrow layout at 320 px with 200 % text', () => {
  it('keeps most of the width for the deepest reply, and its actions whole', async () => {
    const adapter = commentsAdapter({
      seed: seed([
        comment('a', { body: 'Top level words' }),
        comment('b', { parentId: 'a', body: 'First reply words' }),
        comment('c', { parentId: 'b', body: 'Second reply words' }),
        comment('d', { parentId: 'c', body: 'Third reply words' }),
      ]),
    });
    const box = await fixture<HTMLElement>(html`<div style="inline-size: 320px"><plein-comments thread="thread" jsonld="off" .adapter=${adapter}></plein-comments></div>`);
    const element = box.querySelector('plein-comments')!;
    await until(() => element.shadowRoot?.querySelectorAll('article').length === 4, 'the comments');
    await writingArrived(element);
    const shadow = element.shadowRoot!;
    await until(() => shadow.querySelector('.base.narrow'), 'the narrow layout');
    box.style.fontSize = '32px';
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const content = shadow.querySelector('[part~="list"]')!.getBoundingClientRect().width;
    const deepest = shadow.querySelector('#plein-comment-d [part~="body"]')!.getBoundingClientRect().width;
    expect(deepest / content, `${Math.round(deepest)} px of ${Math.round(content)}`).to.be.at.least(0.5);
    const right = element.getBoundingClientRect().right;
    for (const button of shadow.querySelectorAll<HTMLElement>('#plein-comment-d [part~="action"]')) {
      expect(button.scrollWidth, `${button.textContent?.trim()} whole`).to.be.at.most(button.clientWidth + 1);
      expect(button.getBoundingClientRect().right, `${button.textContent?.trim()} inside`).to.be.at.most(right + 1);
    }
  });

  it('puts a result value under its label rather than breaking the label inside a word', async () => {
    const box = await fixture<HTMLElement>(html`<div style=${BOX}>
      <plein-poll poll="narrow" type="single" .adapter=${pollAdapter()}>
        <span slot="question">Which colour?</span>
        <plein-option value="turquoise">Turquoise</plein-option>
        <plein-option value="blue">Blue</plein-option>
      </plein-poll>
    </div>`);
    const element = box.querySelector('plein-poll')!;
    await until(() => element.shadowRoot?.querySelectorAll('.result-label').length === 2, 'the results');
    for (const label of element.shadowRoot!.querySelectorAll<HTMLElement>('.result-label')) {
      const lines = Math.round(label.getBoundingClientRect().height / parseFloat(getComputedStyle(label).lineHeight));
      expect(lines, `"${label.textContent?.trim()}" on ${lines} lines`).to.equal(1);
    }
  });
});
