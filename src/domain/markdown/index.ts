export type { Block, Inline, MarkdownTree } from './tree.js';
export { parseMarkdown } from './block.js';
export { parseInline } from './inline.js';
export { isSafeLink, ALLOWED_LINK_SCHEMES } from './links.js';
export { toPlainText, countLinks } from './text.js';
