// Gzip sizes of what a page loads through the script tag: a chunk plus every chunk it imports,
// statically or (for the widget closures) through the loader's lazy imports.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, relative } from 'node:path';

// Minifiers quote specifiers with ', " or ` alike.
const STATIC_IMPORT = /(?:^|[;}\s])(?:import|export)\s*(?:[^'"`()]*?from\s*)?["'`](\.{1,2}\/[^"'`]+)["'`]/g;
const DYNAMIC_IMPORT = /import\(\s*["'`](\.{1,2}\/[^"'`]+)["'`]\s*\)/g;

function specifiers(code, pattern) {
  return [...code.matchAll(pattern)].map((match) => match[1]);
}

/** Every file `entry` loads before it runs (its static import closure). */
export function staticClosure(entry, seen = new Set()) {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const code = readFileSync(entry, 'utf8');
  for (const spec of specifiers(code, STATIC_IMPORT)) staticClosure(join(dirname(entry), spec), seen);
  return seen;
}

/** Files the entry may import lazily, resolved relative to it. */
export function dynamicImports(entry) {
  return specifiers(readFileSync(entry, 'utf8'), DYNAMIC_IMPORT).map((spec) => join(dirname(entry), spec));
}

export function gzipSize(files) {
  return [...files].reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0);
}

export function describe(files, root) {
  return [...files].map((file) => relative(root, file)).join(', ');
}
