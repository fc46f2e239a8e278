import { expect, oneEvent } from '@open-wc/testing';
import { AdapterError } from '../../../src/adapters/errors.js';
import { $, $$, article, comment, demoViewers, mount, root, seed, settled, text, until } from './helpers.js';

const reactionButtons = (host: HTMLElement) => [...host.querySelectorAll<HTMLButtonElement>('button[data-a="react"]')];

describe('<plein-comments> reactions', () => {
  it('names each reaction with its count and shows the viewer’s own as pressed', async () => {
    const { element } = await mount({
      seed: seed([comment('a', { reactions: { '👍': ['demo-noor', 'demo-ada', 'demo-kees'], '❤️': ['demo-ada'] } })]),
    });
    const buttons = reactionButtons(article(element, 'a'));
    expect(buttons.map((button) => button.getAttribute('aria-label'))).to.deep.equal(['Like, 3 people', 'Love, 1 person']);
    expect(buttons.map((button) => button.getAttribute('aria-pressed'))).to.deep.equal(['true', 'false']);
    expect(buttons[0]!.getAttribute('part')).to.equal('reaction reaction-mine');
  });

  it('toggles a reaction and reports the change', async () => {
    const { element, adapter } = await mount({ seed: seed([comment('a', { reactions: { '❤️': ['demo-ada'] } })]) });
    const changed = oneEvent(element, 'plein-reaction-changed');
    reactionButtons(article(element, 'a'))[0]!.click();
    const { detail } = await changed;
    expect(detail).to.include({ commentId: 'a', key: '❤️', on: true });
    await settled(element);
    const love = reactionButtons(article(element, 'a'))[0]!;
    expect(love.getAttribute('aria-pressed')).to.equal('true');
    expect(love.getAttribute('aria-label')).to.equal('Love, 2 people');
    expect((await adapter.getComment('a'))?.reactions).to.deep.include({ key: '❤️', count: 2, mine: true });

    const undone = oneEvent(element, 'plein-reaction-changed');
    love.click();
    expect((await undone).detail.on).to.equal(false);
    await settled(element);
    expect(reactionButtons(article(element, 'a'))[0]!.getAttribute('aria-label')).to.equal('Love, 1 person');
  });

  it('adds a reaction not given yet from the picker, keeping focus in the bar', async () => {
    const { element } = await mount({ seed: seed([comment('a')]) });
    const add = $<HTMLButtonElement>(element, '#plein-comment-a [part~="add-reaction"]');
    // Named after its comment, as Reply and Report are: a list of the page's buttons tells them apart.
    expect(add.getAttribute('aria-label')).to.equal('Add a reaction to the comment by Ada Bakker');
    expect(add.getAttribute('aria-expanded')).to.equal('false');
    add.click();
    await settled(element);
    expect(add.getAttribute('aria-expanded')).to.equal('true');
    const offered = $$<HTMLButtonElement>(element, '#plein-comment-a [part~="reaction-picker"] button');
    expect(offered.map((button) => button.getAttribute('aria-label'))).to.deep.equal(['Like', 'Love', 'Funny', 'Celebrate', 'Surprised']);
    offered[3]!.click();
    await until(() => reactionButtons(article(element, 'a')).some((button) => button.getAttribute('aria-label') === 'Celebrate, 1 person'), 'the new reaction');
    expect($$(element, '[part~="reaction-picker"]')).to.have.length(0);
    expect(root(element).activeElement?.getAttribute('aria-label')).to.equal('Celebrate, 1 person');
  });

  it('keeps the bar in the thread’s order when a picked reaction joins it, with focus on the one picked', async () => {
    const { element } = await mount({ seed: seed([comment('a', { reactions: { '👍': ['demo-ada'], '😂': ['demo-kees'] } })]) });
    $<HTMLButtonElement>(element, '#plein-comment-a [part~="add-reaction"]').click();
    await settled(element);
    const love = $$<HTMLButtonElement>(element, '#plein-comment-a [part~="reaction-picker"] button').find((button) => button.dataset['r'] === '❤️');
    love!.click();
    await until(() => element.store?.$items.get().find((entry) => entry.comment.id === 'a')?.comment.reactions.length === 3, 'the backend answer');
    await settled(element);
    expect(reactionButtons(article(element, 'a')).map((button) => button.getAttribute('aria-label'))).to.deep.equal([
      'Like, 1 person',
      'Love, 1 person',
      'Funny, 1 person',
    ]);
    expect(root(element).activeElement?.getAttribute('aria-label')).to.equal('Love, 1 person');
  });

  it('moves focus to adding a reaction when the viewer takes back the last of one, whose button goes', async () => {
    const { element } = await mount({ seed: seed([comment('a', { reactions: { '👍': ['demo-noor'], '😂': ['demo-kees'] } })]) });
    const like = reactionButtons(article(element, 'a')).find((button) => button.dataset['r'] === '👍')!;
    like.focus();
    like.click();
    await until(() => !reactionButtons(article(element, 'a')).some((button) => button.dataset['r'] === '👍'), 'the like gone');
    await settled(element);
    expect(root(element).activeElement?.getAttribute('part')).to.equal('add-reaction');
  });

  it('rolls a refused reaction back and says why', async () => {
    const { element } = await mount({
      seed: seed([comment('a', { reactions: { '👍': 1 } })]),
      adapter: { failWith: (method) => (method === 'react' ? new AdapterError('forbidden', 'no') : undefined) },
    });
    const failed = oneEvent(element, 'plein-error');
    reactionButtons(article(element, 'a'))[0]!.click();
    expect((await failed).detail).to.include({ action: 'react' });
    await settled(element);
    expect(reactionButtons(article(element, 'a'))[0]!.getAttribute('aria-label')).to.equal('Like, 1 person');
    expect(text($(element, '[part~="error"]'))).to.contain('You are not allowed to do that.');
  });

  it('asks the page to sign in an anonymous visitor who reacts, and shows no note when the page takes it', async () => {
    const { element } = await mount({ seed: seed([comment('a', { reactions: { '👍': 1 } })]), viewer: demoViewers.anonymous });
    element.addEventListener('plein-login-request', (event) => event.preventDefault());
    const asked = oneEvent(element, 'plein-login-request');
    reactionButtons(article(element, 'a'))[0]!.click();
    expect((await asked).detail.action).to.equal('react');
    await settled(element);
    expect($$(element, '[part~="notice"]')).to.have.length(0);
  });

  it('tells an anonymous visitor at the comment that only members can react, where the page offers no sign-in', async () => {
    const { element } = await mount({ seed: seed([comment('a'), comment('b', { reactions: { '👍': 1 } })]), viewer: demoViewers.anonymous });
    reactionButtons(article(element, 'b'))[0]!.click();
    await settled(element);
    const note = article(element, 'b').querySelector('[part~="notice"]');
    expect(text(note)).to.equal('Only signed-in members can react to comments here.');
    expect(note!.getAttribute('role')).to.equal('note');
    expect(article(element, 'a').querySelector('[part~="notice"]')).to.equal(null);
    await until(() => text($(element, '#live')) === 'Only signed-in members can react to comments here.', 'the announcement');
    expect(reactionButtons(article(element, 'b'))[0]!.getAttribute('aria-label'), 'the count is unchanged').to.equal('Like, 1 person');
  });

  it('says in Dutch that only members can react', async () => {
    const { element } = await mount({ seed: seed([comment('a', { reactions: { '👍': 1 } })]), viewer: demoViewers.anonymous, attributes: { lang: 'nl' } });
    await until(() => reactionButtons(article(element, 'a'))[0]!.getAttribute('aria-label') === 'Duim omhoog, 1 persoon', 'Dutch names');
    reactionButtons(article(element, 'a'))[0]!.click();
    await settled(element);
    expect(text(article(element, 'a').querySelector('[part~="notice"]'))).to.equal('Alleen ingelogde leden kunnen hier met emoji reageren.');
  });

  it('names reactions in Dutch', async () => {
    const { element } = await mount({ seed: seed([comment('a', { reactions: { '👍': 2 } })]), attributes: { lang: 'nl' } });
    await until(() => reactionButtons(article(element, 'a'))[0]!.getAttribute('aria-label') === 'Duim omhoog, 2 personen', 'Dutch names');
  });
});
