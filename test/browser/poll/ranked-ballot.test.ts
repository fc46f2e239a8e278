import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { render } from 'lit';
import type { PollOption } from '../../../src/adapters/contract.js';
import { renderRankedBallot, type PleinRankedBallot, type RankedBallotProps } from '../../../src/components/poll/ranked-ballot.js';
import { registerTranslation } from '../../../src/i18n/registry.js';

const cities: PollOption[] = [
  { value: 'utrecht', label: 'Utrecht' },
  { value: 'amsterdam', label: 'Amsterdam' },
  { value: 'delft', label: 'Delft' },
  { value: 'zwolle', label: 'Zwolle' },
];

/** An owner like `<plein-poll>`: keeps the draft the ballot reports and renders it again. */
async function mount(initial: string[] = [], extra: Partial<RankedBallotProps> = {}, lang = 'en') {
  const container = await fixture<HTMLElement>(html`<div lang=${lang}><button id="before">before</button><div id="slot"></div></div>`);
  const changes: string[][] = [];
  const props: RankedBallotProps = {
    options: cities,
    ranking: initial,
    onChange: (ranking) => {
      changes.push(ranking);
      props.ranking = ranking;
      draw();
    },
    ...extra,
  };
  const slot = container.querySelector<HTMLElement>('#slot')!;
  const draw = () => render(renderRankedBallot(props), slot);
  draw();
  const ballot = slot.querySelector<PleinRankedBallot>('plein-ranked-ballot')!;
  await ballot.updateComplete;
  return { container, ballot, changes, props, draw };
}

const shadow = (ballot: PleinRankedBallot) => ballot.shadowRoot!;
const focused = (ballot: PleinRankedBallot) => shadow(ballot).activeElement as HTMLElement | null;
const name = (element: Element | null) => element?.getAttribute('aria-label') ?? '';
const rankedLabels = (ballot: PleinRankedBallot) =>
  [...shadow(ballot).querySelectorAll('[part~="ranked-option"] .label')].map((label) => label.textContent?.trim());
const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const items = (ballot: PleinRankedBallot, list: 'ol' | 'ul') => [...shadow(ballot).querySelectorAll(`${list} > li`)].map(text);
const live = (ballot: PleinRankedBallot) => shadow(ballot).querySelector('[role="status"]')?.textContent ?? '';

async function until(check: () => boolean, what: string, timeout = 2000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeout) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function announced(ballot: PleinRankedBallot, message: string): Promise<void> {
  await until(() => live(ballot) === message, `the announcement "${message}" (live region says "${live(ballot)}")`);
}

