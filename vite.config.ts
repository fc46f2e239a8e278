import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const loaderSource = fileURLToPath(new URL('./src/plein.ts', import.meta.url));

/**
 * Serves the script-tag loader from source at `/plein/plein.js`, so `demo/site/` (the pages a site
 * owner would write, one script tag each) runs in the dev server exactly as it runs on the built
 * CDN files.
 */
function scriptTagFromSource(): Plugin {
  return {
    name: 'plein:script-tag-from-source',
    resolveId(id) {
      return id === '/plein/plein.js' ? loaderSource : null;
    },
  };
}

// `npm run dev`: the building-blocks demo at /, the script-tag site demo at /site/.
// Storybook merges this file too; it sets its own root.
export default defineConfig({
  root: 'demo',
  plugins: [scriptTagFromSource()],
  server: { port: 5173 },
});
