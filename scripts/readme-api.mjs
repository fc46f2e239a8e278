// Writes each element's API tables into README.md from custom-elements.json, between
// `<!-- api:<tag> -->` and `<!-- /api:<tag> -->`, and the design tokens' table from
// src/styles/tokens.ts between `<!-- tokens -->` and `<!-- /tokens -->`. `--check` exits 1 when
// the README is stale (run by `npm test` after the build), so the documented API is the built one.
import { readFileSync, writeFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const declarations = new Map(
  manifest.modules.flatMap((module) => module.declarations ?? []).filter((d) => d.tagName).map((d) => [d.tagName, d]),
);

const cell = (text) => String(text ?? '').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
function table(headers, rows) {
  if (rows.length === 0) return '';
  return [`| ${headers.join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`)].join('\n');
}

function api(tag) {
  const d = declarations.get(tag);
  if (!d) throw new Error(`custom-elements.json has no <${tag}>`);
  const sections = [
    ['Attributes', ['attribute', 'property', 'type', 'default', 'description'], (d.attributes ?? []).map((a) => [`\`${a.name}\``, a.fieldName ? `\`${a.fieldName}\`` : '', a.type?.text ? `\`${a.type.text}\`` : '', a.default ? `\`${a.default}\`` : '', a.description])],
    ['Events', ['event', 'class', 'description'], (d.events ?? []).filter((e) => e.name).map((e) => [`\`${e.name}\``, e.type?.text ? `\`${e.type.text}\`` : '', e.description])],
    ['Slots', ['slot', 'description'], (d.slots ?? []).map((s) => [s.name ? `\`${s.name}\`` : '(default)', s.description])],
    ['Parts', ['part', 'description'], (d.cssParts ?? []).map((p) => [`\`${p.name}\``, p.description])],
    ['CSS custom properties', ['property', 'description'], (d.cssProperties ?? []).map((p) => [`\`${p.name}\``, p.description])],
    ['States', ['state', 'description'], (d.cssStates ?? []).map((s) => [`\`:state(${s.name})\``, s.description])],
  ];
  return sections
    .filter(([, , rows]) => rows.length > 0)
    .map(([title, headers, rows]) => `**${title}**\n\n${table(headers, rows)}`)
    .join('\n\n');
}

// Tokens are global, not one element's: one table, not a copy in every element's manifest entry.
// The description of each is its line in the doc comment; its defaults are the fallbacks the
// light and dark blocks give it (`--_x: var(--plein-x, default)`).
function tokenTable() {
  const source = readFileSync('src/styles/tokens.ts', 'utf8');
  const [doc, sheet] = source.split('export const tokens');
  const described = [...doc.matchAll(/^ \* - `(--plein-[\w-]+)`: (.+)$/gm)].map(([, name, text]) => [name, text]);
  const [light, dark] = sheet.split(':host(:state(dark))').map((block) => new Map([...block.matchAll(/var\((--plein-[\w-]+), ([^;]+)\);/g)].map(([, name, value]) => [name, value])));
  for (const name of light.keys()) if (!described.some(([n]) => n === name)) throw new Error(`src/styles/tokens.ts: ${name} has no line in the doc comment`);
  return table(
    ['token', 'what it styles', 'light', 'dark'],
    described.map(([name, text]) => {
      const value = light.get(name);
      return [`\`${name}\``, text, value ? `\`${value}\`` : 'none', dark.has(name) ? `\`${dark.get(name)}\`` : value ? 'as light' : 'none'];
    }),
  );
}

const readme = readFileSync('README.md', 'utf8');
if (!readme.includes('<!-- tokens -->')) throw new Error('README.md has no <!-- tokens --> section for the token table');
const updated = readme
  .replace(/(<!-- api:([a-z-]+) -->)[\s\S]*?(<!-- \/api:\2 -->)/g, (_, open, tag, close) => `${open}\n${api(tag)}\n${close}`)
  .replace(/(<!-- tokens -->)[\s\S]*?(<!-- \/tokens -->)/, (_, open, close) => `${open}\n${tokenTable()}\n${close}`);

if (process.argv.includes('--check')) {
  if (updated !== readme) {
    console.error('FAIL README.md API or token tables differ from custom-elements.json or src/styles/tokens.ts: run `node scripts/readme-api.mjs`');
    process.exit(1);
  }
  console.log('ok   README.md API and token tables match custom-elements.json and src/styles/tokens.ts');
} else {
  writeFileSync('README.md', updated);
}
