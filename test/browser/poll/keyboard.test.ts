import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PleinPoll } from '../../../src/components/poll/poll.js';
import { $, another, demoViewers, memoryAdapter, mount, root, until } from './helpers.js';

/** Presses Tab until the focused element matches, like a keyboard user would (deep into nested shadow roots). */
async function tabTo(matches: (focused: Element) => boolean, what: string): Promise<Element> {
  for (let presses = 0; presses < 40; presses++) {
    const focused = deepFocus();
    if (focused && matches(focused)) return focused;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached ${what}`);
}

function deepFocus(): Element | null {
  let focused: Element | null = document.activeElement;
  while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
  return focused;
}

function startBefore(element: PleinPoll): void {
  const start = document.createElement('button');
  start.textContent = 'before';
  element.before(start);
  start.focus();
}

function endAfter(element: PleinPoll): HTMLButtonElement {
  const end = document.createElement('button');
  end.textContent = 'after';
  element.after(end);
  return end;
}

const voted = (element: PleinPoll) => () => element.store?.$poll.get()?.voted === true && element.store.$pending.get() === null;

describe('<plein-poll> keyboard', () => {
  it('votes in a single-choice poll with Tab, arrow keys and Enter, then lands on the confirmation', async () => {
    const adapter = memoryAdapter();
    const element = await mount(html`<plein-poll poll="keys" .adapter=${adapter}>
      <span slot="question">Which city?</span>
      <plein-option value="utrecht">Utrecht</plein-option>
      <plein-option value="amsterdam">Amsterdam</plein-option>
      <plein-option value="delft">Delft</plein-option>
    </plein-poll>`);
    startBefore(element);

    await tabTo((focused) => focused.matches('input[type="radio"]'), 'the first radio button');
    // Arrow keys move through a radio group and select as they go, as in any native form.
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect((deepFocus() as HTMLInputElement).value).to.equal('delft');
    await tabTo((focused) => focused.matches('[part~="submit"]'), 'the Vote button');
    await sendKeys({ press: 'Enter' });
    await until(voted(element), 'the vote');
    await element.updateComplete;
    expect((await adapter.getPoll('keys'))?.tally?.counts.delft).to.equal(1);
    expect(root(element).activeElement?.id).to.equal('confirmation');
  });

  it('goes on from the confirmation with Tab, past the poll, and back to the vote buttons with Shift+Tab', async () => {
    const adapter = memoryAdapter();
    const element = await mount(html`<plein-poll poll="keys-on" allow-change .adapter=${adapter}>
      <span slot="question">Which city?</span>
      <plein-option value="utrecht">Utrecht</plein-option>
      <plein-option value="delft">Delft</plein-option>
    </plein-poll>`);
    startBefore(element);
    const end = endAfter(element);
    await tabTo((focused) => focused.matches('input[type="radio"]'), 'the first radio button');
    await sendKeys({ press: 'ArrowDown' });
    await tabTo((focused) => focused.matches('[part~="submit"]'), 'the Vote button');
    await sendKeys({ press: 'Enter' });
    await until(voted(element), 'the vote');
    await until(() => root(element).activeElement?.id === 'confirmation', 'focus on the confirmation');

    // Chromium took Tab from a focused element outside the tab order, with nothing to focus after
    // it in the shadow root, back to the shadow root's first control: the ballot, again.
    await sendKeys({ press: 'Tab' });
    expect(deepFocus(), 'Tab from the confirmation').to.equal(end);
    // Only for that press: the confirmation is no stop of its own.
    expect($(element, '#confirmation').getAttribute('tabindex')).to.equal('-1');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(deepFocus()?.getAttribute('part')).to.equal('remove-vote');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(deepFocus()?.getAttribute('part')).to.equal('submit');
  });

  it('goes on with Tab from the closed line that took the focus of a poll closed under the voter', async () => {
    const adapter = memoryAdapter();
    const element = await mount(html`<plein-poll poll="keys-closed" .adapter=${adapter}>
      <span slot="question">Which city?</span>
      <plein-option value="utrecht">Utrecht</plein-option>
      <plein-option value="delft">Delft</plein-option>
    </plein-poll>`);
    startBefore(element);
    const end = endAfter(element);
    await tabTo((focused) => focused.matches('[part~="submit"]'), 'the Vote button');
    await another(adapter, demoViewers.moderator).closePoll('keys-closed', true);
    await until(() => root(element).activeElement?.matches('[part~="status"]'), 'focus on the closed line');

    await sendKeys({ press: 'Tab' });
    expect(deepFocus(), 'Tab from the closed line').to.equal(end);
  });

  it('checks boxes with Space in a multiple-choice poll', async () => {
    const adapter = memoryAdapter();
    const element = await mount(html`<plein-poll poll="keys-multi" type="multiple" .adapter=${adapter}>
      <span slot="question">Which days?</span>
      <plein-option value="mon">Monday</plein-option>
      <plein-option value="tue">Tuesday</plein-option>
      <plein-option value="wed">Wednesday</plein-option>
    </plein-poll>`);
    startBefore(element);
    await tabTo((focused) => focused.matches('input[value="mon"]'), 'Monday');
    await sendKeys({ press: 'Space' });
    await tabTo((focused) => focused.matches('input[value="wed"]'), 'Wednesday');
    await sendKeys({ press: 'Space' });
    await tabTo((focused) => focused.matches('[part~="submit"]'), 'the Vote button');
    await sendKeys({ press: 'Space' });
    await until(voted(element), 'the vote');
    expect((await adapter.getPoll('keys-multi'))?.tally?.counts).to.deep.equal({ mon: 1, tue: 0, wed: 1 });
  });

  it('ranks and votes in a ranked poll with the keyboard alone, and shows the runoff', async () => {
    const adapter = memoryAdapter();
    const element = await mount(html`<plein-poll poll="keys-ranked" type="ranked" .adapter=${adapter}>
      <span slot="question">Rank the venues</span>
      <plein-option value="utrecht">Utrecht</plein-option>
      <plein-option value="amsterdam">Amsterdam</plein-option>
      <plein-option value="delft">Delft</plein-option>
    </plein-poll>`);
    await until(() => root(element).querySelector('plein-ranked-ballot'), 'the ranked ballot');
    startBefore(element);

    // Add Delft, then Utrecht, then move Utrecht above Delft with Arrow Up.
    await tabTo((focused) => focused.getAttribute('aria-label') === 'Add Delft to your ranking', 'Add Delft');
    await sendKeys({ press: 'Enter' });
    await tabTo((focused) => focused.getAttribute('aria-label') === 'Add Utrecht to your ranking', 'Add Utrecht');
    await sendKeys({ press: 'Enter' });
    await until(() => deepFocus()?.getAttribute('aria-label') === 'Move Utrecht up', 'focus on the moved option');
    await sendKeys({ press: 'ArrowUp' });
    await tabTo((focused) => focused.matches('[part~="submit"]'), 'the Vote button');
    await sendKeys({ press: 'Enter' });
    await until(voted(element), 'the ranked vote');

    expect(element.store?.$poll.get()?.myBallot).to.deep.equal({ choices: ['utrecht', 'delft'] });
    await until(() => root(element).querySelector('plein-runoff-table'), 'the runoff table');
    expect($(element, '[part~="winner"]').textContent).to.contain('Utrecht');
  });
});
