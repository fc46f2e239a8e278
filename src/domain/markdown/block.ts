import { parseInline } from './inline.js';
import type { Block, MarkdownTree } from './tree.js';

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([\w+-]*)\s*$/;
const QUOTE = /^ {0,3}> ?/;
const BULLET = /^ {0,3}([-*+]) +(.*)$/;
const ORDERED = /^ {0,3}(\d{1,9})[.)] +(.*)$/;
const MAX_BLOCK_DEPTH = 8;

/**
 * Parses the safe Markdown subset: paragraphs, fenced code blocks, quotes and lists, with inline
 * emphasis, strong, code, links and autolinks. Everything else (HTML, headings, images, tables)
 * stays literal text: a commenter sees exactly what they typed.
 */
export function parseMarkdown(source: string): MarkdownTree {
  return parseBlocks(source.replace(/\r\n?/g, '\n').split('\n'), 0);
}

function parseBlocks(lines: string[], depth: number): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const endParagraph = (): void => {
    if (paragraph.length > 0) blocks.push({ type: 'paragraph', children: parseInline(paragraph.join('\n').trim()) });
    paragraph = [];
  };

  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.trim() === '') {
      endParagraph();
      i++;
      continue;
    }

    const fence = FENCE.exec(line);
    if (fence) {
      endParagraph();
      const marker = fence[1]!;
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i]!.trimStart().startsWith(marker)) body.push(lines[i++]!);
      i++; // the closing fence, or past the end when it is missing
      blocks.push({ type: 'code-block', lang: fence[2] ?? '', text: body.join('\n') });
      continue;
    }

    if (depth < MAX_BLOCK_DEPTH && QUOTE.test(line)) {
      endParagraph();
      const quoted: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i]!)) quoted.push(lines[i++]!.replace(QUOTE, ''));
      blocks.push({ type: 'quote', children: parseBlocks(quoted, depth + 1) });
      continue;
    }

    const listStart = depth < MAX_BLOCK_DEPTH ? (BULLET.exec(line) ?? ORDERED.exec(line)) : null;
    const ordered = ORDERED.test(line);
    // Inside a paragraph only a list that starts at 1 begins (as CommonMark has it): "The year was
    // 1984. It was good." on a line of its own stays text.
    if (listStart && (paragraph.length === 0 || (listStart[2]!.trim() !== '' && (!ordered || listStart[1] === '1')))) {
      endParagraph();
      const pattern = ordered ? ORDERED : BULLET;
      const items: string[][] = [];
      // A line indented as far as the current item's text belongs to that item (a nested list
      // among it); one indented less starts the next item, or ends the list.
      let contentIndent = 0;
      const indentOf = (text: string) => text.length - text.trimStart().length;
      while (i < lines.length) {
        const current = lines[i]!;
        const item = pattern.exec(current);
        if (items.length > 0 && current.trim() !== '' && indentOf(current) >= contentIndent) {
          items[items.length - 1]!.push(current.slice(contentIndent));
        } else if (item) {
          items.push([item[2]!]);
          contentIndent = current.length - item[2]!.length;
        } else if (current.trim() === '' && items.length > 0 && i + 1 < lines.length && (pattern.test(lines[i + 1]!) || indentOf(lines[i + 1]!) >= contentIndent)) {
          items[items.length - 1]!.push('');
        } else {
          break;
        }
        i++;
      }
      blocks.push({
        type: 'list',
        ordered,
        start: ordered ? Number(listStart[1]) : 1,
        items: items.map((item) => parseBlocks(item, depth + 1)),
      });
      continue;
    }

    paragraph.push(line);
    i++;
  }
  endParagraph();
  return blocks;
}