/** Presses Tab until the named button has focus, as a keyboard user would. */
async function tabTo(ballot: PleinRankedBallot, accessibleName: string): Promise<void> {
  for (let presses = 0; presses < 40; presses++) {
    if (name(focused(ballot)) === accessibleName) return;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached "${accessibleName}"`);
}

describe('ranked ballot', () => {
  it('ranks options with the keyboard alone, announcing each new position and keeping focus on the moved option', async () => {
    const { container, ballot, changes } = await mount();
    container.querySelector<HTMLButtonElement>('#before')!.focus();

    await tabTo(ballot, 'Add Delft to your ranking');
    await sendKeys({ press: 'Enter' });
    await announced(ballot, 'Delft added, position 1 of 1');
    expect(name(focused(ballot))).to.equal('Move Delft up');

    await tabTo(ballot, 'Add Utrecht to your ranking');
    await sendKeys({ press: 'Enter' });
    await announced(ballot, 'Utrecht added, position 2 of 2');
    expect(name(focused(ballot))).to.equal('Move Utrecht up');

    await sendKeys({ press: 'ArrowUp' });
    await announced(ballot, 'Utrecht, position 1 of 2');
    expect(rankedLabels(ballot)).to.deep.equal(['Utrecht', 'Delft']);
    expect(name(focused(ballot)), 'focus stays on the moved option').to.equal('Move Utrecht up');

    await tabTo(ballot, 'Add Zwolle to your ranking');
    await sendKeys({ press: 'Space' });
    await announced(ballot, 'Zwolle added, position 3 of 3');
    expect(changes.at(-1)).to.deep.equal(['utrecht', 'delft', 'zwolle']);
    expect(ballot.value).to.deep.equal(['utrecht', 'delft', 'zwolle']);
  });

  it('moves an option to the first place with Home and the last with End, from any of its buttons', async () => {
    const { ballot, changes } = await mount(['utrecht', 'amsterdam', 'delft', 'zwolle']);
    shadow(ballot).querySelector<HTMLButtonElement>('[aria-label="Remove Delft from your ranking"]')!.focus();

    await sendKeys({ press: 'Home' });
    await announced(ballot, 'Delft, position 1 of 4');
    expect(rankedLabels(ballot)).to.deep.equal(['Delft', 'Utrecht', 'Amsterdam', 'Zwolle']);
    expect(name(focused(ballot))).to.equal('Remove Delft from your ranking');

    await sendKeys({ press: 'End' });
    await announced(ballot, 'Delft, position 4 of 4');
    expect(changes.at(-1)).to.deep.equal(['utrecht', 'amsterdam', 'zwolle', 'delft']);
    expect(name(focused(ballot))).to.equal('Remove Delft from your ranking');
  });

  it('moves with Alt+Arrow keys too and with the move buttons', async () => {
    const { ballot } = await mount(['utrecht', 'amsterdam', 'delft']);
    shadow(ballot).querySelector<HTMLButtonElement>('[aria-label="Move Utrecht down"]')!.focus();

    await sendKeys({ down: 'Alt' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ up: 'Alt' });
    await announced(ballot, 'Utrecht, position 2 of 3');

    await sendKeys({ press: 'Enter' });
    await announced(ballot, 'Utrecht, position 3 of 3');
    expect(rankedLabels(ballot)).to.deep.equal(['Amsterdam', 'Delft', 'Utrecht']);
    expect(name(focused(ballot))).to.equal('Move Utrecht down');
    expect(focused(ballot)?.getAttribute('aria-disabled'), 'the last option cannot move down').to.equal('true');
  });

  it('says an option is already first or last instead of moving it, and keeps focus', async () => {
    const { ballot, changes } = await mount(['utrecht', 'amsterdam']);
    const up = shadow(ballot).querySelector<HTMLButtonElement>('[aria-label="Move Utrecht up"]')!;
    up.focus();
    expect(up.getAttribute('aria-disabled')).to.equal('true');

    await sendKeys({ press: 'Enter' });
    await announced(ballot, 'Utrecht is already first');
    await sendKeys({ press: 'ArrowUp' });
    await announced(ballot, 'Utrecht is already first');
    await sendKeys({ press: 'End' });
    await announced(ballot, 'Utrecht, position 2 of 2');
    await sendKeys({ press: 'ArrowDown' });
    await announced(ballot, 'Utrecht is already last');

    expect(changes).to.deep.equal([['amsterdam', 'utrecht']]);
    expect(name(focused(ballot))).to.equal('Move Utrecht up');
  });

  it('leaves options unranked: Remove puts an option back and focus follows it to its Add button', async () => {
    const { ballot, changes } = await mount(['utrecht', 'delft']);
    shadow(ballot).querySelector<HTMLButtonElement>('[aria-label="Remove Utrecht from your ranking"]')!.focus();

    await sendKeys({ press: 'Enter' });
    await announced(ballot, 'Utrecht removed from your ranking');
    expect(changes.at(-1)).to.deep.equal(['delft']);
    expect(rankedLabels(ballot)).to.deep.equal(['Delft']);
    expect(name(focused(ballot))).to.equal('Add Utrecht to your ranking');
    const unranked = [...shadow(ballot).querySelectorAll('[part~="unranked-option"] .label')].map((label) => label.textContent);
    expect(unranked, 'unranked options keep the poll’s order').to.deep.equal(['Utrecht', 'Amsterdam', 'Zwolle']);
  });

  it('reorders by dragging an option onto the place it should take, and announces it', async () => {
    const { ballot, changes } = await mount(['utrecht', 'amsterdam', 'delft', 'zwolle']);
    const item = (label: string) =>
      [...shadow(ballot).querySelectorAll<HTMLElement>('[part~="ranked-option"]')].find((li) => text(li.querySelector('.label')) === label)!;
    const transfer = new DataTransfer();
    const drag = (type: string, target: HTMLElement) => target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));

    drag('dragstart', item('Utrecht'));
    expect(drag('dragover', item('Delft')), 'the ranking accepts the drop').to.equal(false);
    await ballot.updateComplete;
    expect(item('Delft').classList.contains('drop-target')).to.equal(true);
    drag('drop', item('Delft'));
    drag('dragend', item('Utrecht'));

    await announced(ballot, 'Utrecht, position 3 of 4');
    expect(rankedLabels(ballot)).to.deep.equal(['Amsterdam', 'Delft', 'Utrecht', 'Zwolle']);
    expect(changes).to.deep.equal([['amsterdam', 'delft', 'utrecht', 'zwolle']]);
    expect(shadow(ballot).querySelector('.drop-target')).to.equal(null);
  });

  it('keeps the voter’s order when the owner renders the old ranking again, and takes a different one', async () => {
    const options = cities;
    let ranking: string[] = ['utrecht', 'delft'];
    const container = await fixture<HTMLElement>(html`<div></div>`);
    // An owner that does not store changes and passes a fresh copy of its own ranking every time.
    const draw = () => render(renderRankedBallot({ options, ranking: [...ranking], onChange: () => undefined }), container);
    draw();
    const ballot = container.querySelector<PleinRankedBallot>('plein-ranked-ballot')!;
    await ballot.updateComplete;

    shadow(ballot).querySelector<HTMLButtonElement>('[aria-label="Move Delft up"]')!.click();
    await ballot.updateComplete;
    draw();
    await ballot.updateComplete;
    expect(rankedLabels(ballot)).to.deep.equal(['Delft', 'Utrecht']);

    ranking = ['zwolle'];
    draw();
    await ballot.updateComplete;
    expect(rankedLabels(ballot)).to.deep.equal(['Zwolle']);
  });

  it('ignores values that are not options and duplicates in the ranking it is given', async () => {
    const { ballot } = await mount(['delft', 'rotterdam', 'delft', 'utrecht']);
    expect(rankedLabels(ballot)).to.deep.equal(['Delft', 'Utrecht']);
    expect(ballot.value).to.deep.equal(['delft', 'utrecht']);
  });

  it('shows a disabled ballot (closed poll, final vote) as plain lists without controls', async () => {
    const { ballot, props, draw } = await mount(['delft', 'utrecht'], { disabled: true });
    expect(shadow(ballot).querySelectorAll('button')).to.have.length(0);
    expect(rankedLabels(ballot)).to.deep.equal(['Delft', 'Utrecht']);
    expect(items(ballot, 'ol')).to.deep.equal(['1 Delft', '2 Utrecht']);
    expect(items(ballot, 'ul')).to.deep.equal(['Amsterdam', 'Zwolle']);

    props.ranking = [];
    draw();
    await ballot.updateComplete;
    expect(shadow(ballot).querySelector('ol'), 'no empty ranking list').to.equal(null);
    expect(items(ballot, 'ul'), 'the options, in the poll’s order').to.deep.equal(['Utrecht', 'Amsterdam', 'Delft', 'Zwolle']);

    props.disabled = false;
    draw();
    await ballot.updateComplete;
    expect(shadow(ballot).querySelectorAll('button[data-control="add"]')).to.have.length(4);
  });

  it('names every control with its option and passes axe, with an error shown', async () => {
    const { container, ballot } = await mount(['amsterdam'], { error: 'Choose at least one option.', label: 'Where shall we meet next?' });
    const names = [...shadow(ballot).querySelectorAll('button')].map(name);
    expect(names).to.include.members([
      'Move Amsterdam up',
      'Move Amsterdam down',
      'Remove Amsterdam from your ranking',
      'Add Utrecht to your ranking',
      'Add Delft to your ranking',
      'Add Zwolle to your ranking',
    ]);
    expect(shadow(ballot).querySelector('ol')?.getAttribute('role')).to.equal('list');
    expect(shadow(ballot).textContent).to.include('Choose at least one option.');
    await expect(container).to.be.accessible();
  });

  it('speaks Dutch inside a Dutch page, and takes a registered rewording', async () => {
    registerTranslation('nl-be', { 'polls.ranked.added': '{label} staat nu op plaats {position} van {count}' });
    const { ballot } = await mount([], {}, 'nl-BE');
    const add = shadow(ballot).querySelector<HTMLButtonElement>('[data-value="delft"][data-control="add"]')!;
    expect(name(add)).to.equal('Delft toevoegen aan je rangorde');
    add.focus();
    await sendKeys({ press: 'Enter' });
    await announced(ballot, 'Delft staat nu op plaats 1 van 1');
    expect(name(focused(ballot))).to.equal('Delft omhoog');
  });
});
