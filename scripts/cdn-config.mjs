// The script-tag build's Vite configuration, shared by `build.mjs` and `size-report.mjs` so the
// report measures exactly what ships. Library mode leaves out Vite's preload helper, whose
// root-relative paths would tie the build to one folder. Lit's template text is minified here
// only: npm users' bundlers see the source as written.
import { minifyTemplatesPlugin } from './minify-templates.mjs';

export function cdnConfig({ outDir = 'dist/cdn', sourcemap = false } = {}) {
  return {
    logLevel: 'warn',
    configFile: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [minifyTemplatesPlugin()],
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      sourcemap,
      lib: { entry: { plein: 'src/plein.ts' }, formats: ['es'] },
      rolldownOptions: {
        output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', minify: true, comments: false },
      },
    },
  };
}
