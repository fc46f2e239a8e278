/**
 * Every control and every region a designer sees has a part, so `::part()` reaches it. The
 * report and delete dialogs' heading, reasons, note and buttons, the empty thread's message, the
 * "Try again" of a thread that could not be loaded, the "Sort by" label and the poll's "Results"
 * heading had none.
 */
import { expect, html } from '@open-wc/testing';
import { AdapterError } from '../../../src/adapters/errors.js';
import { $, action, comment, demoViewers, mount as mountComments, seed, settled } from '../comments/helpers.js';
import { memoryAdapter as pollAdapter, mount as mountPoll } from '../poll/helpers.js';

const CONTROLS = 'button, select, textarea, input, a, h2, h3, legend, label, dialog';

/** What has no part of its own: controls and headings anywhere, text blocks straight in the base. */
function unparted(element: Element): string[] {
  const found = new Set<string>();
  for (const node of element.shadowRoot!.querySelectorAll<HTMLElement>('*')) {
    // Markdown content is the comment's, not the widget's.
    if (node.hasAttribute('part') || node.closest('.body, .preview, .sr-only') || !node.getClientRects().length) continue;
    const region = node.matches('p, ul, ol, div') && node.parentElement?.closest('[part]')?.getAttribute('part') === 'base' && node.textContent!.trim();
    if (node.matches(CONTROLS) || region) found.add(`<${node.localName}> "${node.textContent!.trim().slice(0, 30)}"`);
  }
  return [...found];
}

const thread = () => seed([comment('a', { author: 'demo-kees' }), comment('mine', { author: 'demo-noor' }), comment('waiting', { author: 'demo-kees', status: 'pending' })]);

describe('parts', () => {
  it('name every control and region of a thread seen by a moderator, and of its dialogs', async () => {
    const { element } = await mountComments({ seed: thread(), viewer: demoViewers.moderator });
    expect(unparted(element)).to.deep.equal([]);
    action(element, 'a', 'report').click();
    await settled(element);
    expect(unparted(element), 'the report dialog').to.deep.equal([]);
    $<HTMLButtonElement>(element, 'dialog [data-a="close-dialog"]').click();
    await settled(element);
    const member = (await mountComments({ seed: thread() })).element;
    action(member, 'mine', 'delete').click();
    await settled(member);
    expect(unparted(member), 'the delete dialog').to.deep.equal([]);
  });

  it('name the empty thread, and a thread that could not be loaded with its retry', async () => {
    const empty = (await mountComments({ seed: seed([]) })).element;
    expect(unparted(empty)).to.deep.equal([]);
    expect($(empty, '[part~="state"]').textContent).to.contain('No comments yet');
    const failed = (
      await mountComments({ adapter: { failWith: (method) => (method === 'listComments' ? new AdapterError('unavailable', 'down') : undefined) } })
    ).element;
    expect(unparted(failed)).to.deep.equal([]);
    expect($(failed, '[part~="error"] [part~="retry"]').textContent).to.contain('Try again');
  });

  it("name the poll's results heading, and its load failure", async () => {
    const poll = await mountPoll(html`<plein-poll poll="parts" type="single" .adapter=${pollAdapter()}>
      <span slot="question">Which?</span><plein-option value="a">A</plein-option><plein-option value="b">B</plein-option>
    </plein-poll>`);
    expect(unparted(poll)).to.deep.equal([]);
    const failing = pollAdapter({ failWith: (method) => (method === 'getPoll' || method === 'ensurePoll' ? new AdapterError('unavailable', 'down') : undefined) });
    const failed = await mountPoll(html`<plein-poll poll="parts" .adapter=${failing}></plein-poll>`);
    expect(unparted(failed)).to.deep.equal([]);
  });
});
