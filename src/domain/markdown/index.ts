export type { Block, Inline, MarkdownTree } from './tree.js';
export { parseMarkdown } from './block.js';
export { parseInline } from './inline.js';
export { toPlainText, countLinks } from './text.js';
