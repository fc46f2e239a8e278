import { expect, fixture, html } from '@open-wc/testing';
import { demoViewers } from '../../../src/adapters/memory/index.js';
import type { PleinPoll } from '../../../src/components/poll/poll.js';
import type { AdapterError } from '../../../src/adapters/errors.js';
import type { PleinErrorEvent } from '../../../src/core/events.js';
import { part, setPartImporters, type PartImporters, type PartName } from '../../../src/components/poll/parts.js';
import { $, $$, announced, another, choose, definition, input, memoryAdapter, mount, resultRow, text, until } from './helpers.js';

// Each part loads once per page and stays, so every test here breaks a part this page has not
// loaded yet, before any test loads it. The order of the tests matters.

const offline = 'Could not reach the server. Check your connection and try again.';

/**
 * Makes part `name` fail to load, as a chunk that does not arrive does, until `repair()` puts the
 * real importer back; `attempts` counts the fetches tried meanwhile.
 */
function breakPart(name: PartName) {
  const state = { attempts: 0, repair: () => undefined as void };
  const replaced = setPartImporters({
    [name]: () => {
      state.attempts += 1;
      return Promise.reject(new TypeError(`Failed to fetch dynamically imported module: ${name}.js`));
    },
  } as Partial<PartImporters>);
  state.repair = () => void setPartImporters(replaced);
  return state;
}

let broken: ReturnType<typeof breakPart> | undefined;
afterEach(() => {
  broken?.repair();
  broken = undefined;
});

/** Renders the poll and waits for its read, without waiting for any part. */
async function render(template: ReturnType<typeof html>): Promise<PleinPoll> {
  const element = await fixture<PleinPoll>(template);
  await until(() => element.store?.$status.get() === 'ready' || element.store?.$status.get() === 'error', 'the poll to load');
  await element.updateComplete;
  return element;
}

const teaOrCoffee = (id: string, adapter: unknown) => html`<plein-poll poll=${id} .adapter=${adapter}>
  <span slot="question">Tea or coffee?</span>
  <plein-option value="tea">Tea</plein-option>
  <plein-option value="coffee">Coffee</plein-option>
</plein-poll>`;

