import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { minifyTemplates } from '../../../scripts/minify-templates.mjs';

describe('template minifier of the script-tag build', () => {
  it('drops the line break before the bracket that ends a tag', () => {
    const source = 'html`<a\n  href=${href}\n  >${label}</a\n>`;';
    assert.equal(minifyTemplates(source), 'html`<a href=${href}>${label}</a>`;');
  });

  it('keeps one space where a line break separates elements or text', () => {
    const source = 'html`<b>one</b>\n  <i>two</i>\n  ${three}`;';
    assert.equal(minifyTemplates(source), 'html`<b>one</b> <i>two</i> ${three}`;');
  });

  it('leaves a template with preformatted text as written', () => {
    const source = 'html`<pre>\n  a\n</pre\n>`;';
    assert.equal(minifyTemplates(source), undefined);
  });

  it('collapses CSS', () => {
    assert.equal(minifyTemplates('css`\n  .a {\n    color: red;\n  }\n`;'), 'css`.a{color:red}`;');
  });
});
