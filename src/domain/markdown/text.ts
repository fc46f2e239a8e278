import type { Block, Inline, MarkdownTree } from './tree.js';

/** The text a reader sees, without markup: for excerpts, structured data and notifications. */
export function toPlainText(tree: MarkdownTree): string {
  return tree.map(blockText).join('\n\n');
}

function blockText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return inlineText(block.children);
    case 'code-block':
      return block.text;
    case 'quote':
      return block.children.map(blockText).join('\n');
    case 'list':
      return block.items.map((item) => item.map(blockText).join('\n')).join('\n');
  }
}

function inlineText(nodes: Inline[]): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'text':
        case 'code':
          return node.text;
        case 'break':
          return '\n';
        default:
          return inlineText(node.children);
      }
    })
    .join('');
}

/** Links in the text, for the per-site "max links per comment" rule. */
export function countLinks(tree: MarkdownTree): number {
  let count = 0;
  const visitInline = (nodes: Inline[]): void => {
    for (const node of nodes) {
      if (node.type === 'link') count++;
      if ('children' in node) visitInline(node.children);
    }
  };
  const visitBlock = (block: Block): void => {
    if (block.type === 'paragraph') visitInline(block.children);
    else if (block.type === 'quote') block.children.forEach(visitBlock);
    else if (block.type === 'list') block.items.forEach((item) => item.forEach(visitBlock));
  };
  tree.forEach(visitBlock);
  return count;
}
