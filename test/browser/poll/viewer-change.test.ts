import { expect, html } from '@open-wc/testing';
import type { Viewer } from '../../../src/adapters/contract.js';
import type { PleinPoll } from '../../../src/components/poll/poll.js';
import { $$, another, choose, definition, demoViewers, input, memoryAdapter, mount, resultRow, resultsDrawn, submit, text, until } from './helpers.js';

/** Signs `viewer` in (or out, with `null`) as the page does, and waits until the poll was read for them. */
async function becomes(element: PleinPoll, viewer: Viewer | null, adapter = element.adapter as ReturnType<typeof memoryAdapter>): Promise<void> {
  adapter.setViewer(viewer);
  await until(() => element.store?.$viewer.get()?.id === viewer?.id && element.store?.$status.get() === 'ready', `the poll read for ${viewer?.name ?? 'a visitor'}`);
  await element.updateComplete;
  await resultsDrawn(element);
}

const checked = (element: PleinPoll): string[] => $$<HTMLInputElement>(element, 'input').filter((box) => box.checked).map((box) => box.value);

const voted = (element: PleinPoll) => until(() => element.store?.$poll.get()?.voted === true && element.store.$pending.get() === null, 'the vote');

describe('<plein-poll> when the viewer changes without a reload', () => {
  it("shows a member who signs in after a visitor voted none of the visitor's choice, and lets them cast their own", async () => {
    const adapter = memoryAdapter({ viewer: null });
    const element = await mount(html`<plein-poll poll="market" .adapter=${adapter}></plein-poll>`);
    await another(adapter, demoViewers.moderator).ensurePoll(definition('market', { integrity: 'device' }));
    await element.store?.load();
    await element.updateComplete;
    await choose(element, 'amsterdam');
    await submit(element);
    await voted(element);
    await resultsDrawn(element);
    expect(resultRow(element, 'Amsterdam')).to.contain('your choice');

    await becomes(element, demoViewers.moderator);
    expect(checked(element)).to.deep.equal([]);
    expect(resultRow(element, 'Amsterdam')).not.to.contain('your choice');
    expect(text(element)).not.to.contain('Thank you');
    expect($$(element, '[part~="submit"]')).to.have.length(1);

    await choose(element, 'utrecht');
    await submit(element);
    await voted(element);
    expect((await adapter.getPoll('market'))?.tally?.counts).to.deep.equal({ utrecht: 1, amsterdam: 1 });
  });

  it("shows a visitor, after a member signed out, the form and not the member's ballot", async () => {
    const adapter = memoryAdapter();
    const element = await mount(html`<plein-poll poll="tea" .adapter=${adapter}></plein-poll>`);
    await another(adapter, demoViewers.moderator).ensurePoll(definition('tea', { allowChange: true }));
    await element.store?.load();
    await element.updateComplete;
    await choose(element, 'utrecht');
    await submit(element);
    await voted(element);

    await becomes(element, null);
    expect(checked(element)).to.deep.equal([]);
    expect(resultRow(element, 'Utrecht')).not.to.contain('your choice');

    // Back as the member: their stored ballot, without the thank-you of a vote cast this visit.
    await becomes(element, demoViewers.member);
    await until(() => checked(element).length === 1, "the member's ballot");
    expect(checked(element)).to.deep.equal(['utrecht']);
    expect(resultRow(element, 'Utrecht')).to.contain('your choice');
    expect(text(element)).not.to.contain('Thank you');
    expect(input(element, 'utrecht').checked).to.equal(true);
  });

  it('closes the voter list the last person opened, and opens it again for the next', async () => {
    const adapter = memoryAdapter({ viewer: demoViewers.moderator });
    await another(adapter, demoViewers.moderator).ensurePoll(definition('open-list', { voters: 'public' }));
    await another(adapter, demoViewers.member).vote('open-list', { choices: ['utrecht'] });
    const element = await mount(html`<plein-poll poll="open-list" .adapter=${adapter}></plein-poll>`);
    await until(() => element.shadowRoot?.querySelector('[part~="voters-toggle"]'), 'the voters button');
    $$<HTMLButtonElement>(element, '[part~="voters-toggle"]')[0]?.click();
    await until(() => $$(element, '[part~="voters"] li').length === 1, 'the voter list');

    await becomes(element, demoViewers.admin);
    expect($$(element, '[part~="voters"]')).to.have.length(0);
    $$<HTMLButtonElement>(element, '[part~="voters-toggle"]')[0]?.click();
    await until(() => $$(element, '[part~="voters"] li').length === 1, 'the voter list for the admin');
  });
});
