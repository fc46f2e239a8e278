import { expect } from '@open-wc/testing';
import { $, $$, action, ago, article, comment, demoViewers, memoryAdapter, mount, namespace, root, seed, settled, text, until } from './helpers.js';

const moderated = () =>
  seed([
    comment('published'),
    comment('waiting', { author: 'demo-kees', status: 'pending', body: 'Waiting for a moderator' }),
    comment('removed', { author: 'demo-yara', status: 'hidden', body: 'Hidden after reports' }),
  ]);

describe('<plein-comments> moderation', () => {
  it('shows moderators pending and hidden comments with their badges', async () => {
    const { element } = await mount({ seed: moderated(), viewer: demoViewers.moderator });
    expect(text(article(element, 'waiting').querySelector('[part~="badge"]'))).to.equal('Awaiting approval');
    expect(text(article(element, 'removed').querySelector('[part~="badge"]'))).to.equal('Hidden');
    expect(article(element, 'waiting').getAttribute('part')).to.contain('pending');
    expect(article(element, 'removed').getAttribute('part')).to.contain('hidden');
  });

  it('shows members neither others’ pending comments nor hidden ones', async () => {
    const { element } = await mount({ seed: moderated(), viewer: demoViewers.member });
    expect($$(element, 'article').map((node) => node.id)).to.deep.equal(['plein-comment-published']);
    expect($$(element, '[data-a="approve"], [data-a="hide"], [data-a="pin"], [part~="lock"]')).to.have.length(0);
  });

  it('shows the author their own pending comment as awaiting approval', async () => {
    const { element } = await mount({
      seed: seed([comment('mine', { author: 'demo-noor', status: 'pending' })], { premoderated: true }),
      viewer: demoViewers.member,
    });
    expect(text(article(element, 'mine').querySelector('[part~="badge-pending"]'))).to.equal('Awaiting approval');
  });

  it('approves a pending comment and hides a published one', async () => {
    const { element, adapter } = await mount({ seed: moderated(), viewer: demoViewers.moderator });
    expect(action(element, 'waiting', 'approve').getAttribute('aria-label')).to.equal('Approve comment by Kees Smit');
    action(element, 'waiting', 'approve').click();
    await until(() => !article(element, 'waiting').querySelector('[part~="badge-pending"]'), 'approved');
    action(element, 'published', 'hide').click();
    await until(() => article(element, 'published').querySelector('[part~="badge-hidden"]'), 'hidden');
    expect((await adapter.getComment('waiting'))?.status).to.equal('published');
    expect((await adapter.getComment('published'))?.status).to.equal('hidden');
  });

  it('shows a moderator the reports on a comment as they come in, and no more once approved', async () => {
    const shared = namespace('reports');
    const data = seed([comment('fine'), comment('ad', { author: 'demo-kees', body: 'Buy now' })]);
    const reader = memoryAdapter({ namespace: shared, seed: data, viewer: demoViewers.member });
    const other = memoryAdapter({ namespace: shared, seed: data, viewer: { ...demoViewers.member, id: 'demo-yara', name: 'Yara' } });
    await reader.report('ad', { reason: 'spam', note: 'A shop link' });
    const { element } = await mount({ use: memoryAdapter({ namespace: shared, seed: data, viewer: demoViewers.moderator }) });
    const reports = () => article(element, 'ad').querySelector('[part~="reports"]');
    await until(() => reports() !== null, 'the report');
    expect(text(reports())).to.equal('Reported once: Spam or advertising: “A shop link”');
    expect(article(element, 'fine').querySelector('[part~="reports"]')).to.equal(null);

    await other.report('ad', { reason: 'off-topic' });
    await until(() => text(reports()).startsWith('Reported 2 times'), 'the second report, live');
    expect(text(reports())).to.equal('Reported 2 times: Spam or advertising: “A shop link”; Off topic');

    action(element, 'ad', 'approve').click();
    await until(() => reports() === null, 'the reports settled by approving');
  });

  it('leaves focus on Approve, the undo, after hiding a reported comment, also once its reports are settled', async () => {
    const shared = namespace('hide-reported');
    const data = seed([comment('ad', { author: 'demo-kees', body: 'Buy now' })]);
    await memoryAdapter({ namespace: shared, seed: data, viewer: demoViewers.member }).report('ad', { reason: 'spam' });
    const { element } = await mount({ use: memoryAdapter({ namespace: shared, seed: data, viewer: demoViewers.moderator }) });
    const reports = () => article(element, 'ad').querySelector('[part~="reports"]');
    await until(() => reports() !== null, 'the report');
    const hide = action(element, 'ad', 'hide');
    hide.focus();
    hide.click();
    await until(() => article(element, 'ad').querySelector('[part~="badge-hidden"]'), 'hidden');
    await until(() => reports() === null, 'the reports settled by hiding');
    await settled(element);
    expect(root(element).activeElement?.getAttribute('data-a')).to.equal('approve');
  });

  it('tells a moderator how many comments wait for review and goes to each in turn', async () => {
    const shared = namespace('review');
    const data = seed([
      comment('first', { createdAt: ago(50) }),
      comment('waiting', { author: 'demo-kees', status: 'pending', createdAt: ago(40) }),
      comment('quiet', { createdAt: ago(30) }),
      comment('reported', { author: 'demo-kees', createdAt: ago(20) }),
    ]);
    await memoryAdapter({ namespace: shared, seed: data, viewer: demoViewers.member }).report('reported', { reason: 'abuse' });
    const { element } = await mount({ use: memoryAdapter({ namespace: shared, seed: data, viewer: demoViewers.moderator }), attributes: { sort: 'oldest' } });
    const review = () => $<HTMLButtonElement>(element, '[part~="review"]');
    await until(() => $$(element, '[part~="review"]').length === 1 && text(review()) === '2 to review', 'the review button');
    expect(review().getAttribute('aria-label')).to.equal('2 to review: go to the next comment');

    review().click();
    await until(() => root(element).activeElement === article(element, 'waiting'), 'the pending comment');
    review().click();
    await until(() => root(element).activeElement === article(element, 'reported'), 'the reported comment');
    review().click();
    await until(() => root(element).activeElement === article(element, 'waiting'), 'round again');

    action(element, 'waiting', 'approve').click();
    await until(() => text(review()) === '1 to review', 'one fewer once approved');
  });

  it('shows members no reports', async () => {
    const shared = namespace('reports');
    const data = seed([comment('ad', { author: 'demo-kees' })]);
    await memoryAdapter({ namespace: shared, seed: data, viewer: demoViewers.member }).report('ad', { reason: 'spam' });
    const { element } = await mount({ use: memoryAdapter({ namespace: shared, seed: data, viewer: { ...demoViewers.member, id: 'demo-yara', name: 'Yara' } }) });
    await settled(element);
    expect($$(element, '[part~="reports"]')).to.have.length(0);
  });

  it('pins a comment to the top', async () => {
    const { element } = await mount({
      seed: seed([comment('newer', { createdAt: new Date().toISOString() }), comment('older')]),
      viewer: demoViewers.moderator,
    });
    expect($$(element, 'article')[0]!.id).to.equal('plein-comment-newer');
    const pin = action(element, 'older', 'pin');
    pin.focus();
    pin.click();
    await until(() => article(element, 'older').querySelector('[part~="badge-pinned"]'), 'pinned');
    await until(() => $$(element, 'article')[0]!.id === 'plein-comment-older', 'pinned first');
    // Focus follows the moved comment, onto the control that replaced the one pressed.
    await until(() => root(element).activeElement === action(element, 'older', 'unpin'), 'focus on Unpin');
  });

  it('locks and reopens the thread', async () => {
    const { element } = await mount({ seed: seed([comment('a')]), viewer: demoViewers.moderator });
    const lock = $<HTMLButtonElement>(element, '[part~="lock"]');
    expect(text(lock)).to.equal('Close comments');
    lock.click();
    await until(() => element.matches(':state(locked)'), 'locked');
    await settled(element);
    expect(text($(element, '[part~="notice"]'))).to.contain('closed');
    expect(text($(element, '[part~="lock"]'))).to.equal('Reopen comments');
    $<HTMLButtonElement>(element, '[part~="lock"]').click();
    await until(() => !element.matches(':state(locked)'), 'reopened');
  });

  it('announces what a moderator did: closing and reopening the thread, approving, hiding and pinning', async () => {
    const { element } = await mount({ seed: moderated(), viewer: demoViewers.moderator });
    const live = () => text($(element, '#live'));
    $<HTMLButtonElement>(element, '[part~="lock"]').click();
    await until(() => live() === 'Comments are closed.', 'the closing announced');
    $<HTMLButtonElement>(element, '[part~="lock"]').click();
    await until(() => live() === 'Comments are open again.', 'the reopening announced');
    action(element, 'waiting', 'approve').click();
    await until(() => live() === 'Comment by Kees Smit approved.', 'the approval announced');
    action(element, 'published', 'pin').click();
    await until(() => live() === 'Comment by Ada Bakker pinned.', 'the pin announced');
    action(element, 'published', 'hide').click();
    await until(() => live() === 'Comment by Ada Bakker hidden.', 'the hiding announced');
  });

  it('reports a comment with a reason from a dialog', async () => {
    const { element, adapter } = await mount({ seed: seed([comment('spam', { author: 'demo-kees' })]) });
    const report = action(element, 'spam', 'report');
    expect(report.getAttribute('aria-label')).to.equal('Report comment by Kees Smit');
    report.click();
    await settled(element);
    const dialog = $<HTMLDialogElement>(element, 'dialog');
    expect(dialog.open).to.equal(true);
    expect(dialog.getAttribute('aria-labelledby')).to.equal('dialog-title');
    const offTopic = dialog.querySelector<HTMLInputElement>('input[value="off-topic"]')!;
    expect(offTopic.labels?.[0]?.textContent?.trim()).to.equal('Off topic');
    offTopic.click();
    dialog.querySelector('textarea')!.value = 'About something else entirely';
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => !dialog.open, 'dialog closed');
    await until(() => text($(element, '#live')) === 'Thank you. A moderator will look at it.', 'thanks');
    expect(root(element).activeElement).to.equal(report);
    adapter.setViewer(demoViewers.moderator);
    const queue = await adapter.listModerationQueue({});
    expect(queue.items[0]?.reports[0]).to.include({ reason: 'off-topic', note: 'About something else entirely' });
  });

  it('offers no Report on the viewer’s own comment', async () => {
    const { element } = await mount({ seed: seed([comment('mine', { author: 'demo-noor' })]) });
    expect(article(element, 'mine').querySelector('[data-a="report"]')).to.equal(null);
  });
});
