import { expect, fixture, html } from '@open-wc/testing';
import type { PleinPollClosedEvent } from '../../../src/components/poll/poll.js';
import { $, $$, another, announced, choose, definition, demoViewers, input, memoryAdapter, mount, resultRow, root, submit, text, until } from './helpers.js';

const ada = { id: 'demo-ada', name: 'Ada Bakker', avatarUrl: null, roles: ['member' as const] };

describe('<plein-poll> live and lifecycle', () => {
  it('moves the bars as other people vote', async () => {
    const adapter = memoryAdapter();
    const element = await mount(html`<plein-poll poll="live" .adapter=${adapter}>
      <span slot="question">Tea or coffee?</span>
      <plein-option value="tea">Tea</plein-option>
      <plein-option value="coffee">Coffee</plein-option>
    </plein-poll>`);
    expect(text(element, '[part~="total"]')).to.equal('No votes yet');

    await another(adapter, ada).vote('live', { choices: ['tea'] });
    await until(() => element.store?.$poll.get()?.ballotCount === 1, 'the live update');
    await element.updateComplete;
    expect(resultRow(element, 'Tea')).to.match(/100\s?%, 1 vote/);
    expect(text(element, '[part~="total"]')).to.equal('1 vote');

    await choose(element, 'coffee');
    await submit(element);
    await until(() => element.store?.$poll.get()?.tally?.total === 2, 'our vote');
    await element.updateComplete;
    expect(resultRow(element, 'Tea')).to.match(/50\s?%, 1 vote/);
    expect(resultRow(element, 'Coffee')).to.match(/50\s?%, 1 vote/);
    expect(text(element, '[part~="winner"]')).to.contain('No single option leads');
  });

  it("clears the choice shown when the same voter takes their vote back in another tab", async () => {
    const adapter = memoryAdapter();
    const element = await mount(html`<plein-poll poll="taken-back" allow-change .adapter=${adapter}>
      <span slot="question">Tea or coffee?</span>
      <plein-option value="tea">Tea</plein-option>
      <plein-option value="coffee">Coffee</plein-option>
    </plein-poll>`);
    const otherTab = another(adapter, demoViewers.member);
    await otherTab.vote('taken-back', { choices: ['coffee'] });
    await until(() => input(element, 'coffee').checked, 'the vote from the other tab shown as chosen');
    await otherTab.removeVote('taken-back');
    await until(() => element.store?.$poll.get()?.voted === false, 'the vote taken back');
    await element.updateComplete;
    expect(input(element, 'coffee').checked).to.equal(false);
  });

  it('withholds results until the poll closes, saying why and how many voted, then shows them to everyone', async () => {
    const adapter = memoryAdapter();
    const moderator = another(adapter, demoViewers.moderator);
    await moderator.ensurePoll(definition('secret-until-close', { results: 'after-close' }));
    await another(adapter, ada).vote('secret-until-close', { choices: ['utrecht'] });
    const element = await mount(html`<plein-poll poll="secret-until-close" .adapter=${adapter}></plein-poll>`);

    expect(text(element, '[part~="withheld"] p')).to.equal('Results are shown when the poll closes.');
    expect(text(element, '[part~="withheld"] [part~="total"]')).to.equal('1 vote');
    expect($$(element, '[part~="bar"]')).to.have.length(0);
    const closed: PleinPollClosedEvent[] = [];
    element.addEventListener('plein-poll-closed', (event) => closed.push(event));

    await moderator.closePoll('secret-until-close', true);
    await until(() => closed.length === 1, 'plein-poll-closed');
    await element.updateComplete;
    expect(closed[0]?.detail.by).to.equal('elsewhere');
    expect(text(element, '[part~="status"]')).to.equal('This poll is closed.');
    expect(resultRow(element, 'Utrecht')).to.match(/100\s?%, 1 vote/);
    expect(text(element, '[part~="winner"]')).to.equal('Result: Utrecht');
    expect($<HTMLFieldSetElement>(element, 'fieldset').disabled).to.equal(true);
    await announced(element, 'The poll is closed.');
  });

  it('keeps focus in the poll, on the line saying it is closed, when it closes elsewhere under a voter on Vote', async () => {
    const adapter = memoryAdapter();
    const element = await mount(html`<plein-poll poll="closing-under-focus" .adapter=${adapter}>
      <span slot="question">Tea or coffee?</span>
      <plein-option value="tea">Tea</plein-option>
      <plein-option value="coffee">Coffee</plein-option>
    </plein-poll>`);
    const moderator = another(adapter, demoViewers.moderator);
    $<HTMLButtonElement>(element, '[part~="submit"]').focus();
    expect(root(element).activeElement?.getAttribute('part')).to.contain('submit');

    await moderator.closePoll('closing-under-focus', true);
    await until(() => root(element).querySelector('[part~="status"]'), 'the closed state');
    await element.updateComplete;
    expect($$(element, '[part~="submit"]')).to.have.length(0);
    expect(root(element).activeElement, 'focus inside the poll').to.equal($(element, '[part~="status"]'));
    expect(document.activeElement).to.equal(element);
  });

  it('keeps focus in the poll when it closes under a voter on a choice, and again when it reopens under the closed line', async () => {
    const adapter = memoryAdapter();
    const element = await mount(html`<plein-poll poll="closing-under-choice" .adapter=${adapter}>
      <span slot="question">Tea or coffee?</span>
      <plein-option value="tea">Tea</plein-option>
      <plein-option value="coffee">Coffee</plein-option>
    </plein-poll>`);
    const moderator = another(adapter, demoViewers.moderator);
    input(element, 'tea').focus();

    await moderator.closePoll('closing-under-choice', true);
    await until(() => root(element).querySelector('[part~="status"]'), 'the closed state');
    await element.updateComplete;
    expect(input(element, 'tea').disabled || $<HTMLFieldSetElement>(element, 'fieldset').disabled).to.equal(true);
    expect(root(element).activeElement).to.equal($(element, '[part~="status"]'));

    await moderator.closePoll('closing-under-choice', false);
    await until(() => !root(element).querySelector('[part~="status"]'), 'the open state');
    await element.updateComplete;
    expect(root(element).activeElement).to.equal($(element, '[part~="question"]'));
  });

  it('leaves focus where it is on the page when the poll closes while someone works elsewhere', async () => {
    const adapter = memoryAdapter();
    const page = await fixture<HTMLDivElement>(html`<div>
      <input aria-label="Search" />
      <plein-poll poll="closing-elsewhere" .adapter=${adapter}>
        <span slot="question">Tea or coffee?</span>
        <plein-option value="tea">Tea</plein-option>
        <plein-option value="coffee">Coffee</plein-option>
      </plein-poll>
    </div>`);
    const element = page.querySelector('plein-poll')!;
    await until(() => root(element).querySelector('[part~="submit"]'), 'the ballot');
    const search = page.querySelector('input')!;
    search.focus();

    await another(adapter, demoViewers.moderator).closePoll('closing-elsewhere', true);
    await until(() => root(element).querySelector('[part~="status"]'), 'the closed state');
    await element.updateComplete;
    expect(document.activeElement).to.equal(search);
    expect(root(element).activeElement).to.equal(null);
  });

  it('counts down to the closing time and closes by itself when it passes', async () => {
    const adapter = memoryAdapter();
    const closes = new Date(Date.now() + 1500).toISOString();
    const element = await mount(html`<plein-poll poll="soon" results="after-close" closes=${closes} .adapter=${adapter}>
      <span slot="question">Quick?</span>
      <plein-option value="yes">Yes</plein-option>
      <plein-option value="no">No</plein-option>
    </plein-poll>`);
    // The countdown comes in a chunk of its own, fetched beside the first read.
    await until(() => root(element).querySelector('[part~="countdown"]'), 'the countdown');
    const countdown = $(element, '[part~="countdown"] time');
    expect(countdown.getAttribute('datetime')).to.equal(closes);
    expect(countdown.textContent).to.match(/^Closes in [12] seconds?$/);
    expect(countdown.getAttribute('title')).to.match(/^Closes on /);

    const closed: PleinPollClosedEvent[] = [];
    element.addEventListener('plein-poll-closed', (event) => closed.push(event));
    await until(() => closed.length === 1, 'the poll to close by time', 5000);
    expect(closed[0]?.detail.by).to.equal('time');
    await until(() => element.shadowRoot?.querySelector('[part~="status"]'), 'the closed state');
    expect($$(element, '[part~="countdown"]')).to.have.length(0);
  });

  it('lets a moderator close and reopen the poll, and export its results', async () => {
    const adapter = memoryAdapter({ viewer: demoViewers.moderator });
    const element = await mount(html`<plein-poll poll="moderated" .adapter=${adapter}>
      <span slot="question">Tea or coffee?</span>
      <plein-option value="tea">Tea</plein-option>
      <plein-option value="coffee">Coffee</plein-option>
    </plein-poll>`);
    await until(() => element.shadowRoot?.querySelector('[part~="close"]'), 'the moderator tools');
    const closed: PleinPollClosedEvent[] = [];
    element.addEventListener('plein-poll-closed', (event) => closed.push(event));

    $<HTMLButtonElement>(element, '[part~="close"]').click();
    await until(() => closed.length === 1, 'plein-poll-closed');
    expect(closed[0]?.detail.by).to.equal('moderator');
    expect((await adapter.getPoll('moderated'))?.status).to.equal('closed');
    await element.updateComplete;
    expect(text(element, '[part~="close"]')).to.equal('Reopen poll');

    $<HTMLButtonElement>(element, '[part~="close"]').click();
    await until(() => element.store?.$poll.get()?.status === 'open' && element.store.$pending.get() === null, 'the reopen');
    expect((await adapter.getPoll('moderated'))?.status).to.equal('open');
    await announced(element, 'The poll is open again.');

    const downloads: { name: string; href: string }[] = [];
    const onClick = (event: MouseEvent) => {
      const link = event.target as HTMLAnchorElement;
      if (link.download) {
        downloads.push({ name: link.download, href: link.href });
        event.preventDefault();
      }
    };
    document.addEventListener('click', onClick, true);
    try {
      $<HTMLButtonElement>(element, '[part~="export"]').click();
      await until(() => downloads.length === 1, 'the CSV download');
    } finally {
      document.removeEventListener('click', onClick, true);
    }
    expect(downloads[0]?.name).to.match(/moderated.*\.csv$/);
    const csv = await (await fetch(downloads[0]?.href ?? '')).text();
    expect(csv).to.contain('Tea');
  });

  it('lists who voted what in a public poll, and never offers that list elsewhere', async () => {
    const adapter = memoryAdapter({ viewer: demoViewers.moderator });
    await another(adapter, demoViewers.moderator).ensurePoll(definition('open-book', { voters: 'public' }));
    await another(adapter, ada).vote('open-book', { choices: ['amsterdam'] });
    const element = await mount(html`<plein-poll poll="open-book" .adapter=${adapter}></plein-poll>`);
    expect(text(element, '.header')).to.contain('Votes in this poll are public');
    await until(() => element.shadowRoot?.querySelector('[part~="voters-toggle"]'), 'the voters button');
    const toggle = $<HTMLButtonElement>(element, '[part~="voters-toggle"]');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await until(() => element.shadowRoot?.querySelector('[part~="voters"]'), 'the voter list');
    expect(text(element, '[part~="voters"]')).to.equal('Ada Bakker: Amsterdam');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');

    // The list follows new ballots while it is open.
    await another(adapter, { id: 'demo-kees', name: 'Kees Smit', avatarUrl: null, roles: ['member'] }).vote('open-book', { choices: ['utrecht'] });
    await until(() => element.shadowRoot?.querySelectorAll('[part~="voters"] li').length === 2, 'the second voter');
    expect($$(element, '[part~="voters"] li').map((item) => item.textContent?.trim())).to.deep.equal(['Ada Bakker: Amsterdam', 'Kees Smit: Utrecht']);

    const downloads: string[] = [];
    const onClick = (event: MouseEvent) => {
      const link = event.target as HTMLAnchorElement;
      if (link.download) {
        downloads.push(link.href);
        event.preventDefault();
      }
    };
    document.addEventListener('click', onClick, true);
    try {
      $<HTMLButtonElement>(element, '[part~="export-voters"]').click();
      await until(() => downloads.length === 1, 'the voters CSV');
    } finally {
      document.removeEventListener('click', onClick, true);
    }
    const csv = await (await fetch(downloads[0] ?? '')).text();
    expect(csv).to.contain('Ada Bakker');
    expect(csv).to.contain('Kees Smit');

    const secret = await mount(html`<plein-poll poll="open-book-secret" .adapter=${adapter}>
      <span slot="question">Secret?</span>
      <plein-option value="a">A</plein-option>
      <plein-option value="b">B</plein-option>
    </plein-poll>`);
    await until(() => secret.shadowRoot?.querySelector('[part~="close"]'), 'the moderator tools');
    expect($$(secret, '[part~="voters-toggle"]')).to.have.length(0);
  });
});
