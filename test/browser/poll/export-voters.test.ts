import { expect, html } from '@open-wc/testing';
import type { Viewer } from '../../../src/adapters/contract.js';
import { AdapterError } from '../../../src/adapters/errors.js';
import type { MemoryAdapter } from '../../../src/adapters/memory/index.js';
import type { PleinErrorEvent } from '../../../src/core/events.js';
import type { PleinPoll } from '../../../src/components/poll/poll.js';
import { $, $$, another, definition, demoViewers, memoryAdapter, mount, text, until } from './helpers.js';

/** More voters than two pages of the voter list hold (50 a page). */
const VOTERS = 120;

const voter = (index: number): Viewer => ({ id: `voter-${index}`, name: `Voter ${index}`, avatarUrl: null, roles: ['member'] });

/** A `public` poll `id` in `adapter`'s namespace with `count` voters, every other one for Amsterdam. */
async function publicPoll(adapter: MemoryAdapter, id: string, count = VOTERS): Promise<void> {
  await another(adapter, demoViewers.moderator).ensurePoll(definition(id, { voters: 'public' }));
  const ballots = another(adapter, null);
  for (let index = 0; index < count; index++) {
    ballots.setViewer(voter(index));
    await ballots.vote(id, { choices: [index % 2 ? 'amsterdam' : 'utrecht'] });
  }
}

/** The files `<plein-poll>` offers for download while `act` runs, read back as text. */
async function downloads(act: () => Promise<void>): Promise<string[]> {
  const links: string[] = [];
  const onClick = (event: MouseEvent) => {
    const link = event.target as HTMLAnchorElement;
    if (link.download) {
      links.push(link.href);
      event.preventDefault();
    }
  };
  document.addEventListener('click', onClick, true);
  try {
    await act();
  } finally {
    document.removeEventListener('click', onClick, true);
  }
  return Promise.all(links.map(async (href) => (await fetch(href)).text()));
}

/** The voter ids in a voters CSV (the second column; the names and ids here have no commas). */
const voterIds = (csv: string): string[] =>
  csv
    .split('\r\n')
    .slice(1)
    .filter(Boolean)
    .map((row) => row.split(',')[1] ?? '');

const everyVoter = Array.from({ length: VOTERS }, (_, index) => `voter-${index}`);

const exportButton = (element: PleinPoll) => $<HTMLButtonElement>(element, '[part~="export-voters"]');

async function openVoterList(element: PleinPoll): Promise<void> {
  await until(() => element.shadowRoot?.querySelector('[part~="voters-toggle"]'), 'the voters button');
  $<HTMLButtonElement>(element, '[part~="voters-toggle"]').click();
  await until(() => $$(element, '[part~="voters"] li').length > 0, 'the first page of voters');
}

