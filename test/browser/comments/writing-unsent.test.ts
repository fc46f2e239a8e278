import { expect, oneEvent } from '@open-wc/testing';
import { AdapterError } from '../../../src/adapters/errors.js';
import { $, composer, mount, root, seed, settled, type, until } from './helpers.js';

const textarea = (form: HTMLFormElement) => form.querySelector('textarea')!;
const submit = (form: HTMLFormElement) => form.querySelector<HTMLButtonElement>('[part~="submit"]')!;
const offlineWhile = (offline: () => boolean) => ({
  failWith: (method: string) => (method === 'postComment' && offline() ? new AdapterError('network', 'offline') : undefined),
});

describe('<plein-comments> comments not sent yet', () => {
  it('goes to the comment that was not sent as soon as the failure is known', async () => {
    const { element } = await mount({ seed: seed([]), adapter: offlineWhile(() => true) });
    type(textarea(composer(element)), 'Written on a train');
    submit(composer(element)).click();
    await until(() => root(element).querySelector('article[part~="failed"]'), 'the failed comment');
    await until(() => root(element).activeElement === $(element, 'article[part~="failed"]'), 'focus on the failed comment', 500);
  });

  it('leaves a reader who writes again in the composer while a failure arrives, and while the comment is sent later', async () => {
    let offline = true;
    const { element } = await mount({ seed: seed([]), adapter: { latency: 150, ...offlineWhile(() => offline) } });
    const field = textarea(composer(element));
    type(field, 'First thought');
    submit(composer(element)).click();
    // Writing the next one before the answer comes.
    field.focus();
    type(field, 'Second thought');
    await until(() => root(element).querySelector('article[part~="failed"]'), 'the failed comment');
    await settled(element);
    expect(root(element).activeElement).to.equal(field);

    offline = false;
    const posted = oneEvent(element, 'plein-comment-posted');
    window.dispatchEvent(new Event('online'));
    await posted;
    await settled(element);
    expect(root(element).activeElement).to.equal(field);
    expect(field.value).to.equal('Second thought');
  });

  it('says a rate-limited comment can be sent again once the wait is over, instead of the wait it was given', async () => {
    const { element } = await mount({
      seed: seed([]),
      adapter: { failWith: (method) => (method === 'postComment' ? new AdapterError('rate-limited', 'slow down', { retryAfter: 1 }) : undefined) },
    });
    type(textarea(composer(element)), 'Too soon');
    submit(composer(element)).click();
    await until(() => root(element).querySelector('article[part~="failed"]'), 'the comment not sent');
    const status = () => ($(element, 'article[part~="failed"] [part~="status"] p').textContent ?? '').replace(/\s+/g, ' ').trim();
    expect(status()).to.equal('Not sent. You can post again in 1 s.');
    await until(() => status() === 'Not sent. You can try again now.', 'the end of the wait', 3000);
    expect($(element, '[part~="retry"]').getAttribute('aria-disabled')).to.equal('false');
  });

  it('shows a comment that was not sent again after a reload, while the composer keeps what was started since', async () => {
    const first = await mount({ seed: seed([]), adapter: offlineWhile(() => true) });
    type(textarea(composer(first.element)), 'Comment A');
    submit(composer(first.element)).click();
    await until(() => root(first.element).querySelector('article[part~="failed"]'), 'the failed comment');
    type(textarea(composer(first.element)), 'Comment B');
    first.element.remove(); // The page is reloaded.

    const { element } = await mount({ use: first.adapter });
    await until(() => root(element).querySelector('article[part~="failed"]'), 'the comment not sent, again');
    expect(($(element, 'article[part~="failed"] [part~="body"]').textContent ?? '').trim()).to.equal('Comment A');
    expect(textarea(composer(element)).value).to.equal('Comment B');
  });
});

describe('<plein-comments> comments an earlier page did not send', () => {
  it('tells the page and the reader when a comment kept by an earlier page is sent after a reload', async () => {
    let offline = true;
    const first = await mount({ seed: seed([]), adapter: offlineWhile(() => offline) });
    type(textarea(composer(first.element)), 'Written offline');
    submit(composer(first.element)).click();
    await until(() => root(first.element).querySelector('article[part~="failed"]'), 'the failed comment');
    first.element.remove(); // The page is reloaded, back online.
    offline = false;

    const { element } = await mount({ use: first.adapter });
    const { detail } = await oneEvent(element, 'plein-comment-posted');
    expect(detail.comment.body).to.equal('Written offline');
    await until(() => $(element, '#live').textContent?.includes('posted'), 'the announcement');
    await settled(element);
    expect(root(element).querySelectorAll('article[part~="comment"]')).to.have.length(1);
  });
});
