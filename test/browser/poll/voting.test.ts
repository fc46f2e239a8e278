import { expect, html } from '@open-wc/testing';
import type { PleinVoteCastEvent } from '../../../src/components/poll/poll.js';
import { $, $$, announced, choose, definition, input, memoryAdapter, mount, resultRow, resultsDrawn, root, submit, text, until } from './helpers.js';

describe('<plein-poll> voting', () => {
  it('registers a declarative single-choice poll and counts a vote, then shows the results', async () => {
    const adapter = memoryAdapter();
    const element = await mount(html`<plein-poll poll="meetup" type="single" results="after-vote" .adapter=${adapter}>
      <span slot="question">Where shall we meet next?</span>
      <plein-option value="utrecht">Utrecht</plein-option>
      <plein-option value="amsterdam">Amsterdam</plein-option>
    </plein-poll>`);

    const stored = await adapter.getPoll('meetup');
    expect(stored?.options.map((option) => option.label)).to.deep.equal(['Utrecht', 'Amsterdam']);
    expect(stored?.results).to.equal('after-vote');
    expect($(element, 'legend').textContent).to.contain('Where shall we meet next?');
    expect($$(element, 'input[type="radio"]')).to.have.length(2);
    expect(text(element, '[part~="withheld"]')).to.contain('Results are shown after you vote.');

    const cast: PleinVoteCastEvent[] = [];
    element.addEventListener('plein-vote-cast', (event) => cast.push(event));
    await choose(element, 'amsterdam');
    await submit(element);
    await until(() => cast.length === 1, 'plein-vote-cast');
    await element.updateComplete;
    // Results withheld until the vote: their bars were fetched beside the vote request.
    await resultsDrawn(element);

    expect(cast[0]?.detail.ballot).to.deep.equal({ choices: ['amsterdam'] });
    expect(cast[0]?.detail.poll.voted).to.equal(true);
    expect((await adapter.getPoll('meetup'))?.tally?.counts).to.deep.equal({ utrecht: 0, amsterdam: 1 });
    expect(resultRow(element, 'Amsterdam')).to.match(/100\s?%, 1 vote/);
    expect(resultRow(element, 'Amsterdam')).to.contain('your choice');
    expect(resultRow(element, 'Utrecht')).to.match(/0\s?%, no votes/);
    expect(root(element).activeElement?.id).to.equal('confirmation');
    await announced(element, 'Thank you, your vote was counted.');
    expect(text(element, '[part~="confirmation"]')).to.equal('Thank you, your vote was counted.');
    // Voting once is all a poll without allow-change offers: the choice stays on screen, locked.
    expect(input(element, 'amsterdam').checked).to.equal(true);
    expect($<HTMLFieldSetElement>(element, 'fieldset').disabled).to.equal(true);
    expect($$(element, '[part~="submit"]')).to.have.length(0);
  });

  it('asks for the number of choices a multiple-choice poll allows and refuses too many without sending', async () => {
    const adapter = memoryAdapter();
    const element = await mount(html`<plein-poll poll="toppings" type="multiple" min="1" max="2" .adapter=${adapter}>
      <span slot="question">Which toppings?</span>
      <plein-option value="cheese">Cheese</plein-option>
      <plein-option value="olives">Olives</plein-option>
      <plein-option value="basil">Basil</plein-option>
    </plein-poll>`);

    expect($$(element, 'input[type="checkbox"]')).to.have.length(3);
    expect(text(element, '[part~="hint"]')).to.equal('Choose up to 2 options.');
    await choose(element, 'cheese', 'olives', 'basil');
    await submit(element);
    expect(text(element, '[part~="field-error"]')).to.equal('Choose at most 2 options.');
    expect($(element, 'fieldset').getAttribute('aria-describedby')).to.contain('field-error');
    expect(input(element, 'basil').getAttribute('aria-invalid')).to.equal('true');
    expect((await adapter.getPoll('toppings'))?.ballotCount).to.equal(0);

    await choose(element, 'basil');
    expect($$(element, '[part~="field-error"]')).to.have.length(0);
    await submit(element);
    await until(() => element.store?.$poll.get()?.voted === true && element.store.$pending.get() === null, 'the vote');
    expect((await adapter.getPoll('toppings'))?.tally?.counts).to.deep.equal({ cheese: 1, olives: 1, basil: 0 });
  });

  it('rates on the scale and shows the average and the distribution', async () => {
    const adapter = memoryAdapter();
    const other = memoryAdapter({ namespace: adapter.namespace, viewer: { id: 'demo-ada', name: 'Ada Bakker', avatarUrl: null, roles: ['member'] } });
    await other.ensurePoll({
      id: 'talk',
      type: 'rating',
      question: 'How was the talk?',
      options: [],
      scale: { min: 1, max: 5, step: 1 },
      results: 'always',
      voters: 'secret',
      integrity: 'member',
    });
    await other.vote('talk', { rating: 2 });
    const element = await mount(html`<plein-poll poll="talk" .adapter=${adapter}></plein-poll>`);

    expect($$<HTMLInputElement>(element, 'input[type="radio"]').map((radio) => radio.value)).to.deep.equal(['1', '2', '3', '4', '5']);
    expect(text(element, '[part~="hint"]')).to.equal('From 1 (lowest) to 5 (highest).');
    input(element, '5').click();
    await submit(element);
    await until(() => element.store?.$poll.get()?.tally?.total === 2, 'the second rating');
    // The average and the distribution come in a chunk of their own, fetched beside the first read.
    await until(() => root(element).querySelector('[part~="average"]'), 'the average');
    await element.updateComplete;
    expect(text(element, '[part~="average"]')).to.equal('Average rating: 3.5 (from 1 to 5)');
    expect($$(element, 'li.result')).to.have.length(5);
    expect(resultRow(element, '5')).to.match(/50\s?%, 1 vote/);
    expect(resultRow(element, '5')).to.contain('your choice');
    expect(resultRow(element, '2')).to.match(/50\s?%, 1 vote/);
  });

  it('reveals right and wrong, the explanation and the share who got it right after a quiz answer', async () => {
    const adapter = memoryAdapter();
    const element = await mount(html`<plein-poll poll="capital" type="quiz" explanation="Amsterdam is the capital; The Hague is the seat of government." .adapter=${adapter}>
      <span slot="question">What is the capital of the Netherlands?</span>
      <plein-option value="ams" correct>Amsterdam</plein-option>
      <plein-option value="hag">The Hague</plein-option>
      <plein-option value="rot">Rotterdam</plein-option>
    </plein-poll>`);

    // Before answering nothing gives the answer away.
    expect(element.store?.$poll.get()?.correct).to.equal(undefined);
    expect(text(element)).not.to.contain('correct answer');
    expect($$(element, 'input[type="radio"]')).to.have.length(3);

    await choose(element, 'hag');
    await submit(element);
    await until(() => root(element).querySelector('[part~="verdict"]'), 'the verdict');
    expect(text(element, '[part~="verdict"]')).to.contain('Not quite.');
    expect(text(element, '[part~="verdict"]')).to.contain('The Hague is the seat of government.');
    expect(text(element, '[part~="verdict"]')).to.match(/0\s?% of the people who answered got it right/);
    expect($(element, '[part~="option-correct"]').textContent).to.contain('Amsterdam');
    expect($(element, '[part~="option-correct"]').textContent).to.contain('(correct answer)');
    expect($(element, '[part~="option-wrong"]').textContent).to.contain('The Hague');
  });

  it('marks a right answer on a Dutch page as "(juist antwoord)": a het-word without an article takes no -e', async () => {
    const adapter = memoryAdapter();
    const element = await mount(html`<plein-poll poll="hoofdstad" type="quiz" lang="nl" .adapter=${adapter}>
      <span slot="question">Wat is de hoofdstad van Nederland?</span>
      <plein-option value="ams" correct>Amsterdam</plein-option>
      <plein-option value="utr">Utrecht</plein-option>
    </plein-poll>`);

    await choose(element, 'utr');
    await submit(element);
    await until(() => root(element).querySelector('[part~="option-correct"] .mark'), 'the reveal');
    expect(text(element, '[part~="option-correct"]')).to.equal('Amsterdam (juist antwoord)');
  });

  it('offers checkboxes for a quiz with several right answers shown by reference, before any answer is revealed', async () => {
    const adapter = memoryAdapter();
    await adapter.ensurePoll(
      definition('cities', {
        type: 'quiz',
        question: 'Which of these are Dutch cities?',
        options: [
          { value: 'utrecht', label: 'Utrecht' },
          { value: 'gent', label: 'Gent' },
          { value: 'delft', label: 'Delft' },
        ],
        correct: ['utrecht', 'delft'],
      }),
    );
    const element = await mount(html`<plein-poll poll="cities" .adapter=${adapter}></plein-poll>`);
    expect(element.store?.$poll.get()?.correct).to.equal(undefined);
    expect($$(element, 'input[type="checkbox"]')).to.have.length(3);
    await choose(element, 'utrecht');
    await choose(element, 'delft');
    await submit(element);
    await until(() => root(element).querySelector('[part~="verdict"]'), 'the verdict');
    expect(text(element, '[part~="verdict"]')).not.to.contain('Not quite.');
  });

  it('lets a voter change and remove their vote where the poll allows it', async () => {
    const adapter = memoryAdapter();
    const element = await mount(html`<plein-poll poll="change" allow-change .adapter=${adapter}>
      <span slot="question">Tea or coffee?</span>
      <plein-option value="tea">Tea</plein-option>
      <plein-option value="coffee">Coffee</plein-option>
    </plein-poll>`);

    await choose(element, 'tea');
    await submit(element);
    await until(() => element.store?.$poll.get()?.voted === true && element.store.$pending.get() === null, 'the vote');
    await element.updateComplete;
    expect(text(element, '[part~="submit"]')).to.equal('Change my vote');

    await choose(element, 'coffee');
    await submit(element);
    await until(() => element.store?.$poll.get()?.tally?.counts.coffee === 1 && element.store.$pending.get() === null, 'the changed vote');
    expect((await adapter.getPoll('change'))?.tally?.counts).to.deep.equal({ tea: 0, coffee: 1 });

    $<HTMLButtonElement>(element, '[part~="remove-vote"]').click();
    await until(() => element.store?.$poll.get()?.voted === false && element.store.$pending.get() === null, 'the removal');
    await announced(element, 'Your vote was removed.');
    expect((await adapter.getPoll('change'))?.ballotCount).to.equal(0);
    expect(input(element, 'coffee').checked).to.equal(false);
    expect(text(element, '[part~="submit"]')).to.equal('Vote');
  });
});
