// Run after `npm run build` by `npm test`: every path package.json promises exists, the npm modules
// carry no bundler runtime, the manifest lists the public tags, and the script-tag build stays
// within its size budgets (gzip -9).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { staticClosure, dynamicImports, gzipSize, describe, pageClosure } from '../bench/sizes.mjs';

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

// A bundler's own runtime in the npm modules breaks the consumer's bundler: Vite's preload helper,
// declared again by the consumer's Vite build, failed it with "Identifier '__vitePreload' has
// already been declared".
for (const file of readdirSync('dist', { recursive: true, encoding: 'utf8' })) {
  if (!file.endsWith('.js') || file.startsWith('cdn/') || file.startsWith('server/')) continue;
  if (/__vitePreload|__vite__mapDeps/.test(readFileSync(`dist/${file}`, 'utf8'))) problems.push(`dist/${file} carries Vite's preload helper`);
}

// A module imported only for what it does on import (`import './x.js'`) is dropped by a consumer's
// bundler unless package.json lists it in sideEffects: the comment composer, defined that way,
// never got defined in a Vite build, and signed-in readers could not post.
const listedSideEffect = (path) => pkg.sideEffects.some((entry) => `./${path}` === entry || (entry.endsWith('/**') && `./${path}`.startsWith(entry.slice(0, -2))));
for (const file of readdirSync('dist', { recursive: true, encoding: 'utf8' })) {
  if (!file.endsWith('.js') || file.startsWith('cdn/') || file.startsWith('server/')) continue;
  for (const [, spec] of readFileSync(`dist/${file}`, 'utf8').matchAll(/(?:^|[;\n])\s*import\s*["']([^"']+)["']/g)) {
    const target = join(dirname(`dist/${file}`), spec);
    if (/customElements\.define\(/.test(readFileSync(target, 'utf8')) && !listedSideEffect(target)) {
      problems.push(`dist/${file} imports ${target} only for its effects, which a bundler drops: sideEffects does not list it`);
    }
  }
}

const manifest = JSON.parse(readFileSync(pkg.customElements, 'utf8'));
const tags = manifest.modules.flatMap((module) => module.declarations ?? []).map((d) => d.tagName).filter(Boolean);
// Tools follow the manifest's module paths into the package, which ships dist/, not src/.
const shippedFile = (path) => pkg.files.some((entry) => path === entry || path.startsWith(`${entry}/`)) && existsSync(path);
for (const { path } of manifest.modules) if (!shippedFile(path)) problems.push(`custom-elements.json names ${path}, which the package does not hold`);
for (const tag of ['plein-provider', 'plein-popup', 'plein-comments', 'plein-poll', 'plein-option']) {
  if (!tags.includes(tag)) problems.push(`custom-elements.json does not describe <${tag}>`);
}

const CDN = 'dist/cdn';
// `max` fails the build. For a widget page it is a ceiling just above today's size, so a page can
// only shrink; `limit` is the size its issue sets, reported until the page gets under it.
// Each chunk the loader imports lazily arrives with its own static imports requested beside it,
// not a round trip later (scripts/preload-chunks.mjs).
const loaderCode = readFileSync(`${CDN}/plein.js`, 'utf8');
const lazyChunks = dynamicImports(`${CDN}/plein.js`);
for (const chunk of lazyChunks) {
  for (const file of staticClosure(chunk)) {
    if (file === chunk || lazyChunks.includes(file)) continue;
    if (!loaderCode.includes(`./chunks/${basename(file)}`)) problems.push(`the loader does not ask for ${basename(file)} beside ${basename(chunk)}`);
  }
}

const budgets = [
  { name: 'CDN loader (plein.js and its static imports)', files: staticClosure(`${CDN}/plein.js`), max: 2048 },
  { name: 'page with only <plein-comments> (loader, setup, comments; lit included)', files: pageClosure(CDN, 'comments'), max: 36_350, limit: 20 * 1024 },
  { name: 'page with only <plein-poll> (loader, setup, poll; lit included)', files: pageClosure(CDN, 'poll'), max: 24_450, limit: 18 * 1024 },
];
for (const { name, files, max, limit } of budgets) {
  const size = gzipSize(files);
  console.log(`${size <= max ? 'ok  ' : 'FAIL'} ${name}: ${size} B of ${max} B (${Math.round((size / max) * 100)} %) [${describe(files, CDN)}]`);
  if (size > max) problems.push(`${name} is ${size} B, over its ${max} B budget`);
  if (limit !== undefined && size > limit) console.log(`     not yet within its ${limit} B limit: ${size - limit} B to go`);
}

for (const problem of problems) console.error(`FAIL ${problem}`);
console.log(problems.length === 0 ? 'build checks passed' : `${problems.length} build check(s) failed`);
process.exit(problems.length === 0 ? 0 : 1);
