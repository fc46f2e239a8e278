import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { AdapterError } from '../../../src/adapters/errors.js';
import { unsentStoragePrefix } from '../../../src/stores/comments/drafts.js';
import { draftStorageKey } from '../../../src/stores/comments/index.js';
import { $, $$, action, ago, article, comment, composer, demoViewers, mount, root, seed, settled, text, type, until } from './helpers.js';

const textarea = (form: HTMLFormElement) => form.querySelector('textarea')!;
const unsentBodies = () =>
  Object.keys(localStorage)
    .filter((key) => key.startsWith(unsentStoragePrefix('thread')))
    .map((key) => (JSON.parse(localStorage.getItem(key) ?? '{}') as { input: { body: string } }).input.body);
const submit = (form: HTMLFormElement) => form.querySelector<HTMLButtonElement>('[part~="submit"]')!;

describe('<plein-comments> writing', () => {
  afterEach(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('plein:draft:')) localStorage.removeItem(key);
  });

  it('has write and preview tabs as a tablist, previewing safe Markdown', async () => {
    const { element } = await mount({ seed: seed([]) });
    const form = composer(element);
    const tabs = [...form.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    expect(form.querySelector('[role="tablist"]')).to.be.instanceOf(HTMLElement);
    expect(tabs.map((tab) => tab.getAttribute('aria-selected'))).to.deep.equal(['true', 'false']);
    type(textarea(form), '**bold** [link](https://example.org) <img src=x onerror=alert(1)>');
    tabs[1]!.click();
    await settled(element);
    const panel = form.querySelector<HTMLElement>('[part~="preview"]')!;
    expect(panel.getAttribute('role')).to.equal('tabpanel');
    expect(panel.hidden).to.equal(false);
    expect(tabs[1]!.getAttribute('aria-selected')).to.equal('true');
    expect(panel.querySelector('strong')?.textContent).to.equal('bold');
    expect(panel.querySelector('a')?.rel).to.equal('nofollow ugc noopener');
    expect(panel.querySelector('img')).to.equal(null);
    expect(panel.textContent).to.contain('<img src=x onerror=alert(1)>');
  });

  it('moves between the tabs with the arrow keys', async () => {
    const { element } = await mount({ seed: seed([]) });
    const form = composer(element);
    const [write, preview] = [...form.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    write!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await settled(element);
    expect(preview!.getAttribute('aria-selected')).to.equal('true');
    expect(root(element).activeElement).to.equal(preview);
    await sendKeys({ press: 'Home' });
    await settled(element);
    expect(write!.getAttribute('aria-selected')).to.equal('true');
  });

  it('counts characters left live and flags text over the limit', async () => {
    const { element } = await mount({ seed: seed([]) });
    const form = composer(element);
    const counter = form.querySelector('[part~="counter"]')!;
    expect(text(counter)).to.equal('5,000 characters left');
    type(textarea(form), 'Hello 👋');
    await settled(element);
    expect(text(counter)).to.equal('4,993 characters left');
    type(textarea(form), 'x'.repeat(5003));
    await settled(element);
    expect(text(counter)).to.equal('3 characters too many');
    expect(textarea(form).getAttribute('aria-invalid')).to.equal('true');
    expect(textarea(form).getAttribute('aria-describedby')).to.contain(counter.id);
    // Read as one description: the hint, which ends its sentence, comes before the count, which does not.
    const description = textarea(form)
      .getAttribute('aria-describedby')!
      .split(' ')
      .map((id) => text(form.querySelector(`#${id}`)));
    expect(description.slice(-2)).to.deep.equal([text(form.querySelector('[part~="hint"]')), '3 characters too many']);
  });

  it('posts with Ctrl+Enter, shows the comment and announces it', async () => {
    const { element } = await mount({ seed: seed([]) });
    const form = composer(element);
    textarea(form).focus();
    await sendKeys({ type: 'Posted from the keyboard' });
    const posted = oneEvent(element, 'plein-comment-posted');
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Control' });
    const event = await posted;
    expect(event.detail.comment.body).to.equal('Posted from the keyboard');
    await until(() => text(root(element)).includes('Posted from the keyboard'), 'the new comment');
    expect(textarea(form).value).to.equal('');
    await until(() => text($(element, '#live')) === 'Your comment was posted.', 'the announcement');
    // Focus moves to the new comment, so a screen reader reads what was posted.
    await until(() => root(element).activeElement?.id === `plein-comment-${event.detail.comment.id}`, 'focus on the comment');
  });

  it('shows a field error under the text field instead of sending an empty comment', async () => {
    const { element, adapter } = await mount({ seed: seed([]) });
    const form = composer(element);
    submit(form).click();
    await settled(element);
    const error = form.querySelector('[part~="field-error"]')!;
    expect(text(error)).to.equal('Write something first.');
    expect(textarea(form).getAttribute('aria-describedby')).to.contain(error.id);
    expect(textarea(form).getAttribute('aria-invalid')).to.equal('true');
    expect(root(element).activeElement).to.equal(textarea(form));
    expect((await adapter.listComments({ thread: 'thread' })).items).to.have.length(0);
  });

  it('shows the backend’s field error under the text field and keeps the text', async () => {
    const { element } = await mount({
      seed: seed([]),
      adapter: {
        failWith: (method) =>
          method === 'postComment'
            ? AdapterError.invalid({ body: { reason: 'too-many-links', message: 'Use at most 3 links.', params: { max: 3 } } })
            : undefined,
      },
    });
    const form = composer(element);
    type(textarea(form), 'a https://a.example b https://b.example');
    const failed = oneEvent(element, 'plein-error');
    submit(form).click();
    expect((await failed).detail.error.code).to.equal('invalid');
    await settled(element);
    expect(text(form.querySelector('[part~="field-error"]'))).to.equal('Use fewer links.');
    expect(textarea(form).value).to.equal('a https://a.example b https://b.example');
    // Rolled back visibly: no comment stays behind.
    expect($$(element, 'article')).to.have.length(0);
    expect(text($(element, '#live'))).to.satisfy((message: string) => message === '' || message.startsWith('Your comment was not posted.'));
  });

  it('counts down "You can post again in N s" when rate limited, on the button and not read out each second', async () => {
    let limited = true;
    const { element } = await mount({
      seed: seed([]),
      adapter: {
        failWith: (method) =>
          method === 'postComment' && limited ? new AdapterError('rate-limited', 'slow down', { retryAfter: 3 }) : undefined,
      },
    });
    const form = composer(element);
    type(textarea(form), 'Too fast');
    submit(form).click();
    await until(() => form.querySelector('[part~="notice"]'), 'rate limit notice');
    const notice = () => text(form.querySelector('[part~="notice"]'));
    expect(notice()).to.match(/^You can post again in [23] s\.$/);
    expect(submit(form).getAttribute('aria-disabled')).to.equal('true');
    const live = form.querySelector('[part~="notice"]')!.closest('[role="status"], [role="alert"], [aria-live]');
    expect(live, 'a live region around the countdown').to.equal(null);
    expect(submit(form).getAttribute('aria-describedby')).to.equal(form.querySelector('[part~="notice"]')!.id);
    const first = notice();
    await until(() => notice() !== first, 'the countdown', 3000);
    expect(notice()).to.match(/^You can post again in [12] s\.$/);
    limited = false;
    await until(() => !form.querySelector('[part~="notice"]'), 'the end of the countdown', 4000);
    expect(submit(form).getAttribute('aria-disabled')).to.equal('false');
  });

  it('keeps a comment sent while offline as saved, and sends it when the browser is back online', async () => {
    let offline = true;
    const { element, adapter } = await mount({
      seed: seed([]),
      adapter: { failWith: (method) => (method === 'postComment' && offline ? new AdapterError('network', 'offline') : undefined) },
    });
    const form = composer(element);
    type(textarea(form), 'Written on a train');
    submit(form).click();
    await until(() => root(element).querySelector('article[part~="failed"]'), 'the failed comment');
    const failed = $(element, 'article[part~="failed"]');
    expect(text(failed)).to.contain('Offline — your comment is saved and will be sent when you are back.');
    expect(text(failed)).to.contain('Written on a train');
    expect(failed.querySelector('[part~="retry"]')).to.be.instanceOf(HTMLElement);
    // Kept until the backend confirms: a reload shows it again.
    expect(unsentBodies()).to.deep.equal(['Written on a train']);

    offline = false;
    const posted = oneEvent(element, 'plein-comment-posted');
    window.dispatchEvent(new Event('online'));
    expect((await posted).detail.comment.body).to.equal('Written on a train');
    await until(() => !root(element).querySelector('article[part~="failed"]'), 'the sent comment');
    expect((await adapter.listComments({ thread: 'thread' })).items.map((item) => item.body)).to.deep.equal(['Written on a train']);
    expect(unsentBodies()).to.deep.equal([]);
    expect(localStorage.getItem(draftStorageKey('thread', 'root'))).to.equal(null);
  });

  it('retries a failed comment with its Retry button', async () => {
    let offline = true;
    const { element } = await mount({
      seed: seed([]),
      adapter: { failWith: (method) => (method === 'postComment' && offline ? new AdapterError('network', 'offline') : undefined) },
    });
    type(textarea(composer(element)), 'Second try');
    submit(composer(element)).click();
    await until(() => root(element).querySelector('[part~="retry"]'), 'retry');
    offline = false;
    $<HTMLButtonElement>(element, '[part~="retry"]').click();
    await until(() => !root(element).querySelector('article[part~="failed"]') && $$(element, 'article').length === 1, 'sent');
  });

  it('shows an optimistic comment as sending until the backend answers', async () => {
    const { element } = await mount({ seed: seed([]), adapter: { latency: 300 } });
    type(textarea(composer(element)), 'On its way');
    submit(composer(element)).click();
    await until(() => root(element).querySelector('article[part~="sending"]'), 'sending entry');
    expect(text($(element, 'article[part~="sending"] [part~="status"]'))).to.equal('Sending…');
    await until(() => !root(element).querySelector('article[part~="sending"]'), 'confirmed', 3000);
  });

  it('saves the draft as you type and restores it after a reload', async () => {
    const first = await mount({ seed: seed([]) });
    type(textarea(composer(first.element)), 'Half a thought');
    first.element.remove();
    const second = await mount({ seed: seed([]) });
    expect(textarea(composer(second.element)).value).to.equal('Half a thought');
  });

  it('opens an inline reply composer, posts the reply under its parent and focuses it', async () => {
    const { element } = await mount({ seed: seed([comment('parent')]) });
    const reply = action(element, 'parent', 'reply');
    expect(reply.getAttribute('aria-label')).to.equal('Reply to Ada Bakker');
    reply.click();
    await settled(element);
    const form = composer(element, 'reply');
    expect(form.getAttribute('aria-label')).to.equal('Your reply to Ada Bakker');
    expect(root(element).activeElement).to.equal(textarea(form));
    type(textarea(form), 'A reply');
    const posted = oneEvent(element, 'plein-comment-posted');
    submit(form).click();
    const { comment: reply1 } = (await posted).detail;
    expect(reply1.parentId).to.equal('parent');
    await until(() => root(element).activeElement?.id === `plein-comment-${reply1.id}`, 'focus on the reply');
    const list = $(element, '[part~="replies"]');
    expect(list.contains(article(element, reply1.id))).to.equal(true);
    expect($$(element, 'form[part~="composer-reply"]')).to.have.length(0);
  });

  it('returns focus to the Reply button when the reply is cancelled (Escape)', async () => {
    const { element } = await mount({ seed: seed([comment('parent')]) });
    action(element, 'parent', 'reply').click();
    await settled(element);
    textarea(composer(element, 'reply')).focus();
    await sendKeys({ press: 'Escape' });
    await settled(element);
    expect($$(element, 'form[part~="composer-reply"]')).to.have.length(0);
    expect(root(element).activeElement).to.equal(action(element, 'parent', 'reply'));
  });

  it('edits within the edit window and marks the comment edited', async () => {
    const { element } = await mount({ seed: seed([comment('mine', { author: 'demo-noor', createdAt: ago(2), body: 'Frist' })]) });
    action(element, 'mine', 'edit').click();
    await settled(element);
    const form = composer(element, 'edit');
    expect(textarea(form).value).to.equal('Frist');
    type(textarea(form), 'First');
    const edited = oneEvent(element, 'plein-comment-edited');
    submit(form).click();
    expect((await edited).detail.comment.body).to.equal('First');
    await settled(element);
    expect(text(article(element, 'mine').querySelector('[part~="body"]'))).to.equal('First');
    expect(article(element, 'mine').querySelector('[part~="edited"]')).to.be.instanceOf(HTMLElement);
    await until(() => root(element).activeElement === article(element, 'mine'), 'focus back on the comment');
  });

  it('says the time to edit has passed when it runs out with the editor open, keeping the text', async () => {
    const createdAt = new Date(Date.now() - 15 * 60_000 + 1500).toISOString();
    const { element } = await mount({ seed: seed([comment('mine', { author: 'demo-noor', createdAt, body: 'Almost' })]) });
    action(element, 'mine', 'edit').click();
    await settled(element);
    await new Promise((resolve) => setTimeout(resolve, 1600));
    const form = composer(element, 'edit');
    type(textarea(form), 'Almost too late');
    submit(form).click();
    await until(() => form.querySelector('[part~="form-error"]'), 'the refusal');
    expect(text(form.querySelector('[part~="form-error"]'))).to.equal('The time to edit this comment has passed. Copy your text if you want to keep it.');
    expect(textarea(form).value).to.equal('Almost too late');
    expect(submit(form).getAttribute('aria-disabled')).to.equal('true');
  });

  it('offers no Edit once the edit window has passed, nor on others’ comments', async () => {
    const { element } = await mount({
      seed: seed([comment('old', { author: 'demo-noor', createdAt: ago(16) }), comment('theirs', { author: 'demo-ada', createdAt: ago(1) })]),
    });
    expect(article(element, 'old').querySelector('[data-a="edit"]')).to.equal(null);
    expect(article(element, 'old').querySelector('[data-a="delete"]')).to.be.instanceOf(HTMLElement);
    expect(article(element, 'theirs').querySelector('[data-a="edit"], [data-a="delete"]')).to.equal(null);
  });

  it('deletes after confirmation, asked with focus on Cancel, and moves focus to the next comment', async () => {
    const { element, adapter } = await mount({
      seed: seed([comment('mine', { author: 'demo-noor', createdAt: ago(2) }), comment('next', { createdAt: ago(5) })]),
    });
    action(element, 'mine', 'delete').click();
    await settled(element);
    const dialog = $<HTMLDialogElement>(element, 'dialog');
    expect(dialog.open).to.equal(true);
    expect(text(dialog)).to.contain('Delete this comment?');
    // An Enter pressed on, out of habit, destroys nothing.
    expect(text(root(element).activeElement)).to.equal('Cancel');
    const deleted = oneEvent(element, 'plein-comment-deleted');
    dialog.querySelector<HTMLButtonElement>('.button.danger')!.click();
    expect((await deleted).detail).to.deep.equal({ id: 'mine', thread: 'thread' });
    await settled(element);
    expect(dialog.open).to.equal(false);
    expect(root(element).querySelector('#plein-comment-mine')).to.equal(null);
    expect(root(element).activeElement).to.equal(article(element, 'next'));
    expect((await adapter.listComments({ thread: 'thread' })).items.map((item) => item.id)).to.deep.equal(['next']);
  });

  it('keeps the comment when deletion is cancelled', async () => {
    const { element } = await mount({ seed: seed([comment('mine', { author: 'demo-noor', createdAt: ago(2) })]) });
    const button = action(element, 'mine', 'delete');
    button.click();
    await settled(element);
    $<HTMLButtonElement>(element, 'dialog [data-a="close-dialog"]').click();
    await settled(element);
    expect($<HTMLDialogElement>(element, 'dialog').open).to.equal(false);
    expect(article(element, 'mine').isConnected).to.equal(true);
    expect(root(element).activeElement).to.equal(button);
  });

  it('asks the page to sign in an anonymous visitor who wants to comment', async () => {
    const { element } = await mount({ seed: seed([comment('a')]), viewer: demoViewers.anonymous });
    expect($$(element, 'plein-comments-composer')).to.have.length(0);
    const asked = oneEvent(element, 'plein-login-request');
    $<HTMLButtonElement>(element, '[part~="sign-in"]').click();
    expect((await asked).detail.action).to.equal('post-comment');
    const again = oneEvent(element, 'plein-login-request');
    action(element, 'a', 'reply').click();
    expect((await again).detail.action).to.equal('reply');
  });

  it('tells an anonymous visitor where they asked that only members can comment, where the page offers no sign-in', async () => {
    const { element } = await mount({ seed: seed([comment('a')]), viewer: demoViewers.anonymous });
    $<HTMLButtonElement>(element, '[part~="sign-in"]').click();
    await settled(element);
    const note = $(element, '[part~="sign-in"]')!.parentElement!.nextElementSibling;
    expect(note?.getAttribute('part')).to.equal('notice');
    expect(text(note)).to.equal('Only signed-in members can comment here.');
    action(element, 'a', 'reply').click();
    await settled(element);
    expect(text(article(element, 'a').querySelector('[part~="notice"]'))).to.equal('Only signed-in members can comment here.');
    expect($$(element, 'plein-comments-composer'), 'no reply form they could not send').to.have.length(0);
    await until(() => text($(element, '#live')) === 'Only signed-in members can comment here.', 'the announcement');
  });

  it('lets an anonymous visitor post under a name where guests are welcome', async () => {
    const { element } = await mount({ seed: seed([], { guests: true }), viewer: demoViewers.anonymous });
    const form = composer(element);
    const name = form.querySelector<HTMLInputElement>('[part~="name-input"]')!;
    expect(name.labels?.[0]?.textContent?.trim()).to.equal('Your name');
    expect(text($(element, '[part~="sign-in"]')), 'signing in is the other way, not the only one').to.equal('Have an account? Sign in');
    type(textarea(form), 'Hello from a guest');
    submit(form).click();
    await settled(element);
    expect(text(form.querySelector('[part~="field-error"]'))).to.equal('Enter the name to show with your comment.');
    type(name, 'Gita Gast');
    const posted = oneEvent(element, 'plein-comment-posted');
    submit(form).click();
    const { comment: guestComment } = (await posted).detail;
    expect(guestComment.author.name).to.equal('Gita Gast');
    await settled(element);
    const shown = article(element, guestComment.id);
    expect(text(shown.querySelector('[part~="author"]'))).to.equal('Gita Gast');
    expect(text(shown.querySelector('[part~="chip-guest"]'))).to.equal('Guest');
  });

  it('shows a guest who they post as, and signing out brings the name field back with focus in it', async () => {
    const { element } = await mount({ seed: seed([], { guests: true }), viewer: demoViewers.anonymous });
    let form = composer(element);
    expect($$(element, '[part~="viewer"]'), 'no line before there is a guest').to.have.length(0);
    type(form.querySelector('[part~="name-input"]')!, 'Gita Gast');
    type(textarea(form), 'Hello from a guest');
    submit(form).click();
    await until(() => $$(element, '[part~="viewer"]').length === 1, 'who the guest posts as');
    form = composer(element);
    expect(form.querySelector('[part~="name-input"]'), 'the name is known now').to.equal(null);
    expect(text($(element, '[part~="viewer"]'))).to.equal('Signed in as Gita Gast · Sign out');

    $<HTMLButtonElement>(element, '[part~="sign-out"]')!.click();
    await until(() => composer(element).querySelector('[part~="name-input"]') !== null, 'the name field again');
    expect(element.store?.$viewer.get()).to.equal(null);
    expect($$(element, '[part~="viewer"]')).to.have.length(0);
    await until(() => root(element).activeElement?.getAttribute('part') === 'name-input', 'focus on the name field');
    expect(await element.adapter!.getViewer(), 'the adapter forgot the guest too').to.equal(null);
  });

  it('starts the next visitor after a guest signed out afresh: no name filled in, no old note, and says so', async () => {
    const { element } = await mount({ seed: seed([comment('a')], { guests: true }), viewer: demoViewers.anonymous });
    article(element, 'a').querySelector<HTMLButtonElement>('[part~="add-reaction"]')!.click();
    await until(() => article(element, 'a').querySelector('[part~="notice"]'), 'the note asking to sign in');
    let form = composer(element);
    type(form.querySelector('[part~="name-input"]')!, 'Gita Gast');
    type(textarea(form), 'Hello from a guest');
    submit(form).click();
    await until(() => $$(element, '[part~="viewer"]').length === 1, 'who the guest posts as');

    $<HTMLButtonElement>(element, '[part~="sign-out"]')!.click();
    await until(() => composer(element).querySelector('[part~="name-input"]') !== null, 'the name field again');
    form = composer(element);
    expect(form.querySelector<HTMLInputElement>('[part~="name-input"]')!.value).to.equal('');
    expect(article(element, 'a').querySelector('[part~="notice"]')).to.equal(null);
    await until(() => text($(element, '#live')) === 'You are signed out.', 'the announcement');
  });

  it('keeps a guest signed in and says why when signing out fails', async () => {
    const { element } = await mount({
      seed: seed([], { guests: true }),
      viewer: demoViewers.anonymous,
      adapter: { failWith: (method) => (method === 'signOut' ? new AdapterError('network', 'offline') : undefined) },
    });
    const form = composer(element);
    type(form.querySelector('[part~="name-input"]')!, 'Gita Gast');
    type(textarea(form), 'Hello from a guest');
    submit(form).click();
    await until(() => $$(element, '[part~="sign-out"]').length === 1, 'the sign-out button');
    const failed = oneEvent(element, 'plein-error');
    $<HTMLButtonElement>(element, '[part~="sign-out"]')!.click();
    expect((await failed).detail).to.include({ action: 'sign-out' });
    await settled(element);
    expect(element.store?.$viewer.get()?.name).to.equal('Gita Gast');
    expect(text($(element, '[part~="viewer"]'))).to.equal('Signed in as Gita Gast · Sign out');
    expect(text($(element, '[part~="error"]'))).to.contain('That did not work. Could not reach the server.');
  });

  it('shows a closed thread as read-only for members, with a notice and :state(locked)', async () => {
    const { element } = await mount({ seed: seed([comment('a')], { locked: true }) });
    expect(element.matches(':state(locked)')).to.equal(true);
    expect(text($(element, '[part~="notice"]'))).to.equal('This conversation is closed: no new comments can be added.');
    expect($$(element, 'plein-comments-composer, [data-a="reply"]')).to.have.length(0);
  });

  it('shows a closed thread as read-only to visitors too, even where guests are welcome', async () => {
    const { element } = await mount({ seed: seed([comment('a')], { locked: true, guests: true }), viewer: demoViewers.anonymous });
    expect(text($(element, '[part~="notice"]'))).to.equal('This conversation is closed: no new comments can be added.');
    expect($$(element, 'plein-comments-composer, [data-a="reply"], [part~="composer"], [part~="sign-in"]')).to.have.length(0);
  });
});
