import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { countLinks, parseMarkdown, toPlainText } from '../../../src/domain/markdown/index.js';
import { isSafeUrl } from '../../../src/domain/links.js';

const inline = (source: string) => {
  const [block] = parseMarkdown(source);
  assert.equal(block?.type, 'paragraph');
  return block.type === 'paragraph' ? block.children : [];
};

describe('Markdown subset', () => {
  it('parses emphasis, strong and inline code', () => {
    assert.deepEqual(inline('a *b* **c** `d`'), [
      { type: 'text', text: 'a ' },
      { type: 'emphasis', children: [{ type: 'text', text: 'b' }] },
      { type: 'text', text: ' ' },
      { type: 'strong', children: [{ type: 'text', text: 'c' }] },
      { type: 'text', text: ' ' },
      { type: 'code', text: 'd' },
    ]);
  });

  it('leaves underscores inside words alone', () => {
    assert.deepEqual(inline('snake_case_name'), [{ type: 'text', text: 'snake_case_name' }]);
  });

  it('does not treat markup inside inline code as markup', () => {
    assert.deepEqual(inline('`*not* [a](http://x.nl)`'), [{ type: 'code', text: '*not* [a](http://x.nl)' }]);
  });

  it('keeps unmatched delimiters as text', () => {
    assert.deepEqual(toPlainText(parseMarkdown('2 * 3 = 6 and **half')), '2 * 3 = 6 and **half');
  });

  it('links http, https and mailto', () => {
    assert.deepEqual(inline('[site](https://example.org/a?b=c)'), [
      { type: 'link', href: 'https://example.org/a?b=c', children: [{ type: 'text', text: 'site' }] },
    ]);
    assert.equal(inline('[me](mailto:ada@example.org)')[0]?.type, 'link');
  });

  it('turns javascript:, data: and relative links into plain text', () => {
    for (const href of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,x', '/relative', 'vbscript:x']) {
      const nodes = inline(`[click](${href})`);
      assert.ok(!nodes.some((node) => node.type === 'link'), href);
      assert.equal(toPlainText(parseMarkdown(`[click](${href})`)), `click (${href})`);
    }
  });

  it('refuses links whose scheme hides behind control characters', () => {
    assert.equal(isSafeUrl('java\tscript:alert(1)'), false);
    assert.equal(isSafeUrl('\u0001https://x.nl'), false);
    assert.equal(isSafeUrl('https:alert(1)'), false);
    assert.equal(isSafeUrl('https://example.org'), true);
  });

  it('autolinks bare URLs without swallowing trailing punctuation', () => {
    assert.deepEqual(inline('see https://example.org/x.'), [
      { type: 'text', text: 'see ' },
      { type: 'link', href: 'https://example.org/x', children: [{ type: 'text', text: 'https://example.org/x' }] },
      { type: 'text', text: '.' },
    ]);
  });

  it('keeps text that only looks like the start of a construct as one text node', () => {
    const text = 'mhm, http:/x and mailto without a colon, xhttp://a.nl, [no link], a * b _ c';
    assert.deepEqual(inline(text), [{ type: 'text', text }]);
  });

  it('autolinks a URL that follows a near miss', () => {
    assert.deepEqual(inline('http:/x or mailto:ada@example.org'), [
      { type: 'text', text: 'http:/x or ' },
      { type: 'link', href: 'mailto:ada@example.org', children: [{ type: 'text', text: 'mailto:ada@example.org' }] },
    ]);
  });

  it('keeps line breaks inside a paragraph', () => {
    assert.deepEqual(inline('one\ntwo'), [{ type: 'text', text: 'one' }, { type: 'break' }, { type: 'text', text: 'two' }]);
  });

  it('honours backslash escapes', () => {
    assert.deepEqual(inline('\\*literal\\*'), [{ type: 'text', text: '*literal*' }]);
  });

  it('parses fenced code blocks verbatim, language included', () => {
    assert.deepEqual(parseMarkdown('```js\nconst a = "<b>";\n**x**\n```'), [
      { type: 'code-block', lang: 'js', text: 'const a = "<b>";\n**x**' },
    ]);
  });

  it('keeps an unclosed fence to the end as code', () => {
    assert.deepEqual(parseMarkdown('```\nopen'), [{ type: 'code-block', lang: '', text: 'open' }]);
  });

  it('parses quotes, nested quotes and paragraphs inside them', () => {
    const [quote] = parseMarkdown('> outer\n> > inner');
    assert.equal(quote?.type, 'quote');
    assert.equal(quote.type === 'quote' && quote.children[1]?.type, 'quote');
  });

  it('parses bullet and ordered lists with their start number', () => {
    const [bullets, numbers] = parseMarkdown('- a\n- *b*\n\n3. c\n4. d');
    assert.equal(bullets?.type === 'list' && bullets.items.length, 2);
    assert.equal(numbers?.type === 'list' && numbers.ordered && numbers.start, 3);
  });

  it('nests a list indented under an item, at two spaces for bullets and at the text for numbers', () => {
    const texts = (block: ReturnType<typeof parseMarkdown>[number] | undefined): unknown =>
      block?.type === 'list'
        ? block.items.map((item) => item.map((part) => (part.type === 'list' ? texts(part) : toPlainText([part]))))
        : toPlainText(block ? [block] : []);
    const [bullets] = parseMarkdown('- one\n  - one.a\n    - one.a.i\n  - one.b\n- two');
    assert.deepEqual(texts(bullets), [['one', [['one.a', [['one.a.i']]], ['one.b']]], ['two']]);
    const [numbers] = parseMarkdown('1. first\n   1. first.first\n2. second');
    assert.deepEqual(texts(numbers), [['first', [['first.first']]], ['second']]);
    const [quoted] = parseMarkdown('> - a\n>   - a.a');
    assert.deepEqual(quoted?.type === 'quote' && texts(quoted.children[0]), [['a', [['a.a']]]]);
  });

  it('begins a list inside a paragraph only at 1, so a line that starts with a year stays text', () => {
    assert.deepEqual(
      parseMarkdown('The year I moved here was\n1984. It was a good year.').map((block) => block.type),
      ['paragraph'],
    );
    assert.deepEqual(parseMarkdown('Steps:\n1. one\n2. two').map((block) => block.type), ['paragraph', 'list']);
  });

  it('keeps balanced parentheses in link targets and bare URLs, and a title after the target', () => {
    assert.deepEqual(inline('See [Foo (bar)](https://en.wikipedia.org/wiki/Foo_(bar)) now'), [
      { type: 'text', text: 'See ' },
      { type: 'link', href: 'https://en.wikipedia.org/wiki/Foo_(bar)', children: [{ type: 'text', text: 'Foo (bar)' }] },
      { type: 'text', text: ' now' },
    ]);
    const bare = inline('https://en.wikipedia.org/wiki/Bar_(baz) and (see https://x.nl/a).');
    assert.deepEqual(
      bare.filter((node) => node.type === 'link').map((node) => node.type === 'link' && node.href),
      ['https://en.wikipedia.org/wiki/Bar_(baz)', 'https://x.nl/a'],
    );
    assert.equal(toPlainText(parseMarkdown('(see https://x.nl/a).')), '(see https://x.nl/a).');
    assert.deepEqual(inline('[t](https://example.com "title")'), [{ type: 'link', href: 'https://example.com', children: [{ type: 'text', text: 't' }] }]);
  });

  it('keeps HTML, headings and images as literal text', () => {
    const source = '<img src=x onerror=alert(1)>\n# not a heading\n![alt](https://x.nl/a.png)';
    const text = toPlainText(parseMarkdown(source));
    assert.ok(text.includes('<img src=x onerror=alert(1)>'));
    assert.ok(text.includes('# not a heading'));
  });

  it('counts links for the max-links rule', () => {
    assert.equal(countLinks(parseMarkdown('[a](https://a.nl) https://b.nl\n\n> [c](http://c.nl)\n\n- https://d.nl')), 4);
  });

  it('bounds nesting depth on hostile input', () => {
    const deep = '> '.repeat(500) + 'x';
    const nested = '['.repeat(2000) + 'x' + '](https://a.nl)'.repeat(2000);
    const emphasis = '*a '.repeat(2000);
    const start = performance.now();
    for (const source of [deep, nested, emphasis]) assert.ok(toPlainText(parseMarkdown(source)).length > 0);
    assert.ok(performance.now() - start < 2000, 'hostile input parses in well under two seconds');
  });
});
