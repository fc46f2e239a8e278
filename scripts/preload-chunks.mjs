// A Vite plugin for the script-tag build: where the loader imports a chunk lazily (a widget, the
// HTTP adapter), it asks for that chunk's static imports at the same moment. Without it the
// browser finds them only once the chunk has arrived and been parsed: one more round trip before
// a widget can render. Vite's own preload helper is left out in library mode (its paths are
// root-relative); these are relative to the loader, so the build still works from any folder.
// The dependencies are imported, not `modulepreload`-linked: shorter, and every browser with
// module scripts has `import()`. Evaluating them early is harmless, as chunks only define.

const HELPER = '__pleinPreload';

/** Every chunk `file` imports statically, directly or through another, in `chunks`. */
function staticDependencies(file, chunks, found = new Set()) {
  for (const imported of chunks[file]?.imports ?? []) {
    if (found.has(imported)) continue;
    found.add(imported);
    staticDependencies(imported, chunks, found);
  }
  return found;
}

/** `entry`: the loader's chunk name (`plein` for `plein.js`). */
export function preloadChunksPlugin({ entry = 'plein' } = {}) {
  return {
    name: 'plein-preload-chunks',
    renderChunk(code, chunk, _options, meta) {
      if (!chunk.isEntry || chunk.name !== entry) return null;
      // What the loader imports lazily anyway needs no second request (the core chunk, for one).
      const lazy = new Set(chunk.dynamicImports);
      let out = code;
      let used = false;
      for (const file of chunk.dynamicImports) {
        const dependencies = [...staticDependencies(file, meta.chunks)].filter((dependency) => !lazy.has(dependency));
        if (dependencies.length === 0) continue;
        const specifier = `"./${file}"`;
        const call = `import(${specifier})`;
        if (!out.includes(call)) throw new Error(`plein-preload-chunks: the loader's import of ${file} is not written as ${call}.`);
        const list = dependencies.map((dependency) => JSON.stringify(`./${dependency}`)).join(',');
        out = out.split(call).join(`(${HELPER}([${list}]), ${call})`);
        used = true;
      }
      if (!used) return null;
      // Failures surface where the chunk that needs the dependency is imported.
      return `function ${HELPER}(files) { for (const file of files) import(file).catch(() => {}); }\n${out}`;
    },
  };
}
