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

/**
 * What a page with only one widget loads through the script tag before it shows anything: the
 * loader, the core chunk (Lit, the base element, and the setup that turns the script tag's options
 * into a configuration) and the widget's chunk, each with its static imports. Chunks they import lazily (demo mode's memory adapter, parts loaded on first use) are
 * not counted. `widget` is the chunk's name, e.g. `comments` for `comments-<hash>.js`.
 */
export function pageClosure(cdn, widget) {
  const loaderFiles = staticClosure(join(cdn, 'plein.js'));
  const lazy = dynamicImports(join(cdn, 'plein.js'));
  const named = (name) => lazy.find((file) => file.replace(/^.*\//, '').startsWith(`${name}-`));
  const core = named('core');
  const chunk = named(widget);
  if (!core || !chunk) throw new Error(`The loader imports no ${core ? widget : 'core'} chunk; is the tag in src/autoload/loaders.ts?`);
  const page = new Set([...loaderFiles, ...staticClosure(core, new Set(loaderFiles))]);
  for (const file of staticClosure(chunk, new Set(page))) page.add(file);
  return page;
}

/**
 * The chunks an adapter adds to `page` once the setup code (in the core chunk) imports it: `http` for a page whose
 * script tag names a `data-endpoint`, `memory` for demo mode.
 */
export function adapterChunks(cdn, page, adapter) {
  const core = dynamicImports(join(cdn, 'plein.js')).find((file) => /\/core-[\w-]+\.js$/.test(file));
  const chunk = dynamicImports(core).find((file) => file.replace(/^.*\//, '').startsWith(`${adapter}-`));
  if (!chunk) throw new Error(`The core chunk imports no ${adapter} adapter chunk.`);
  return new Set([...staticClosure(chunk, new Set(page))].filter((file) => !page.has(file)));
}
