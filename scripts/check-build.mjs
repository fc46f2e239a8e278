// Run after `npm run build` by `npm test`: every path package.json promises exists, the manifest
// lists the public tags, and the script-tag build stays within its size budgets (gzip -9).
import { existsSync, readFileSync } from 'node:fs';
import { staticClosure, gzipSize, describe } from '../bench/sizes.mjs';

const problems = [];
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

for (const [entry, target] of Object.entries(pkg.exports)) {
  for (const file of typeof target === 'string' ? [target] : Object.values(target)) {
    if (!file.includes('*') && !existsSync(file)) problems.push(`exports["${entry}"] points at missing ${file}`);
  }
}
for (const file of pkg.sideEffects) {
  if (!file.includes('*') && !existsSync(file)) problems.push(`sideEffects lists missing ${file}`);
}

const manifest = JSON.parse(readFileSync(pkg.customElements, 'utf8'));
const tags = manifest.modules.flatMap((module) => module.declarations ?? []).map((d) => d.tagName).filter(Boolean);
for (const tag of ['plein-provider', 'plein-popup', 'plein-comments']) {
  if (!tags.includes(tag)) problems.push(`custom-elements.json does not describe <${tag}>`);
}

const CDN = 'dist/cdn';
const budgets = [{ name: 'CDN loader (plein.js and its static imports)', files: staticClosure(`${CDN}/plein.js`), max: 2048 }];
for (const { name, files, max } of budgets) {
  const size = gzipSize(files);
  console.log(`${size <= max ? 'ok  ' : 'FAIL'} ${name}: ${size} B of ${max} B (${Math.round((size / max) * 100)} %) [${describe(files, CDN)}]`);
  if (size > max) problems.push(`${name} is ${size} B, over its ${max} B budget`);
}

for (const problem of problems) console.error(`FAIL ${problem}`);
console.log(problems.length === 0 ? 'build checks passed' : `${problems.length} build check(s) failed`);
process.exit(problems.length === 0 ? 0 : 1);