describe('<plein-poll> voters CSV', () => {
  it('holds every voter exactly once, fetching the pages not on screen first, with the button busy meanwhile', async () => {
    const adapter = memoryAdapter({ viewer: demoViewers.moderator, latency: 20 });
    await publicPoll(adapter, 'all-voters');
    const element = await mount(html`<plein-poll poll="all-voters" .adapter=${adapter}></plein-poll>`);
    await openVoterList(element);
    expect($$(element, '[part~="voters"] li')).to.have.length(50);

    const [csv, more] = await downloads(async () => {
      exportButton(element).click();
      await element.updateComplete;
      expect(exportButton(element).getAttribute('aria-disabled')).to.equal('true');
      expect(text(element, '[part~="export-voters"]')).to.equal('Preparing the CSV…');
      // Pressed again while busy: still one file.
      exportButton(element).click();
      await until(() => exportButton(element).getAttribute('aria-disabled') === 'false', 'the export to finish');
    });
    expect(more, 'one download').to.equal(undefined);
    const ids = voterIds(csv ?? '');
    expect(ids).to.have.length(VOTERS);
    expect([...ids].sort()).to.deep.equal([...everyVoter].sort());
    expect(csv).to.contain('Voter 119,voter-119,Amsterdam,');
    expect(text(element, '[part~="export-voters"]')).to.equal('Export voters (CSV)');
    // The list on screen filled up on the way.
    expect($$(element, '[part~="voters"] li')).to.have.length(VOTERS);
  });

  it('downloads nothing when a page of voters fails, says so, and holds everyone on the next try', async () => {
    let listed = 0;
    let down = true;
    const adapter = memoryAdapter({
      viewer: demoViewers.moderator,
      // The first page loads; the second does not while the network is down.
      failWith: (method) => (method === 'listPollVotes' && ++listed === 2 && down ? new AdapterError('network', 'offline') : undefined),
    });
    await publicPoll(adapter, 'voters-offline');
    const element = await mount(html`<plein-poll poll="voters-offline" .adapter=${adapter}></plein-poll>`);
    await until(() => element.shadowRoot?.querySelector('[part~="export-voters"]'), 'the export button');
    const errors: PleinErrorEvent[] = [];
    element.addEventListener('plein-error', (event) => errors.push(event));

    const failed = await downloads(async () => {
      exportButton(element).click();
      await until(() => element.shadowRoot?.querySelector('[part~="error"]'), 'the failure');
    });
    expect(failed, 'nothing downloaded').to.deep.equal([]);
    const alert = $(element, '[part~="error"]');
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(text(element, '[part~="error"] p')).to.equal('The CSV was not downloaded. Could not reach the server. Check your connection and try again.');
    expect(errors.map((event) => [event.detail.action, (event.detail.error as AdapterError).code])).to.deep.equal([['export', 'network']]);
    await element.updateComplete;
    expect(exportButton(element).getAttribute('aria-disabled')).to.equal('false');

    down = false;
    const [csv] = await downloads(async () => {
      exportButton(element).click();
      await until(() => exportButton(element).getAttribute('aria-disabled') === 'false' && $$(element, '[part~="error"]').length === 0, 'the export');
      await until(() => element.store?.$voters.get()?.cursor === null, 'every page');
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect([...voterIds(csv ?? '')].sort()).to.deep.equal([...everyVoter].sort());
  });

  it('starts the list over when ballots come and go during the export, so it holds each voter once and only those who voted', async () => {
    let listed = 0;
    const adapter = memoryAdapter({
      viewer: demoViewers.moderator,
      latency: 30,
      failWith: (method) => void (method === 'listPollVotes' && (listed += 1)),
    });
    await another(adapter, demoViewers.moderator).ensurePoll(definition('voters-moving', { voters: 'public', allowChange: true }));
    const ballots = another(adapter, null);
    for (let index = 0; index < VOTERS; index++) {
      ballots.setViewer(voter(index));
      await ballots.vote('voters-moving', { choices: ['utrecht'] });
    }
    const element = await mount(html`<plein-poll poll="voters-moving" .adapter=${adapter}></plein-poll>`);
    await until(() => element.shadowRoot?.querySelector('[part~="export-voters"]'), 'the export button');

    const [csv] = await downloads(async () => {
      exportButton(element).click();
      // The first page (with voter 0) is in; the second is on its way.
      await until(() => listed === 2, 'the second page on its way');
      await another(adapter, voter(0)).removeVote('voters-moving');
      await another(adapter, voter(VOTERS)).vote('voters-moving', { choices: ['amsterdam'] });
      await until(() => exportButton(element).getAttribute('aria-disabled') === 'false', 'the export to finish');
    });
    const ids = voterIds(csv ?? '');
    expect(ids).to.have.length(VOTERS);
    expect([...ids].sort()).to.deep.equal([...everyVoter.slice(1), `voter-${VOTERS}`].sort());
    expect(csv).to.contain(`Voter ${VOTERS},voter-${VOTERS},Amsterdam,`);
  });
});
