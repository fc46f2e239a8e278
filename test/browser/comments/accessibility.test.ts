import { expect } from '@open-wc/testing';
import { AdapterError } from '../../../src/adapters/errors.js';
import type { PleinComments } from '../../../src/components/comments/comments.js';
import { $, action, ago, comment, composer, demoViewers, mount, root, seed, settled, type, until } from './helpers.js';

const conversation = () =>
  seed(
    [
      comment('a', { author: 'demo-sam', pinned: true, reactions: { '👍': ['demo-noor', 'demo-ada'] } }),
      comment('b', { parentId: 'a', editedAt: ago(1) }),
      comment('mine', { author: 'demo-noor', createdAt: ago(2), body: '**Mine** with a [link](https://example.org)' }),
      comment('waiting', { author: 'demo-kees', status: 'pending' }),
      comment('gone', { deleted: true }),
      comment('under-gone', { parentId: 'gone' }),
    ],
    { ownerId: 'demo-sam' },
  );

/** axe over the page, dialogs included (a modal dialog makes everything else inert). */
async function accessible(element: PleinComments): Promise<void> {
  await settled(element);
  await expect(element).to.be.accessible();
}

describe('<plein-comments> accessibility', () => {
  it('passes axe with a full conversation, as member and as moderator', async () => {
    await accessible((await mount({ seed: conversation() })).element);
    await accessible((await mount({ seed: conversation(), viewer: demoViewers.moderator })).element);
  });

  it('passes axe with the preview tab, an inline reply and an inline edit open', async () => {
    const { element } = await mount({ seed: conversation() });
    type(composer(element).querySelector('textarea')!, '*Preview* me');
    composer(element).querySelectorAll<HTMLButtonElement>('[role="tab"]')[1]!.click();
    action(element, 'a', 'reply').click();
    await settled(element);
    action(element, 'mine', 'edit').click();
    await accessible(element);
  });

  it('passes axe with the report dialog and the delete confirmation open', async () => {
    const { element } = await mount({ seed: conversation() });
    action(element, 'a', 'report').click();
    await accessible(element);
    $<HTMLButtonElement>(element, 'dialog [data-a="close-dialog"]').click();
    await settled(element);
    action(element, 'mine', 'delete').click();
    await accessible(element);
  });

  it('passes axe with field errors, a rate limit and a comment that could not be sent', async () => {
    let failure: AdapterError | undefined = new AdapterError('network', 'offline');
    const { element } = await mount({ seed: conversation(), adapter: { failWith: (method) => (method === 'postComment' ? failure : undefined) } });
    type(composer(element).querySelector('textarea')!, 'Offline one');
    composer(element).querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
    await until(() => root(element).querySelector('article[part~="failed"]'), 'the failed comment');
    failure = new AdapterError('rate-limited', 'slow', { retryAfter: 30 });
    type(composer(element).querySelector('textarea')!, 'Too fast');
    composer(element).querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
    await until(() => composer(element).querySelector('[part~="notice"]'), 'the rate limit');
    action(element, 'a', 'reply').click();
    await settled(element);
    composer(element, 'reply').querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
    await accessible(element);
  });

  it('passes axe for anonymous visitors, guests, a closed thread, an error and the dark theme', async () => {
    await accessible((await mount({ seed: conversation(), viewer: demoViewers.anonymous })).element);
    await accessible((await mount({ seed: seed([comment('a')], { guests: true }), viewer: demoViewers.anonymous })).element);
    await accessible((await mount({ seed: seed([comment('a')], { locked: true }) })).element);
    const broken = await mount({
      seed: seed([]),
      adapter: { failWith: (method) => (method === 'getThread' ? new AdapterError('unavailable', 'down') : undefined) },
    });
    await accessible(broken.element);
    const dark = await mount({ seed: conversation() });
    dark.element.theme = 'dark';
    await accessible(dark.element);
  });

  it('gives the text field a placeholder that keeps 4.5:1 on the dark surface, which the browser’s own grey does not', async () => {
    const dark = await mount({ seed: conversation() });
    dark.element.theme = 'dark';
    await settled(dark.element);
    const field = root(dark.element).querySelector('textarea')!;
    const channels = (color: string) => (color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const luminance = (color: string) => {
      const [r = 0, g = 0, b = 0] = channels(color).map((value) => {
        const c = value / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const [light, deep] = [getComputedStyle(field, '::placeholder').color, getComputedStyle(field).backgroundColor].map(luminance).sort((a, b) => b - a);
    expect((light! + 0.05) / (deep! + 0.05)).to.be.at.least(4.5);
  });

  it('lists the top-level comments in one list named by the heading, with nested lists of replies', async () => {
    const { element } = await mount({ seed: conversation() });
    const list = $(element, '[part~="list"]');
    expect(list.getAttribute('role')).to.equal('list');
    expect(root(element).getElementById(list.getAttribute('aria-labelledby')!)?.textContent).to.equal('4 comments');
    // Between the list and its items sit only generic blocks (no role), which are not in the tree.
    const items = [...list.querySelectorAll(':scope > .block > [role="listitem"]')];
    expect(items).to.have.length(3);
    expect([...list.querySelectorAll(':scope > .block')].every((block) => !block.hasAttribute('role'))).to.equal(true);
    expect(root(element).querySelectorAll('ol[part~="replies"] > li article')).to.have.length(2);
  });
});
