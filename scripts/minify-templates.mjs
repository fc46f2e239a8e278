// A Vite plugin for the script-tag build: shrinks the static text of Lit `html`/`svg` and `css`
// tagged templates, which the JavaScript minifier leaves as written (indentation included).
// Only the literal parts change; `${…}` expressions stay untouched.
// - html/svg: a whitespace run that holds a line break becomes one space, or nothing before the
//   `>` or `/>` that ends a tag. A single space still separates inline elements, so rendering is
//   unchanged. Templates with <pre>, or with text
//   inside a <textarea>, are left alone.
// - css: comments go, whitespace collapses, and the spaces around `{ } ; , :` and before `}`'s
//   semicolon go. Spaces near `+`, `-` (calc) and inside selectors are kept as one.
// A literal part with a backslash (an escape or a line continuation) is left alone.
import { parseAst } from 'vite';

const HTML_TAGS = new Set(['html', 'svg']);
const CSS_TAGS = new Set(['css']);

function minifyHtmlPart(text) {
  // A line break right before `>` or `/>` is inside a tag (the formatter puts a tag's closing
  // bracket on its own line); there it separates nothing.
  return text.replace(/\s*\n\s*(?=\/?>)/g, '').replace(/\s*\n\s*/g, ' ');
}

function minifyCssPart(text, first, last) {
  let out = text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}');
  if (first) out = out.replace(/^\s+/, '');
  if (last) out = out.replace(/\s+$/, '');
  return out;
}

function htmlIsSafe(quasis) {
  const text = quasis.map((quasi) => quasi.value.raw).join('\u0000');
  if (/<pre\b/i.test(text)) return false;
  // Every textarea closes right after its start tag: no text content to preserve.
  const opened = text.match(/<textarea\b/gi)?.length ?? 0;
  const emptyClosed = text.match(/>\s*<\/textarea/gi)?.length ?? 0;
  return opened === emptyClosed;
}

function tagName(node) {
  return node.tag.type === 'Identifier' ? node.tag.name : undefined;
}

function collect(node, found) {
  if (!node || typeof node.type !== 'string') return;
  if (node.type === 'TaggedTemplateExpression') {
    const name = tagName(node);
    if (HTML_TAGS.has(name) || CSS_TAGS.has(name)) found.push(node);
  }
  for (const key in node) {
    if (key === 'parent') continue;
    const value = node[key];
    if (Array.isArray(value)) for (const child of value) collect(child, found);
    else if (value && typeof value === 'object' && typeof value.type === 'string') collect(value, found);
  }
}

/** Returns the minified code, or `undefined` when nothing changed. */
export function minifyTemplates(code) {
  if (!/\b(?:html|svg|css)`/.test(code)) return undefined;
  const found = [];
  collect(parseAst(code), found);
  const edits = [];
  for (const node of found) {
    const quasis = node.quasi.quasis;
    const isCss = CSS_TAGS.has(tagName(node));
    if (!isCss && !htmlIsSafe(quasis)) continue;
    quasis.forEach((quasi, index) => {
      const raw = quasi.value.raw;
      if (raw.includes('\\')) return;
      // Positions must point at the raw text; skip anything that does not line up exactly.
      if (code.slice(quasi.start, quasi.end) !== raw) return;
      const next = isCss ? minifyCssPart(raw, index === 0, index === quasis.length - 1) : minifyHtmlPart(raw);
      if (next !== raw) edits.push({ start: quasi.start, end: quasi.end, text: next });
    });
  }
  if (edits.length === 0) return undefined;
  edits.sort((a, b) => b.start - a.start);
  let out = code;
  for (const { start, end, text } of edits) out = out.slice(0, start) + text + out.slice(end);
  return out;
}

export function minifyTemplatesPlugin() {
  return {
    name: 'plein:minify-templates',
    enforce: 'post',
    transform(code, id) {
      if (id.includes('/node_modules/') || !/\.[cm]?[jt]s$/.test(id.split('?')[0])) return null;
      const out = minifyTemplates(code);
      return out === undefined ? null : { code: out, map: null };
    },
  };
}
