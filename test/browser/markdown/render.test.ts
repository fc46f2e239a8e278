import { expect, fixture, html } from '@open-wc/testing';
import { renderMarkdown } from '../../../src/core/markdown.js';

const render = (source: string) => fixture<HTMLDivElement>(html`<div>${renderMarkdown(source)}</div>`);

describe('renderMarkdown', () => {
  it('renders the subset as the matching elements', async () => {
    const el = await render('*em* **strong** `code`\n\n> quote\n\n1. one\n2. two\n\n```\nblock\n```');
    expect(el.querySelector('em')?.textContent).to.equal('em');
    expect(el.querySelector('strong')?.textContent).to.equal('strong');
    expect(el.querySelector('p code')?.textContent).to.equal('code');
    expect(el.querySelector('blockquote p')?.textContent).to.equal('quote');
    expect(el.querySelectorAll('ol > li')).to.have.length(2);
    expect(el.querySelector('pre code')?.textContent).to.equal('block');
  });

  it('lays out each paragraph and list item in the direction of its own text', async () => {
    const el = await render('English first, then العربية.\n\nשלום עולם hello world\n\n- item\n- פריט');
    const direction = (node: Element | null | undefined) => (node ? getComputedStyle(node).direction : '');
    const [english, hebrew] = el.querySelectorAll('p');
    expect([direction(english), direction(hebrew)]).to.deep.equal(['ltr', 'rtl']);
    expect([...el.querySelectorAll('li')].map(direction)).to.deep.equal(['ltr', 'rtl']);
  });

  it('marks links as user-generated and never endorsed', async () => {
    const el = await render('[site](https://example.org)');
    const link = el.querySelector('a')!;
    expect(link.getAttribute('href')).to.equal('https://example.org');
    expect(link.rel).to.equal('nofollow ugc noopener');
  });

  it('shows HTML in the text as text and creates no element from it', async () => {
    const el = await render('<img src=x onerror="window.__pwned=1"> <script>window.__pwned=1</script>');
    expect(el.querySelector('img, script')).to.equal(null);
    expect(el.textContent).to.contain('<img src=x onerror="window.__pwned=1">');
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('never renders a javascript: link', async () => {
    const el = await render('[x](javascript:window.__pwned=1) [y](  javascript:alert(1))');
    expect(el.querySelector('a')).to.equal(null);
  });

  it('keeps the start number of an ordered list', async () => {
    const el = await render('7. seven\n8. eight');
    expect(el.querySelector('ol')?.getAttribute('start')).to.equal('7');
  });
});
