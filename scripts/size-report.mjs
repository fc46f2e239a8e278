// `npm run size [-- comments poll]`: where the bytes of a single-widget page go. Builds the
// script-tag bundle with source maps into a temporary folder (dist/ is left alone, so it can run
// beside other work), then prints, per widget page, its gzip size, its chunks, and the source
// modules that weigh most. A module's weight is its share of its chunk's minified bytes times the
// chunk's gzip size: an estimate, since gzip does not compress every part of a chunk alike.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { decode } from '@jridgewell/sourcemap-codec';
import { build } from 'vite';
import { pageClosure } from '../bench/sizes.mjs';
import { cdnConfig } from './cdn-config.mjs';

const widgets = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['comments', 'poll'];
const TOP = Number(process.env.PLEIN_SIZE_TOP ?? 25);
const outDir = mkdtempSync(join(tmpdir(), 'plein-size-'));
process.on('exit', () => rmSync(outDir, { recursive: true, force: true }));

const config = cdnConfig({ outDir, sourcemap: true });
// The loader's preload lists come without a map: their bytes count towards the code beside them.
config.build.rolldownOptions.onLog = (level, log, handler) => {
  if (log.code !== 'SOURCEMAP_BROKEN' || log.plugin !== 'plein-preload-chunks') handler(level, log);
};
await build(config);

// As shipped: without the source map comment this build adds.
const shipped = (file) => readFileSync(file, 'utf8').replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '');
const gzip = (file) => gzipSync(shipped(file), { level: 9 }).length;

/** Minified bytes of `chunk` that each source module produced, from its source map. */
function bytesBySource(chunk) {
  // The bundler's own runtime helpers come without a map.
  if (!existsSync(`${chunk}.map`)) return new Map([['(bundler runtime)', shipped(chunk).length]]);
  const map = JSON.parse(readFileSync(`${chunk}.map`, 'utf8'));
  const lines = shipped(chunk).split('\n');
  const bytes = new Map();
  decode(map.mappings).forEach((segments, line) => {
    const length = lines[line]?.length ?? 0;
    segments.forEach((segment, index) => {
      if (segment.length < 2) return;
      const end = segments[index + 1]?.[0] ?? length;
      const source = map.sources[segment[1]].replace(/^.*?\/(?=(src|node_modules)\/)/, '');
      bytes.set(source, (bytes.get(source) ?? 0) + end - segment[0]);
    });
  });
  return bytes;
}

for (const widget of widgets) {
  const page = pageClosure(outDir, widget);
  const total = [...page].reduce((sum, file) => sum + gzip(file), 0);
  console.log(`\nPage with only <plein-${widget}>: ${total} B gzip`);
  const weights = new Map();
  for (const file of page) {
    const size = gzip(file);
    console.log(`  ${String(size).padStart(6)} B  ${relative(outDir, file)}`);
    const bySource = bytesBySource(file);
    const all = [...bySource.values()].reduce((sum, value) => sum + value, 0);
    for (const [source, bytes] of bySource) weights.set(source, (weights.get(source) ?? 0) + (bytes / all) * size);
  }
  console.log(`  heaviest modules (estimated gzip bytes):`);
  for (const [source, weight] of [...weights].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
    console.log(`  ${String(Math.round(weight)).padStart(6)} B  ${source}`);
  }
}
