/**
 * Every text takes one step of the type scale relative to the widget's own size. Nested em sizes
 * compounded: the composer's counter and hint (xs inside an s footer) and the meta line's chips
 * and badges ended at 0.656 of the widget's text, "Post comment" at 0.766, smaller than the
 * poll's Vote at 0.875.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { AdapterError } from '../../../src/adapters/errors.js';
import { action, ago, comment, composer, demoViewers, mount as mountComments, root, seed, settled, type, until } from '../comments/helpers.js';
import { memoryAdapter as pollAdapter, mount as mountPoll } from '../poll/helpers.js';

const SCALE = [0.75, 0.875, 1, 1.25, 1.5];
const CONTROLS = new Set(['button', 'select', 'textarea', 'input']);

/** Each text or control whose size is no step of the scale, as "part/class: ratio". */
function offScale(element: Element): string[] {
  const host = parseFloat(getComputedStyle(element).fontSize);
  const found = new Set<string>();
  const walk = (root: ParentNode) => {
    for (const node of root.querySelectorAll<HTMLElement>('*')) {
      if (node.shadowRoot && node.localName !== 'plein-time') walk(node.shadowRoot);
      // Markdown content (code is a shade smaller), avatar initials and hidden text are not the scale's.
      if (node.closest('.body, .preview, .avatar, .sr-only, plein-avatar') || !node.getClientRects().length) continue;
      const text = [...node.childNodes].some((child) => child.nodeType === Node.TEXT_NODE && child.textContent!.trim());
      if (!text && !CONTROLS.has(node.localName)) continue;
      if (node instanceof HTMLInputElement && (node.type === 'radio' || node.type === 'checkbox')) continue;
      const ratio = parseFloat(getComputedStyle(node).fontSize) / host;
      if (!SCALE.some((step) => Math.abs(step - ratio) < 0.005)) {
        found.add(`${node.getAttribute('part')?.split(' ')[0] ?? `${node.localName}.${node.className}`}: ${ratio.toFixed(3)}`);
      }
    }
  };
  walk(element.shadowRoot!);
  return [...found];
}

describe('text sizes', () => {
  it('are steps of the scale in a comment thread, seen by a moderator, with its composer', async () => {
    const { element } = await mountComments({
      viewer: demoViewers.moderator,
      seed: seed(
        [
          comment('a', { author: 'demo-sam', editedAt: ago(1), pinned: true }),
          comment('waiting', { author: 'demo-kees', status: 'pending' }),
        ],
        { ownerId: 'demo-sam' },
      ),
    });
    await settled(element);
    expect(offScale(element)).to.deep.equal([]);
    const sizes = (selector: string) => parseFloat(getComputedStyle(element.shadowRoot!.querySelector(selector)!).fontSize);
    expect(sizes('[part~="submit"]') / sizes('[part~="base"]')).to.equal(0.875);
    expect(sizes('[part~="chip"]') / sizes('[part~="base"]')).to.equal(0.75);
  });

  it('are steps of the scale in a comment that could not be sent', async () => {
    const { element } = await mountComments({ adapter: { failWith: (method) => (method === 'postComment' ? new AdapterError('network', 'offline') : undefined) } });
    type(composer(element).querySelector('textarea')!, 'Offline one');
    composer(element).querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
    await until(() => root(element).querySelector('article[part~="failed"]'), 'the failed comment');
    await settled(element);
    expect(offScale(element)).to.deep.equal([]);
  });

  it('are steps of the scale in the report dialog', async () => {
    const { element } = await mountComments({ seed: seed([comment('a', { author: 'demo-kees' })]) });
    action(element, 'a', 'report').click();
    await settled(element);
    expect(offScale(element)).to.deep.equal([]);
  });

  it('are steps of the scale in a poll', async () => {
    const poll = await mountPoll(html`<plein-poll poll="sizes" type="single" .adapter=${pollAdapter()}>
      <span slot="question">Which?</span><plein-option value="a">A</plein-option><plein-option value="b">B</plein-option>
    </plein-poll>`);
    expect(offScale(poll)).to.deep.equal([]);
  });

  it('follow the page: 14px text gives a 12.25px Post comment, as the poll’s Vote', async () => {
    const page = await fixture<HTMLElement>(html`<div style="font-size: 14px"></div>`);
    const { element } = await mountComments({});
    page.append(element);
    await settled(element);
    expect(getComputedStyle(element.shadowRoot!.querySelector('[part~="submit"]')!).fontSize).to.equal('12.25px');
  });
});
