// Fails `npm test` when the script-tag build outgrows its budgets (gzip, level 9).
import { staticClosure, gzipSize, describe } from '../bench/sizes.mjs';

const CDN = 'dist/cdn';
const budgets = [{ name: 'CDN loader (plein.js and its static imports)', files: staticClosure(`${CDN}/plein.js`), max: 2048 }];

let failed = false;
for (const { name, files, max } of budgets) {
  const size = gzipSize(files);
  const ok = size <= max;
  failed ||= !ok;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}: ${size} B of ${max} B (${Math.round((size / max) * 100)} %) [${describe(files, CDN)}]`);
}
process.exit(failed ? 1 : 0);
