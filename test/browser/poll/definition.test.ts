import { expect, html } from '@open-wc/testing';
import { $$, another, demoViewers, memoryAdapter, mount, text, until } from './helpers.js';

const ada = { id: 'demo-ada', name: 'Ada Bakker', avatarUrl: null, roles: ['member' as const] };

describe('<plein-poll> declarative definition', () => {
  it('reads every attribute and option into the registered definition', async () => {
    const adapter = memoryAdapter();
    await mount(html`<plein-poll poll="full" type="quiz" results="after-close" voters="anonymous" integrity="device"
      correct="b" explanation="Because." closes="2099-01-01T10:00:00+02:00" .adapter=${adapter}>
      <span slot="question">  Which
        one? </span>
      <plein-option value="a">Option A</plein-option>
      <plein-option value="b">Option   B</plein-option>
      <plein-option>C</plein-option>
    </plein-poll>`);
    const moderator = another(adapter, demoViewers.moderator);
    const stored = await moderator.getPoll('full');
    expect(stored).to.deep.include({
      type: 'quiz',
      question: 'Which one?',
      results: 'after-close',
      voters: 'anonymous',
      integrity: 'device',
      explanation: 'Because.',
      closesAt: '2099-01-01T08:00:00.000Z',
      allowChange: false,
    });
    expect(stored?.options).to.deep.equal([
      { value: 'a', label: 'Option A' },
      { value: 'b', label: 'Option B' },
      { value: 'C', label: 'C' },
    ]);
    expect(stored?.correct).to.deep.equal(['b']);
  });

  it('registers the rating scale from its attributes', async () => {
    const adapter = memoryAdapter();
    const element = await mount(html`<plein-poll poll="scale" type="rating" scale-min="0" scale-max="1" scale-step="0.25" .adapter=${adapter}>
      <span slot="question">How sure?</span>
    </plein-poll>`);
    expect((await adapter.getPoll('scale'))?.scale).to.deep.equal({ min: 0, max: 1, step: 0.25 });
    expect($$<HTMLInputElement>(element, 'input[type="radio"]').map((radio) => radio.value)).to.deep.equal(['0', '0.25', '0.5', '0.75', '1']);
  });

  it('registers a changed definition again while nobody has voted', async () => {
    const adapter = memoryAdapter();
    const element = await mount(html`<plein-poll poll="grows" .adapter=${adapter}>
      <span slot="question">Which?</span>
      <plein-option value="a">A</plein-option>
      <plein-option value="b">B</plein-option>
    </plein-poll>`);
    const option = document.createElement('plein-option');
    option.setAttribute('value', 'c');
    option.textContent = 'C';
    element.append(option);
    await until(() => element.store?.$poll.get()?.options.length === 3, 'the new option');
    expect((await adapter.getPoll('grows'))?.options.map((each) => each.value)).to.deep.equal(['a', 'b', 'c']);
    await element.updateComplete;
    expect($$(element, 'input')).to.have.length(3);
  });

  it('keeps the stored poll once votes exist, and tells moderators why the page differs', async () => {
    const adapter = memoryAdapter({ viewer: demoViewers.moderator });
    const template = (extra: boolean) => html`<plein-poll poll="frozen" .adapter=${adapter}>
      <span slot="question">Which?</span>
      <plein-option value="a">A</plein-option>
      <plein-option value="b">B</plein-option>
      ${extra ? html`<plein-option value="c">C</plein-option>` : ''}
    </plein-poll>`;
    await mount(template(false));
    await another(adapter, ada).vote('frozen', { choices: ['a'] });
    const element = await mount(template(true));
    await until(() => element.shadowRoot?.querySelector('[part~="notice"].warning'), 'the frozen notice');
    expect(text(element, '[part~="notice"].warning')).to.contain('already has votes');
    expect($$(element, 'input')).to.have.length(2);
    expect((await adapter.getPoll('frozen'))?.options).to.have.length(2);
  });
});

describe('<plein-poll> switching polls', () => {
  it('shows the other poll, with nothing chosen, when the poll attribute changes', async () => {
    const adapter = memoryAdapter();
    const maker = another(adapter, demoViewers.moderator);
    await maker.ensurePoll({ id: 'first', type: 'single', question: 'First?', options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }], results: 'always', voters: 'secret', integrity: 'member' });
    await maker.ensurePoll({ id: 'second', type: 'single', question: 'Second?', options: [{ value: 'c', label: 'C' }, { value: 'd', label: 'D' }], results: 'always', voters: 'secret', integrity: 'member' });
    const element = await mount(html`<plein-poll poll="first" .adapter=${adapter}></plein-poll>`);
    const first = element.store;
    element.shadowRoot?.querySelector<HTMLInputElement>('input[value="a"]')?.click();
    element.poll = 'second';
    await until(() => element.store !== first && element.store?.$status.get() === 'ready', 'the second poll');
    await element.updateComplete;
    expect(text(element, 'legend')).to.equal('Second?');
    expect($$<HTMLInputElement>(element, 'input').map((radio) => [radio.value, radio.checked])).to.deep.equal([
      ['c', false],
      ['d', false],
    ]);
  });
});
