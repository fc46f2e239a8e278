import { expect, fixture, html } from '@open-wc/testing';
import { PleinPoll } from '../../../src/components/poll/poll.js';
import { $, another, announced, choose, definition, demoViewers, memoryAdapter, mount, resultRow, resultsDrawn, root, submit, text, until } from './helpers.js';

const ada = { id: 'demo-ada', name: 'Ada Bakker', avatarUrl: null, roles: ['member' as const] };
const hasState = (element: PleinPoll, state: string) => element.matches(`:state(${state})`);

describe('<plein-poll> accessibility, language and states', () => {
  it('is accessible before and after voting, with the question naming the group', async () => {
    const adapter = memoryAdapter();
    const element = await mount(html`<plein-poll poll="a11y" type="multiple" max="2" .adapter=${adapter}>
      <span slot="question">Which fruit?</span>
      <plein-option value="apple">Apple</plein-option>
      <plein-option value="pear">Pear</plein-option>
      <plein-option value="plum">Plum</plein-option>
    </plein-poll>`);
    await expect(element).to.be.accessible();
    expect($(element, 'section').getAttribute('aria-labelledby')).to.equal('question');
    expect($(element, 'fieldset legend').id).to.equal('question');
    expect($(element, 'fieldset').getAttribute('aria-describedby')).to.equal('hint');
    expect(hasState(element, 'empty')).to.equal(true);
    expect(hasState(element, 'voted')).to.equal(false);

    await choose(element, 'apple');
    await submit(element);
    await until(() => element.store?.$poll.get()?.voted === true && element.store.$pending.get() === null, 'the vote');
    await element.updateComplete;
    await expect(element).to.be.accessible();
    expect(hasState(element, 'voted')).to.equal(true);
    expect(hasState(element, 'empty')).to.equal(false);
    // The bar is drawing only: the numbers are text beside it.
    expect($(element, '[part~="bar"]').getAttribute('aria-hidden')).to.equal('true');
    expect(resultRow(element, 'Apple')).to.match(/100\s?%, 1 vote/);
  });

  it('is accessible when closed, in dark mode and when the definition is refused', async () => {
    const adapter = memoryAdapter({ viewer: demoViewers.moderator });
    await adapter.ensurePoll(definition('a11y-closed', { voters: 'public' }));
    await another(adapter, ada).vote('a11y-closed', { choices: ['utrecht'] });
    await adapter.closePoll('a11y-closed', true);
    const closed = await mount(html`<plein-poll poll="a11y-closed" theme="dark" .adapter=${adapter}></plein-poll>`);
    await until(() => closed.shadowRoot?.querySelector('[part~="voters-toggle"]'), 'the moderator tools');
    expect(hasState(closed, 'closed')).to.equal(true);
    expect(hasState(closed, 'dark')).to.equal(true);
    await expect(closed).to.be.accessible();

    const refused = await mount(html`<plein-poll poll="a11y-refused" voters="public" integrity="device" .adapter=${adapter}>
      <span slot="question">Which?</span>
      <plein-option value="a">A</plein-option>
      <plein-option value="b">B</plein-option>
    </plein-poll>`);
    await until(() => refused.shadowRoot?.querySelector('.problems'), 'the definition problems');
    expect(text(refused, '.problems')).to.contain('Public voter lists need signed-in voters');
    expect(hasState(refused, 'error')).to.equal(true);
    await expect(refused).to.be.accessible();
  });

  it('gives a page with several polls no two landmarks of the same name; each keeps its Results heading', async () => {
    const adapter = memoryAdapter();
    const page = await fixture<HTMLDivElement>(html`<main>
      <plein-poll poll="landmarks-a" .adapter=${adapter}>
        <span slot="question">Tea or coffee?</span>
        <plein-option value="tea">Tea</plein-option>
        <plein-option value="coffee">Coffee</plein-option>
      </plein-poll>
      <plein-poll poll="landmarks-b" .adapter=${adapter}>
        <span slot="question">Walk or cycle?</span>
        <plein-option value="walk">Walk</plein-option>
        <plein-option value="cycle">Cycle</plein-option>
      </plein-poll>
    </main>`);
    const polls = [...page.querySelectorAll('plein-poll')];
    for (const poll of polls) {
      await until(() => poll.store?.$poll.get(), 'the poll to load');
      await resultsDrawn(poll);
    }
    // Each poll is a region named by its question; its results are a part of it, not a second one.
    for (const poll of polls) expect(text(poll, '[part~="result"] h2')).to.equal('Results');
    await expect(page).to.be.accessible();
  });

  it('speaks Dutch, with numbers and percentages in Dutch notation', async () => {
    const adapter = memoryAdapter();
    const element = await mount(html`<plein-poll poll="nl" lang="nl" results="after-vote" .adapter=${adapter}>
      <span slot="question">Thee of koffie?</span>
      <plein-option value="thee">Thee</plein-option>
      <plein-option value="koffie">Koffie</plein-option>
    </plein-poll>`);
    await until(() => text(element, '[part~="submit"]') === 'Stemmen', 'the Dutch strings');
    expect(text(element, '[part~="withheld"]')).to.contain('De uitslag is te zien nadat je hebt gestemd.');
    expect(text(element, '[part~="total"]')).to.equal('Nog geen stemmen');
    await choose(element, 'thee');
    await submit(element);
    await announced(element, 'Dank je, je stem is geteld.');
    // Results withheld until the vote: their bars were fetched beside the vote request.
    await resultsDrawn(element);
    expect(resultRow(element, 'Thee')).to.match(/100\s?%, 1 stem/);
    expect(resultRow(element, 'Thee')).to.contain('jouw keuze');
  });

  it('names a Dutch rating\'s distribution in natural Dutch', async () => {
    const adapter = memoryAdapter();
    const element = await mount(html`<plein-poll poll="nl-rating" type="rating" lang="nl" .adapter=${adapter}>
      <span slot="question">Hoe was de lezing?</span>
    </plein-poll>`);
    // The distribution comes with the average, in a chunk of its own fetched beside the first read.
    await until(() => root(element).querySelector('[part~="results"]'), 'the distribution');
    expect($(element, '[part~="results"]').getAttribute('aria-label')).to.equal('Hoe mensen het waardeerden');
  });

  it('follows a right-to-left page with logical layout', async () => {
    const adapter = memoryAdapter();
    const element = await mount(html`<plein-poll poll="rtl" lang="ar" .adapter=${adapter}>
      <span slot="question">?</span>
      <plein-option value="a">أ</plein-option>
      <plein-option value="b">ب</plein-option>
    </plein-poll>`);
    expect(hasState(element, 'rtl')).to.equal(true);
    expect(getComputedStyle($(element, 'section')).direction).to.equal('rtl');
    await expect(element).to.be.accessible();
  });

  it('shows the stored poll to a reader in readonly mode, without a way to vote', async () => {
    const adapter = memoryAdapter();
    const element = await mount(html`<plein-poll poll="ro" readonly .adapter=${adapter}>
      <span slot="question">Tea or coffee?</span>
      <plein-option value="tea">Tea</plein-option>
      <plein-option value="coffee">Coffee</plein-option>
    </plein-poll>`);
    expect(element.shadowRoot?.querySelector('[part~="submit"]')).to.equal(null);
    expect(element.shadowRoot?.querySelector<HTMLFieldSetElement>('fieldset')?.disabled).to.equal(true);
  });
});