describe('<plein-poll> when a part cannot be fetched', () => {
  it('says where the result bars would be that they could not load, tries again on intent, and draws them on retry', async () => {
    broken = breakPart('results');
    const adapter = memoryAdapter();
    await adapter.ensurePoll(definition('bars-offline'));
    await another(adapter, demoViewers.moderator).vote('bars-offline', { choices: ['amsterdam'] });
    // A reader only (`readonly`): intent then fetches the bars alone, not what voting does.
    const element = await render(html`<plein-poll poll="bars-offline" readonly .adapter=${adapter}></plein-poll>`);

    await until(() => element.shadowRoot?.querySelector('[part~="result"] [role="alert"]'), 'the failure where the bars would be');
    const box = $(element, '[part~="result"]');
    expect(text(element, '[part~="result"] [role="alert"]')).to.equal(`${offline} Try again`);
    expect(text(element, '[part~="total"]'), 'the count stands without its bars').to.equal('1 vote');
    expect(box.querySelector('[part~="results"]')).to.equal(null);
    const tried = broken.attempts;
    expect(tried).to.be.greaterThan(0);

    // A failed fetch is forgotten: the next sign of intent tries again.
    element.dispatchEvent(new PointerEvent('pointerenter'));
    await until(() => broken!.attempts > tried, 'another fetch');
    await until(() => element.shadowRoot?.querySelector('[part~="result"] [role="alert"]'), 'the failure again');
    expect(text(element, '[part~="result"] [role="alert"]')).to.contain(offline);

    broken.repair();
    $<HTMLButtonElement>(element, '[part~="result"] [role="alert"] button').click();
    await until(() => element.shadowRoot?.querySelector('[part~="results"]'), 'the result bars');
    expect(resultRow(element, 'Amsterdam')).to.contain('100%');
    expect($$(element, '[part~="result"] [role="alert"]')).to.have.length(0);
    expect(part('interaction'), 'a reader never fetches what voting does').to.equal(undefined);
  });

  it('tries again to fetch what voting does at each sign of intent after it failed, saying so under the ballot', async () => {
    broken = breakPart('interaction');
    const element = await mount(teaOrCoffee('intent-offline', memoryAdapter()));
    await choose(element, 'tea');

    element.dispatchEvent(new FocusEvent('focusin'));
    await until(() => element.shadowRoot?.querySelector('[part~="notice"][role="alert"]'), 'the failure under the ballot');
    expect(text(element, '[part~="notice"]')).to.equal(`${offline} Try again`);
    const tried = broken.attempts;

    element.dispatchEvent(new PointerEvent('pointerenter'));
    await until(() => broken!.attempts > tried, 'another fetch');
    expect(part('interaction')).to.equal(undefined);
    expect(input(element, 'tea').checked, 'the choice is kept').to.equal(true);
  });

  it('keeps the choice when a vote is pressed while what voting does cannot load, and sends it on retry', async () => {
    broken = breakPart('interaction');
    const adapter = memoryAdapter();
    const element = await mount(teaOrCoffee('vote-offline', adapter));
    await choose(element, 'coffee');

    const reported: PleinErrorEvent[] = [];
    element.addEventListener('plein-error', (event) => reported.push(event));
    $<HTMLButtonElement>(element, '[part~="submit"]').click();
    await until(() => element.shadowRoot?.querySelector('[part~="notice"] [part~="retry"]'), 'the failure with its retry');
    expect(text(element, '[part~="notice"]')).to.equal(`${offline} Try again`);
    expect(reported.map((event) => [event.detail.action, (event.detail.error as AdapterError).code]), 'the page hears of it').to.deep.equal([['vote', 'network']]);
    expect($(element, '[part~="notice"]').getAttribute('role')).to.equal('alert');
    expect(input(element, 'coffee').checked, 'the choice is kept').to.equal(true);
    expect(input(element, 'tea').checked).to.equal(false);
    expect(element.store?.$poll.get()?.voted).to.equal(false);
    expect((await adapter.getPoll('vote-offline'))?.ballotCount).to.equal(0);

    // The chunk is back: Retry carries out the vote that was pressed, with the choice on screen.
    broken.repair();
    $<HTMLButtonElement>(element, '[part~="notice"] [part~="retry"]').click();
    await until(() => element.store?.$poll.get()?.voted === true && element.store.$pending.get() === null, 'the vote');
    expect((await adapter.getPoll('vote-offline'))?.tally?.counts).to.deep.equal({ tea: 0, coffee: 1 });
    await announced(element, 'Thank you, your vote was counted.');
    await element.updateComplete;
    expect($$(element, '[part~="notice"]')).to.have.length(0);
  });

  it('says where the ranking ballot would be that it could not load, tries again on intent, and shows it on retry', async () => {
    broken = breakPart('ranked');
    const element = await render(html`<plein-poll poll="ranked-offline" type="ranked" .adapter=${memoryAdapter()}>
      <span slot="question">Rank the cities</span>
      <plein-option value="utrecht">Utrecht</plein-option>
      <plein-option value="delft">Delft</plein-option>
    </plein-poll>`);
    await until(() => element.shadowRoot?.querySelector('[part~="form"] [role="alert"]'), 'the failure where the ballot would be');
    expect(text(element, '[part~="form"] [role="alert"]')).to.equal(`${offline} Try again`);
    expect($$(element, 'plein-ranked-ballot')).to.have.length(0);
    const tried = broken.attempts;

    // Forgotten, so the next sign of intent fetches it again.
    element.dispatchEvent(new PointerEvent('pointerenter'));
    await until(() => broken!.attempts > tried, 'another fetch');
    await until(() => element.shadowRoot?.querySelector('[part~="form"] [role="alert"]'), 'the failure again');
    expect(text(element, '[part~="form"] [role="alert"]')).to.contain(offline);

    // A closed poll disables its ballot; its retry stays usable all the same.
    const shared = memoryAdapter();
    const moderator = another(shared, demoViewers.moderator);
    await moderator.ensurePoll(definition('ranked-offline-closed', { type: 'ranked' }));
    await moderator.closePoll('ranked-offline-closed', true);
    const closed = await render(html`<plein-poll poll="ranked-offline-closed" .adapter=${shared}></plein-poll>`);
    await until(() => closed.shadowRoot?.querySelector('[part~="form"] [role="alert"] button'), 'the failure in the closed poll');
    expect($<HTMLButtonElement>(closed, '[part~="form"] [role="alert"] button').matches(':disabled')).to.equal(false);

    broken.repair();
    $<HTMLButtonElement>(element, '[part~="form"] [role="alert"] button').click();
    await until(() => element.shadowRoot?.querySelector('plein-ranked-ballot'), 'the ranking ballot');
    expect($$(element, '[part~="form"] [role="alert"]')).to.have.length(0);
    $<HTMLButtonElement>(closed, '[part~="form"] [role="alert"] button').click();
    await until(() => closed.shadowRoot?.querySelector('plein-ranked-ballot'), 'the closed poll’s ranking');
  });

  it('tells the site owner a refused definition’s problems could not load, and shows them on retry', async () => {
    broken = breakPart('manage');
    const element = await render(html`<plein-poll poll="refused-offline" voters="public anonymous" .adapter=${memoryAdapter()}>
      <span slot="question">Which one?</span>
      <plein-option value="a">A</plein-option>
      <plein-option value="b">B</plein-option>
    </plein-poll>`);
    await until(() => element.shadowRoot?.querySelector('[role="alert"] button'), 'the failure where the problems would be');
    expect(text(element, '[role="alert"]')).to.equal(`${offline} Try again`);

    broken.repair();
    $<HTMLButtonElement>(element, '[role="alert"] button').click();
    await until(() => element.shadowRoot?.querySelector('.problems'), 'the definition problems');
    expect(text(element, '.problems')).to.contain('Voters cannot be both public and anonymous: choose one.');
  });
});
