import { expect, fixture, html } from '@open-wc/testing';
import type { PollOption, PollTally } from '../../../src/adapters/contract.js';
import { renderRunoffTable, type PleinRunoffTable } from '../../../src/components/poll/runoff-table.js';
import { instantRunoff } from '../../../src/domain/ranked-choice.js';

const cities: PollOption[] = [
  { value: 'utrecht', label: 'Utrecht' },
  { value: 'amsterdam', label: 'Amsterdam' },
  { value: 'delft', label: 'Delft' },
  { value: 'zwolle', label: 'Zwolle' },
];

/**
 * Nine ballots, counted by hand:
 * - round 1: Utrecht 4, Amsterdam 2, Delft 2, Zwolle 1 of 9: no majority, Zwolle (fewest) goes;
 * - round 2: Zwolle's ballot moves to Amsterdam: 4, 3, 2 of 9; Delft goes;
 * - round 3: one Delft ballot moves to Amsterdam, the other ranks nothing else (exhausted):
 *   Utrecht 4, Amsterdam 4 of 8, tied for last; round 2 had Amsterdam lower, so Amsterdam goes;
 * - round 4: Amsterdam's first-choice ballots move to Utrecht, the two that came from Delft and
 *   Zwolle are exhausted: Utrecht 6 of 6 wins, 3 exhausted.
 */
const ballots = [
  ...Array.from({ length: 4 }, () => ['utrecht']),
  ['amsterdam', 'utrecht'],
  ['amsterdam', 'utrecht'],
  ['delft', 'amsterdam'],
  ['delft'],
  ['zwolle', 'amsterdam'],
];

const handWorked: PollTally = {
  total: 9,
  counts: { utrecht: 4, amsterdam: 2, delft: 2, zwolle: 1 },
  winner: 'utrecht',
  tied: [],
  rounds: [
    { counts: { utrecht: 4, amsterdam: 2, delft: 2, zwolle: 1 }, eliminated: ['zwolle'], continuing: 9, exhausted: 0 },
    { counts: { utrecht: 4, amsterdam: 3, delft: 2 }, eliminated: ['delft'], continuing: 9, exhausted: 0 },
    { counts: { utrecht: 4, amsterdam: 4 }, eliminated: ['amsterdam'], continuing: 8, exhausted: 1, tieBreak: 'earlier-round' },
    { counts: { utrecht: 6 }, eliminated: [], continuing: 6, exhausted: 3 },
  ],
};

async function mount(tally: PollTally | null, options: readonly PollOption[] = cities, lang = 'en') {
  const container = await fixture<HTMLElement>(
    html`<div lang=${lang}>${renderRunoffTable({ options, tally: tally as PollTally })}</div>`,
  );
  const table = container.querySelector<PleinRunoffTable>('plein-runoff-table')!;
  await table.updateComplete;
  return { container, table, root: table.shadowRoot! };
}

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const rowCells = (root: ShadowRoot, section: 'tbody' | 'tfoot') =>
  [...root.querySelectorAll(`${section} tr`)].map((row) => [...row.children].map((cell) => text(cell)));

