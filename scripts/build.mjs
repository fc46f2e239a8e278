// Builds the npm modules (dist/), their type declarations (dist/types/), the self-contained
// script-tag build (dist/cdn/) and the Custom Elements Manifest (custom-elements.json).
import { build } from 'vite';
import { build as esbuild } from 'esbuild';
import { rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { libraryEntries, componentEntries } from './entries.mjs';
import { cdnConfig } from './cdn-config.mjs';
import { precompress } from './precompress.mjs';

const quiet = { logLevel: 'warn', configFile: false };
const isBareImport = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0') && !/^[A-Za-z]:/.test(id);

rmSync('dist', { recursive: true, force: true });

// npm: one module per source file so bundlers tree-shake; dependencies stay imports. Library
// mode, so Vite's module preload helper stays out: it would go into the modules with
// root-absolute paths, and a consumer's own Vite build declares the same helper again and fails.
await build({
  ...quiet,
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    minify: false,
    sourcemap: true,
    target: 'es2022',
    lib: {
      entry: { ...libraryEntries, ...Object.fromEntries(Object.entries(componentEntries()).map(([name, path]) => [`components/${name}/${name}`, path])) },
      formats: ['es'],
    },
    rolldownOptions: {
      external: isBareImport,
      preserveEntrySignatures: 'strict',
      output: { format: 'es', preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
    },
  },
});

// CDN: the loader plus one chunk per widget, everything (lit included) bundled in.
await build(cdnConfig());
precompress('dist/cdn');

// The reference server and its `plein` command: one ESM file for Node, dependencies left as imports.
await esbuild({
  entryPoints: ['src/server/cli.ts'],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  outfile: 'dist/server/cli.js',
  logLevel: 'warning',
});

execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
execFileSync('npx', ['cem', 'analyze', '--config', 'custom-elements-manifest.config.mjs'], { stdio: 'inherit' });
console.log('built dist/, dist/cdn/, dist/server/, dist/types/ and custom-elements.json');
