// `npm run bench`: figures as ratios or budgets. Run after `npm run build` (the npm script does).
import { adapterChunks, staticClosure, dynamicImports, gzipSize, pageClosure } from './sizes.mjs';

const CDN = 'dist/cdn';
const loader = staticClosure(`${CDN}/plein.js`);
const rows = [['CDN loader', gzipSize(loader), 2048]];

// A page's cost for one widget: the loader, the setup chunk (adapter), then the widget's chunk.
const lazy = dynamicImports(`${CDN}/plein.js`);
for (const chunk of lazy) {
  const closure = staticClosure(chunk, new Set(loader));
  const name = chunk.replace(`${CDN}/chunks/`, '').replace(/-[\w-]{8}\.js$/, '');
  rows.push([`loader + ${name}`, gzipSize(closure), null]);
}

console.log('Bundle sizes (gzip -9)');
for (const [name, size, budget] of rows) {
  const ratio = budget ? `  ${((size / budget) * 100).toFixed(0)} % of ${budget} B budget` : '';
  console.log(`  ${name.padEnd(40)} ${String(size).padStart(7)} B${ratio}`);
}

// What a page with only <plein-poll> downloads before it shows the poll (the ranked ballot,
// runoff table, moderator tools and CSV export load later, when needed).
const POLL_TARGET = 14 * 1024;
const pollClosure = pageClosure(CDN, 'poll');
const pollPage = gzipSize(pollClosure);
console.log('Script-tag JS for a page with only <plein-poll> (gzip -9)');
console.log(`  loader + setup + poll (lit included)     ${String(pollPage).padStart(7)} B  ${pollPage <= POLL_TARGET ? 'ok' : 'OVER'} (target ≤ ${POLL_TARGET} B)`);
console.log(`  + the memory adapter of demo mode        ${String(gzipSize(adapterChunks(CDN, pollClosure, 'memory'))).padStart(7)} B`);
console.log(`  or + the HTTP adapter (data-endpoint)    ${String(gzipSize(adapterChunks(CDN, pollClosure, 'http'))).padStart(7)} B`);
