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

const server = process.env.PLEIN_DEV_SERVER ?? 'http://localhost:8787';

// `npm run dev`: the building-blocks demo (memory adapter) at /, and the script-tag site demo at
// /site/, whose API calls go to a Plein server (`npm start`) through the proxy, presented with
// that server's own origin so its exact-match CORS check accepts them.
// Storybook merges this file too; it sets its own root.
export default defineConfig({
  root: 'demo',
  plugins: [scriptTagFromSource()],
  server: {
    port: 5173,
    proxy: {
      '/v1': {
        target: server,
        changeOrigin: true,
        configure: (proxy) => proxy.on('proxyReq', (request) => request.setHeader('origin', server)),
      },
    },
  },
});
