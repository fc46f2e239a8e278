import { expect, html } from '@open-wc/testing';
import { part } from '../../../src/components/poll/parts.js';
import { $, announced, another, choose, definition, demoViewers, input, memoryAdapter, mount, root, text, until } from './helpers.js';

// The interaction part is loaded once per page, so the order of these tests matters: each runs on
// a page where it has not loaded yet until the test that loads it. (No `submit()` helper here: it
// waits for the part.)
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('<plein-poll> loads what voting does on intent', () => {
  it('leaves the interaction part unloaded for a reader of a read-only poll, whatever they do', async () => {
    const element = await mount(html`<plein-poll poll="intent-readonly" readonly .adapter=${memoryAdapter()}>
      <span slot="question">Tea or coffee?</span>
      <plein-option value="tea">Tea</plein-option>
      <plein-option value="coffee">Coffee</plein-option>
    </plein-poll>`);
    element.dispatchEvent(new PointerEvent('pointerenter'));
    element.dispatchEvent(new FocusEvent('focusin'));
    await pause(300);
    expect(part('interaction')).to.equal(undefined);
  });

  it('leaves it unloaded for a member pointing at a closed poll', async () => {
    const adapter = memoryAdapter();
    const moderator = another(adapter, demoViewers.moderator);
    await moderator.ensurePoll(definition('intent-closed'));
    await moderator.closePoll('intent-closed', true);
    const element = await mount(html`<plein-poll poll="intent-closed" .adapter=${adapter}></plein-poll>`);
    expect(element.store?.isClosed()).to.equal(true);
    element.dispatchEvent(new PointerEvent('pointerenter'));
    element.dispatchEvent(new Event('touchstart'));
    await pause(300);
    expect(part('interaction')).to.equal(undefined);
  });

  it('shows the ballot before the part is here, and sends a vote pressed before it arrives', async () => {
    const adapter = memoryAdapter();
    const element = await mount(html`<plein-poll poll="intent-first" .adapter=${adapter}>
      <span slot="question">Tea or coffee?</span>
      <plein-option value="tea">Tea</plein-option>
      <plein-option value="coffee">Coffee</plein-option>
    </plein-poll>`);
    expect(part('interaction')).to.equal(undefined);
    expect(text(element, '[part~="submit"]')).to.equal('Vote');
    await choose(element, 'coffee');
    expect(input(element, 'coffee').checked).to.equal(true);

    $<HTMLButtonElement>(element, '[part~="submit"]').click();
    await until(() => element.store?.$poll.get()?.voted === true && element.store.$pending.get() === null, 'the vote');
    expect((await adapter.getPoll('intent-first'))?.tally?.counts).to.deep.equal({ tea: 0, coffee: 1 });
    await element.updateComplete;
    await until(() => root(element).activeElement?.id === 'confirmation', 'focus on the confirmation');
    await announced(element, 'Thank you, your vote was counted.');
  });
});
