// Writes each element's API tables into README.md from custom-elements.json, between
// `<!-- api:<tag> -->` and `<!-- /api:<tag> -->`. `--check` exits 1 when the README is stale
// (run by `npm test` after the build), so the documented API is the built one.
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

const readme = readFileSync('README.md', 'utf8');
const updated = readme.replace(/(<!-- api:([a-z-]+) -->)[\s\S]*?(<!-- \/api:\2 -->)/g, (_, open, tag, close) => `${open}\n${api(tag)}\n${close}`);

if (process.argv.includes('--check')) {
  if (updated !== readme) {
    console.error('FAIL README.md API tables differ from custom-elements.json: run `node scripts/readme-api.mjs`');
    process.exit(1);
  }
  console.log('ok   README.md API tables match custom-elements.json');
} else {
  writeFileSync('README.md', updated);
}
