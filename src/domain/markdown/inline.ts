import { isSafeUrl } from '../links.js';
import type { Inline } from './tree.js';

const ESCAPABLE = '\\`*_[]()#+-.!>~|';
const URL_IN_TEXT = /\b(?:https?:\/\/|mailto:)[^\s<>"]*[^\s<>".,;:!?\]'*_]/y;
const MAX_NESTING = 12;
/** Where a construct may start; the text between two of them is taken in one slice. */
const MAY_START = /[\\\n`[*_]|https?:\/\/|mailto:/g;

/**
 * Parses one block's text into inline nodes. A single left-to-right pass with bounded look-ahead
 * per delimiter: the input is capped by the domain limits, and nesting is capped so hostile input
 * cannot build a deep tree.
 */
export function parseInline(source: string, depth = 0): Inline[] {
  const out: Inline[] = [];
  let text = '';
  const flush = (): void => {
    if (text) out.push({ type: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;

    if (ch === '\\' && i + 1 < source.length) {
      const next = source[i + 1]!;
      if (next === '\n') {
        flush();
        out.push({ type: 'break' });
        i += 2;
        continue;
      }
      if (ESCAPABLE.includes(next)) {
        text += next;
        i += 2;
        continue;
      }
    }

    if (ch === '\n') {
      // Two trailing spaces mark a hard break; a plain newline inside a paragraph is kept as a
      // break too, since commenters expect their line breaks to show (as GitHub comments do).
      text = text.replace(/ +$/, '');
      flush();
      out.push({ type: 'break' });
      i += 1;
      continue;
    }

    if (ch === '`') {
      const run = /^`+/.exec(source.slice(i))![0];
      const close = source.indexOf(run, i + run.length);
      if (close > -1) {
        flush();
        const code = source.slice(i + run.length, close);
        out.push({ type: 'code', text: /^ .* $/.test(code) ? code.slice(1, -1) : code });
        i = close + run.length;
        continue;
      }
      text += run;
      i += run.length;
      continue;
    }

    if (ch === '[' && depth < MAX_NESTING) {
      const link = readLink(source, i);
      if (link) {
        flush();
        const children = parseInline(link.label, depth + 1);
        if (isSafeUrl(link.href)) out.push({ type: 'link', href: link.href, children });
        else out.push(...children, { type: 'text', text: ` (${link.href})` });
        i = link.end;
        continue;
      }
    }

    if ((ch === '*' || ch === '_') && depth < MAX_NESTING) {
      const emphasis = readEmphasis(source, i, depth);
      if (emphasis) {
        flush();
        out.push(emphasis.node);
        i = emphasis.end;
        continue;
      }
    }

    if ((ch === 'h' || ch === 'm') && isWordStart(source, i)) {
      URL_IN_TEXT.lastIndex = i;
      const href = balanced(URL_IN_TEXT.exec(source)?.[0] ?? '');
      if (href && isSafeUrl(href)) {
        flush();
        out.push({ type: 'link', href, children: [{ type: 'text', text: href }] });
        i += href.length;
        continue;
      }
    }

    MAY_START.lastIndex = i + 1;
    const next = MAY_START.exec(source)?.index ?? source.length;
    text += source.slice(i, next);
    i = next;
  }
  flush();
  return out;
}

/**
 * A bare URL ends before a `)` it did not open, as GitHub's autolinks do: `(see https://x.nl/a)`
 * links `https://x.nl/a`, and `https://en.wikipedia.org/wiki/Bar_(baz)` keeps its `)`. Trailing
 * punctuation freed that way is not part of it either.
 */
function balanced(url: string): string {
  let end = url.length;
  const count = (ch: string) => url.slice(0, end).split(ch).length - 1;
  while (url[end - 1] === ')' && count(')') > count('(')) {
    end--;
    while (end > 0 && '.,;:!?'.includes(url[end - 1]!)) end--;
  }
  return url.slice(0, end);
}

function isWordStart(source: string, i: number): boolean {
  return i === 0 || !/[\p{L}\p{N}]/u.test(source[i - 1]!);
}

function readLink(source: string, start: number): { label: string; href: string; end: number } | null {
  let depth = 0;
  let i = start;
  for (; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (ch === '[') depth++;
    else if (ch === ']' && --depth === 0) break;
    else if (ch === '\n' && source[i + 1] === '\n') return null;
  }
  if (i >= source.length || source[i + 1] !== '(') return null;
  // The destination may hold balanced parentheses (`…/wiki/Foo_(bar)`), and a title may follow it.
  let open = 0;
  let close = i + 2;
  for (; close < source.length; close++) {
    const ch = source[close];
    if (ch === '\\') close++;
    else if (ch === '(') open++;
    else if (ch === ')' && open-- === 0) break;
    else if (ch === '\n') return null;
  }
  if (close >= source.length) return null;
  const [href, ...title] = source.slice(i + 2, close).trim().split(/\s+/);
  if (!href || (title.length > 0 && !/^(".*"|'.*'|\(.*\))$/.test(title.join(' ')))) return null;
  return { label: source.slice(start + 1, i), href, end: close + 1 };
}

function readEmphasis(source: string, start: number, depth: number): { node: Inline; end: number } | null {
  const marker = source[start]!;
  const strong = source[start + 1] === marker;
  const delimiter = strong ? marker + marker : marker;
  const contentStart = start + delimiter.length;
  const first = source[contentStart];
  if (first === undefined || /\s/.test(first) || first === marker) return null;
  // `_` inside words (snake_case) is not emphasis.
  if (marker === '_' && start > 0 && /[\p{L}\p{N}]/u.test(source[start - 1]!)) return null;

  let search = contentStart;
  while (search < source.length) {
    const close = source.indexOf(delimiter, search);
    if (close === -1) return null;
    const before = source[close - 1]!;
    const after = source[close + delimiter.length];
    const closesHere =
      !/\s/.test(before) &&
      before !== '\\' &&
      // `**a**b` is strong, `*a**` closes single emphasis only when not part of a longer run.
      (strong || after !== marker || source[close + 2] === marker) &&
      !(marker === '_' && after !== undefined && /[\p{L}\p{N}]/u.test(after));
    if (closesHere && close > contentStart) {
      const children = parseInline(source.slice(contentStart, close), depth + 1);
      return { node: { type: strong ? 'strong' : 'emphasis', children }, end: close + delimiter.length };
    }
    search = close + delimiter.length;
  }
  return null;
}
