/**
 * Pages lay widgets out in flexboxes. A widget must then be as tall as what it shows: a host with
 * size containment (container-type) in a wrapping column was measured as if it were 0 wide,
 * which left a poll 1,659 px tall around 280 px of content.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { memoryAdapter as pollAdapter } from './helpers.js';
import '../../../src/components/poll/poll.js';
import { until } from '../support/shadow.js';

const heights = (element: Element) => ({
  host: Math.round(element.getBoundingClientRect().height),
  base: Math.round(element.shadowRoot!.querySelector('[part~="base"]')!.getBoundingClientRect().height),
});

describe('<plein-poll> in the page\'s layout', () => {
  it('is as tall as its content in a wrapping column flexbox', async () => {
    const column = await fixture<HTMLElement>(html`<div style="display: flex; flex-direction: column; flex-wrap: wrap; inline-size: 600px">
      <plein-poll poll="flex" type="single" .adapter=${pollAdapter()}>
        <span slot="question">A question long enough to wrap many times over when it is laid out very narrow indeed?</span>
        <plein-option value="yes">Yes, with a label of several words</plein-option>
        <plein-option value="no">No, with a label of several words</plein-option>
      </plein-poll>
    </div>`);
    const element = column.querySelector('plein-poll')!;
    await until(() => element.shadowRoot?.querySelectorAll('input').length === 2, 'the options');
    const { host, base } = heights(element);
    expect(base).to.be.greaterThan(100);
    expect(host).to.equal(base);
  });
});
