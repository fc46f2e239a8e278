import { html, nothing, type TemplateResult } from 'lit';
import { parseMarkdown, type Block, type Inline, type MarkdownTree } from '../domain/markdown/index.js';

/**
 * The one Markdown renderer: builds Lit templates from the parsed tree, so user text reaches the
 * DOM only as text bindings and attribute values. No HTML string of user text ever exists.
 * Links carry `rel="nofollow ugc noopener"` (user-generated, not endorsed). Each paragraph, quote
 * and list item takes its own direction from its text, so an Arabic paragraph after an English
 * one reads right to left.
 */
export function renderMarkdown(source: string | MarkdownTree): TemplateResult[] {
  // The blocks go into the caller's part as they are: a template around them would cost every
  // comment one more template instance on the first render.
  return (typeof source === 'string' ? parseMarkdown(source) : source).map(renderBlock);
}

function renderBlock(block: Block): TemplateResult {
  switch (block.type) {
    case 'paragraph':
      return html`<p dir="auto">${block.children.map(renderInline)}</p>`;
    case 'code-block':
      return html`<pre><code data-lang=${block.lang || nothing}>${block.text}</code></pre>`;
    case 'quote':
      return html`<blockquote dir="auto">${block.children.map(renderBlock)}</blockquote>`;
    case 'list': {
      const items = block.items.map((item) => html`<li dir="auto">${renderListItem(item)}</li>`);
      return block.ordered
        ? html`<ol start=${block.start === 1 ? nothing : block.start}>${items}</ol>`
        : html`<ul>${items}</ul>`;
    }
  }
}

/** A one-paragraph item renders without its `<p>`, as tight lists do. */
function renderListItem(blocks: Block[]): TemplateResult {
  const [only] = blocks;
  if (blocks.length === 1 && only?.type === 'paragraph') return html`${only.children.map(renderInline)}`;
  return html`${blocks.map(renderBlock)}`;
}

function renderInline(node: Inline): TemplateResult | string {
  switch (node.type) {
    case 'text':
      return node.text;
    case 'break':
      return html`<br />`;
    case 'code':
      return html`<code>${node.text}</code>`;
    case 'strong':
      return html`<strong>${node.children.map(renderInline)}</strong>`;
    case 'emphasis':
      return html`<em>${node.children.map(renderInline)}</em>`;
    case 'link':
      return html`<a href=${node.href} rel="nofollow ugc noopener">${node.children.map(renderInline)}</a>`;
  }
}
