import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PleinComments } from '../../../src/components/comments/comments.js';
import { ago, article, comment, mount, root, seed, settled, text, until, writingArrived } from './helpers.js';

/** Presses Tab until the focused element in the shadow root matches, like a keyboard user would. */
async function tabTo(element: PleinComments, matches: (focused: Element) => boolean, what: string): Promise<Element> {
  for (let presses = 0; presses < 60; presses++) {
    const focused = root(element).activeElement;
    if (focused && matches(focused)) return focused;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached ${what}`);
}

const is = (selector: string) => (focused: Element) => focused.matches(selector);
const focused = (element: PleinComments) => root(element).activeElement;

async function ctrlEnter(): Promise<void> {
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: 'Enter' });
  await sendKeys({ up: 'Control' });
}

describe('<plein-comments> keyboard', () => {
  afterEach(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('plein:draft:')) localStorage.removeItem(key);
  });

  it('posts, replies, reacts and deletes with the keyboard alone', async () => {
    const { element } = await mount({ seed: seed([comment('other', { createdAt: ago(60) })]) });
    const start = document.createElement('button');
    start.textContent = 'before';
    element.before(start);
    start.focus();

    // Post: Tab to the text field, type, Tab to the button, Enter.
    await tabTo(element, is('textarea[part~="textarea"]'), 'the text field');
    await sendKeys({ type: 'Typed, never clicked' });
    await tabTo(element, is('[part~="submit"]'), 'the submit button');
    await sendKeys({ press: 'Enter' });
    await until(() => text(focused(element)).includes('Typed, never clicked'), 'focus on the new comment');
    const mine = focused(element) as HTMLElement;
    const id = mine.id.replace('plein-comment-', '');

    // Reply: from the comment, Tab to its Reply button, Enter, type, Ctrl+Enter.
    await tabTo(element, (node) => node.matches('[data-a="reply"]') && mine.contains(node), 'Reply');
    await sendKeys({ press: 'Enter' });
    await settled(element);
    expect(focused(element)?.matches('form[part~="composer-reply"] textarea')).to.equal(true);
    await sendKeys({ type: 'My own reply' });
    await ctrlEnter();
    await until(() => text(focused(element)).includes('My own reply'), 'focus on the reply');
    const reply = focused(element) as HTMLElement;
    expect(reply.closest('.item')?.parentElement?.closest('.item')?.contains(mine)).to.equal(true);

    // React: Tab to "Add a reaction", Enter, Tab into the picker, Enter on 👍.
    await tabTo(element, (node) => node.matches('[part~="add-reaction"]') && reply.contains(node), 'Add a reaction');
    await sendKeys({ press: 'Enter' });
    await settled(element);
    await tabTo(element, (node) => node.matches('[part~="reaction-picker"] button'), 'the first reaction');
    await sendKeys({ press: 'Enter' });
    await until(() => focused(element)?.getAttribute('aria-label') === 'Like, 1 person', 'the pressed reaction');
    expect(focused(element)?.getAttribute('aria-pressed')).to.equal('true');

    // Delete: Tab to Delete, Enter; the confirmation opens on Cancel: Tab to its Delete, Enter.
    await tabTo(element, (node) => node.matches('[data-a="delete"]') && reply.contains(node), 'Delete');
    await sendKeys({ press: 'Enter' });
    await settled(element);
    expect(focused(element)?.matches('dialog [data-a="close-dialog"]')).to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(focused(element)?.matches('dialog .button.danger')).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await until(() => !root(element).querySelector(`#${CSS.escape(reply.id)}`), 'the deletion');
    await settled(element);
    expect(focused(element)?.matches('article')).to.equal(true);
    expect(article(element, id).isConnected).to.equal(true);
    start.remove();
  });

  it('puts focus on the heading after deleting the only comment, so it is not lost to the page', async () => {
    const { element } = await mount({ seed: seed([comment('only', { author: 'demo-noor' })]) });
    article(element, 'only').focus();
    await writingArrived(element);
    await tabTo(element, is('[data-a="delete"]'), 'Delete');
    await sendKeys({ press: 'Enter' });
    await settled(element);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await until(() => !root(element).querySelector('article'), 'the deletion');
    await settled(element);
    expect(focused(element)?.id).to.equal('heading');
  });

  it('moves between comments with the arrow keys, Home and End, one comment in the Tab order', async () => {
    const { element } = await mount({
      seed: seed([comment('a', { createdAt: ago(1) }), comment('b', { createdAt: ago(2) }), comment('c', { createdAt: ago(3) })]),
    });
    const [a, b, c] = ['a', 'b', 'c'].map((id) => article(element, id));
    expect([a, b, c].map((node) => node!.tabIndex)).to.deep.equal([0, -1, -1]);
    a!.focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(element)).to.equal(b);
    expect([a, b, c].map((node) => node!.tabIndex)).to.deep.equal([-1, 0, -1]);
    await sendKeys({ press: 'End' });
    expect(focused(element)).to.equal(c);
    await sendKeys({ press: 'ArrowUp' });
    expect(focused(element)).to.equal(b);
    await sendKeys({ press: 'Home' });
    expect(focused(element)).to.equal(a);
    await sendKeys({ press: 'ArrowUp' });
    expect(focused(element)).to.equal(a);
  });

  it('leaves arrow keys to the text field while typing', async () => {
    const { element } = await mount({ seed: seed([comment('a')]) });
    const field = root(element).querySelector('textarea')!;
    field.focus();
    await sendKeys({ type: 'one' });
    await sendKeys({ press: 'ArrowUp' });
    expect(focused(element)).to.equal(field);
  });
});