describe('runoff table', () => {
  it('matches the domain’s count of the hand-worked ballots', () => {
    const result = instantRunoff(
      cities.map((option) => option.value),
      ballots,
    );
    expect(result.rounds).to.deep.equal(handWorked.rounds);
    expect(result.winner).to.equal('utrecht');
  });

  it('shows every round in a column, options by how far they got, with eliminations and the win in words', async () => {
    const { root } = await mount(handWorked);
    const table = root.querySelector('table')!;
    expect(text(table.querySelector('caption'))).to.equal('Instant-runoff count, round by round');
    expect([...table.querySelectorAll('thead th')].map((cell) => text(cell))).to.deep.equal(['Option', 'Round 1', 'Round 2', 'Round 3', 'Round 4']);
    expect([...table.querySelectorAll('thead th')].every((cell) => cell.getAttribute('scope') === 'col')).to.equal(true);

    expect(rowCells(root, 'tbody')).to.deep.equal([
      ['Utrecht', '4 (44%)', '4 (44%)', '4 (50%)', '6 (100%) wins'],
      ['Amsterdam', '2 (22%)', '3 (33%)', '4 (50%) eliminated (tie-break)', '— out of the race'],
      ['Delft', '2 (22%)', '2 (22%) eliminated', '— out of the race', '— out of the race'],
      ['Zwolle', '1 (11%) eliminated', '— out of the race', '— out of the race', '— out of the race'],
    ]);
    expect(rowCells(root, 'tfoot')).to.deep.equal([
      ['Continuing ballots', '9', '9', '8', '6'],
      ['Exhausted ballots', '0', '0', '1', '3'],
    ]);
    expect([...table.querySelectorAll('tbody th')].every((cell) => cell.getAttribute('scope') === 'row')).to.equal(true);
  });

  it('explains the tie-break and exhausted ballots, and links the explanations to the table', async () => {
    const { root } = await mount(handWorked);
    const notes = text(root.querySelector('[part~="runoff-notes"]'));
    expect(notes).to.include(
      'Round 3: Utrecht and Amsterdam were tied for last place; Amsterdam had fewer ballots in an earlier round and was eliminated.',
    );
    expect(notes).to.include('A ballot is exhausted when every option it ranks has been eliminated.');
    const describedBy = root.querySelector('table')!.getAttribute('aria-describedby')!.split(' ');
    expect(describedBy.map((id) => text(root.getElementById(id)))).to.have.length(2).and.satisfy((parts: string[]) => parts.every((part) => part.length > 0));
  });

  it('sums the count up in sentences for a live region', async () => {
    const { root } = await mount(handWorked);
    expect(text(root.querySelector('[part~="runoff-summary"]'))).to.equal(
      'Round 1: Zwolle eliminated. Round 2: Delft eliminated. Round 3: Amsterdam eliminated. Round 4: Utrecht wins with 6 of 6 continuing ballots.',
    );
  });

  it('explains a batch elimination and a tie settled by the options’ order', async () => {
    const letters = ['a', 'b', 'c', 'd'].map((value) => ({ value, label: value.toUpperCase() }));
    const single = (counts: Record<string, number>) => Object.entries(counts).flatMap(([value, count]) => Array.from({ length: count }, () => [value]));

    const batch = instantRunoff(['a', 'b', 'c', 'd'], single({ a: 5, b: 4, c: 1, d: 1 }));
    expect(batch.rounds[0]?.tieBreak).to.equal('batch');
    const first = await mount(batch, letters);
    expect(text(first.root.querySelector('[part~="runoff-notes"]'))).to.include(
      'Round 1: C and D had fewest ballots, together fewer than the next option, so they were eliminated together.',
    );
    expect(text(first.root.querySelector('[part~="runoff-summary"]'))).to.equal('Round 1: C and D eliminated. Round 2: A wins with 5 of 9 continuing ballots.');

    const order = instantRunoff(['a', 'b', 'c'], single({ a: 2, b: 1, c: 1 }));
    expect(order.rounds[0]?.tieBreak).to.equal('option-order');
    const second = await mount(order, letters.slice(0, 3));
    expect(text(second.root.querySelector('[part~="runoff-notes"]'))).to.include(
      'Round 1: B and C were tied for last place and no earlier round set them apart; C, listed last in the poll, was eliminated.',
    );
  });

  it('reports a tie without a winner, and no table before the first ballot', async () => {
    const pair = [
      { value: 'a', label: 'Gouda' },
      { value: 'b', label: 'Leiden' },
    ];
    const tie = instantRunoff(['a', 'b'], [['a'], ['b']]);
    const tied = await mount(tie, pair);
    expect(text(tied.root.querySelector('[part~="runoff-summary"]'))).to.equal('Round 1: Gouda and Leiden are tied. There is no winner.');
    expect(rowCells(tied.root, 'tbody').map((row) => row[1])).to.deep.equal(['1 (50%) tied', '1 (50%) tied']);

    const empty = await mount(instantRunoff(['a', 'b'], []), pair);
    expect(text(empty.root.querySelector('[part~="runoff-summary"]'))).to.equal('No ballots yet.');
    expect(empty.root.querySelector('table')).to.equal(null);
    const withheld = await mount(null, pair);
    expect(text(withheld.root.querySelector('[part~="runoff-summary"]'))).to.equal('No ballots yet.');
  });

  it('speaks Dutch with Dutch number formats', async () => {
    const { root } = await mount(handWorked, cities, 'nl');
    expect(text(root.querySelector('caption'))).to.equal('Telling met instant-runoff, ronde voor ronde');
    expect(text(root.querySelector('[part~="runoff-summary"]'))).to.equal(
      'Ronde 1: Zwolle afgevallen. Ronde 2: Delft afgevallen. Ronde 3: Amsterdam afgevallen. Ronde 4: Utrecht wint met 6 van 6 stembiljetten in de race.',
    );
    expect(rowCells(root, 'tbody')[0]?.[1]).to.equal('4 (44%)');
  });

  it('passes axe', async () => {
    const { container } = await mount(handWorked);
    await expect(container).to.be.accessible();
  });
});
