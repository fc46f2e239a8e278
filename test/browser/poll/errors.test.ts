import { expect, html } from '@open-wc/testing';
import { AdapterError } from '../../../src/adapters/errors.js';
import type { PleinErrorEvent } from '../../../src/core/events.js';
import { $, $$, announced, choose, definition, demoViewers, input, memoryAdapter, mount, submit, text, until } from './helpers.js';

const poll = (adapter: unknown, extra = '') => html`<plein-poll poll="errors" .adapter=${adapter} integrity=${extra || 'member'}>
  <span slot="question">Tea or coffee?</span>
  <plein-option value="tea">Tea</plein-option>
  <plein-option value="coffee">Coffee</plein-option>
</plein-poll>`;

describe('<plein-poll> errors', () => {
  it('keeps the choice after a network failure and counts the vote on retry', async () => {
    let offline = true;
    const adapter = memoryAdapter({ failWith: (method) => (offline && method === 'vote' ? new AdapterError('network', 'offline') : undefined) });
    const element = await mount(poll(adapter));
    const errors: PleinErrorEvent[] = [];
    element.addEventListener('plein-error', (event) => errors.push(event));

    await choose(element, 'coffee');
    await submit(element);
    await until(() => element.store?.$lastError.get() !== null, 'the failure');
    await element.updateComplete;

    // Rolled back, visibly, with the choice still made.
    expect(element.store?.$poll.get()?.voted).to.equal(false);
    expect(element.store?.$poll.get()?.ballotCount).to.equal(0);
    expect(text(element, '[part~="notice"]')).to.contain('no connection. Your choice is kept');
    expect(input(element, 'coffee').checked).to.equal(true);
    expect(errors.map((event) => [event.detail.action, (event.detail.error as AdapterError).code])).to.deep.equal([['vote', 'network']]);
    await announced(element, 'Your choice is kept');

    offline = false;
    $<HTMLButtonElement>(element, '[part~="retry"]').click();
    await until(() => element.store?.$poll.get()?.voted === true && element.store.$pending.get() === null, 'the retried vote');
    expect((await adapter.getPoll('errors'))?.tally?.counts).to.deep.equal({ tea: 0, coffee: 1 });
  });

  it('says in seconds when a rate-limited voter can try again', async () => {
    const adapter = memoryAdapter({
      failWith: (method) => (method === 'vote' ? new AdapterError('rate-limited', 'slow down', { retryAfter: 30 }) : undefined),
    });
    const element = await mount(poll(adapter));
    await choose(element, 'tea');
    await submit(element);
    await until(() => element.store?.$lastError.get() !== null, 'the refusal');
    await element.updateComplete;
    expect(text(element, '[part~="notice"]')).to.contain('You can try again in 30 seconds.');
    expect($(element, '[part~="submit"]').getAttribute('aria-disabled')).to.equal('true');
    expect(input(element, 'tea').checked).to.equal(true);
  });

  it("shows the backend's ballot refusal under the choices", async () => {
    const adapter = memoryAdapter({
      failWith: (method) =>
        method === 'vote' ? AdapterError.invalid({ choices: { reason: 'unknown-option', message: 'Choose one of the options.' } }) : undefined,
    });
    const element = await mount(poll(adapter));
    await choose(element, 'tea');
    await submit(element);
    await until(() => Object.keys(element.store?.$fieldErrors.get() ?? {}).length > 0, 'the field error');
    await element.updateComplete;
    expect(text(element, '[part~="field-error"]')).to.equal('Choose one of the options.');
    expect($$(element, '[part~="notice"].danger')).to.have.length(0);
    expect(input(element, 'tea').checked).to.equal(true);
  });

  it('asks the page to sign in an anonymous visitor who votes in a member poll', async () => {
    const adapter = memoryAdapter({ viewer: null });
    const element = await mount(poll(adapter));
    const requests: string[] = [];
    const onLogin = (event: Event) => {
      requests.push((event as CustomEvent<{ action: string }>).detail.action);
      event.preventDefault();
    };
    document.addEventListener('plein-login-request', onLogin);
    try {
      await choose(element, 'tea');
      await submit(element);
      expect(requests).to.deep.equal(['vote']);
      expect((await adapter.getPoll('errors'))?.ballotCount).to.equal(0);
      // The page handled it; no fallback note, and the choice waits for after the sign-in.
      expect(text(element)).not.to.contain('Only signed-in members');
      expect(input(element, 'tea').checked).to.equal(true);
    } finally {
      document.removeEventListener('plein-login-request', onLogin);
    }

    await submit(element);
    expect(text(element, '[part~="notice"]')).to.equal('Only signed-in members can vote in this poll.');

    // Signed in (by the page), the visitor votes with the choice they had made.
    adapter.setViewer(demoViewers.member);
    await until(() => element.store?.$viewer.get() !== null && element.store?.$status.get() === 'ready', 'the signed-in viewer');
    await element.updateComplete;
    expect(element.shadowRoot?.querySelector('[part~="notice"]')).to.equal(null);
    expect(input(element, 'tea').checked).to.equal(true);
    await submit(element);
    await until(() => element.store?.$poll.get()?.voted === true && element.store.$pending.get() === null, 'the vote');
    expect((await adapter.getPoll('errors'))?.tally?.counts).to.deep.equal({ tea: 1, coffee: 0 });
  });

  it('lets an anonymous visitor vote directly in a device poll', async () => {
    const adapter = memoryAdapter({ viewer: null });
    const element = await mount(poll(adapter, 'device'));
    let requested = false;
    element.addEventListener('plein-login-request', () => (requested = true));
    await choose(element, 'tea');
    await submit(element);
    await until(() => element.store?.$poll.get()?.voted === true && element.store.$pending.get() === null, 'the device vote');
    expect(requested).to.equal(false);
    expect((await adapter.getPoll('errors'))?.tally?.counts).to.deep.equal({ tea: 1, coffee: 0 });
  });

  it('tells a guest that only members vote, with the ballot disabled', async () => {
    const adapter = memoryAdapter({ viewer: { id: 'guest-1', name: 'Gast', avatarUrl: null, roles: [], guest: true } });
    const element = await mount(poll(adapter));
    expect($<HTMLFieldSetElement>(element, 'fieldset').disabled).to.equal(true);
    expect(text(element, '[part~="notice"]')).to.equal('Only members can vote in this poll.');
    expect($$(element, '[part~="submit"]')).to.have.length(0);
  });

  it('shows the definition problem the backend names, for the site owner, at the top', async () => {
    const adapter = memoryAdapter();
    const element = await mount(html`<plein-poll poll="both" voters="public anonymous" .adapter=${adapter}>
      <span slot="question">Which one?</span>
      <plein-option value="a">A</plein-option>
      <plein-option value="b">B</plein-option>
    </plein-poll>`);
    await until(() => element.shadowRoot?.querySelector('.problems'), 'the definition problems');
    const shown = text(element, '[part~="error"]');
    expect(shown).to.contain('This poll cannot be shown yet: its settings need fixing.');
    expect(shown).to.contain('voters: Voters cannot be both public and anonymous: choose one.');
    expect(shown).to.contain('<plein-poll poll="both">');
    expect($(element, '[part~="error"]').getAttribute('role')).to.equal('alert');
    expect(await adapter.getPoll('both')).to.equal(null);
  });

  it('asks for a time zone in a closing time instead of reading it in the visitor’s own zone', async () => {
    const adapter = memoryAdapter();
    const element = await mount(html`<plein-poll poll="no-zone" closes="2099-01-01T10:00" .adapter=${adapter}>
      <span slot="question">Which one?</span>
      <plein-option value="a">A</plein-option>
      <plein-option value="b">B</plein-option>
    </plein-poll>`);
    await until(() => element.shadowRoot?.querySelector('.problems'), 'the definition problems');
    expect(text(element, '.problems')).to.equal('closes: Use an ISO 8601 date and time with a time zone, such as 2026-12-31T18:00:00Z.');
    expect(await adapter.getPoll('no-zone')).to.equal(null);
  });

  it('names each impossible setting under its attribute', async () => {
    const adapter = memoryAdapter();
    const element = await mount(html`<plein-poll poll="range" type="multiple" min="3" max="2" .adapter=${adapter}>
      <span slot="question">Pick some</span>
      <plein-option value="a">A</plein-option>
      <plein-option value="a">Also A</plein-option>
      <plein-option value="c">C</plein-option>
    </plein-poll>`);
    await until(() => element.shadowRoot?.querySelector('.problems'), 'the definition problems');
    const shown = text(element, '.problems');
    expect(shown).to.contain('min: The minimum (3) cannot be above the maximum (2).');
    expect(shown).to.contain('<plein-option> 2 (value)');
  });

  it('says clearly when a poll referenced by id does not exist', async () => {
    const element = await mount(html`<plein-poll poll="nobody-made-this" .adapter=${memoryAdapter()}></plein-poll>`);
    expect(element.store?.$status.get()).to.equal('not-found');
    expect(text(element)).to.contain('There is no poll called “nobody-made-this”.');
  });

  it('offers a retry when loading fails, and then shows the poll', async () => {
    let down = true;
    const adapter = memoryAdapter({ failWith: (method) => (down && method === 'getPoll' ? new AdapterError('unavailable', 'down') : undefined) });
    const maker = memoryAdapter({ namespace: adapter.namespace, viewer: demoViewers.moderator });
    await maker.ensurePoll(definition('by-ref'));
    const errors: PleinErrorEvent[] = [];
    const onError = (event: Event) => errors.push(event as PleinErrorEvent);
    document.addEventListener('plein-error', onError);
    const element = await mount(html`<plein-poll poll="by-ref" .adapter=${adapter}></plein-poll>`).finally(() =>
      document.removeEventListener('plein-error', onError),
    );
    expect(text(element)).to.contain('The poll could not be loaded.');
    expect(text(element)).to.contain('This is not available right now.');
    expect(errors.map((event) => event.detail.action)).to.deep.equal(['load']);
    down = false;
    $<HTMLButtonElement>(element, '[part~="retry"]').click();
    await until(() => element.store?.$status.get() === 'ready', 'the reload');
    await element.updateComplete;
    expect($(element, 'legend').textContent).to.contain('Where shall we meet next?');
  });
});
