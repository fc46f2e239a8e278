// Serves the script-tag demo site (demo/site/) with the CDN build mounted at /plein/, exactly as a
// site owner would host it. Port: PORT or --port, default 8787.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const portFlag = process.argv.indexOf('--port');
const port = Number(portFlag > -1 ? process.argv[portFlag + 1] : (process.env.PORT ?? 8787));
const roots = [
  { prefix: '/plein/', dir: resolve('dist/cdn') },
  { prefix: '/', dir: resolve('demo/site') },
];
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

async function resolveFile(pathname) {
  const root = roots.find((r) => pathname.startsWith(r.prefix));
  if (!root) return null;
  const file = normalize(join(root.dir, decodeURIComponent(pathname.slice(root.prefix.length))));
  if (!file.startsWith(root.dir)) return null;
  const info = await stat(file).catch(() => null);
  if (info?.isDirectory()) return resolveFile(`${pathname.replace(/\/?$/, '/')}index.html`);
  return info?.isFile() ? file : null;
}

const server = createServer(async (request, response) => {
  const { pathname } = new URL(request.url ?? '/', 'http://localhost');
  const file = await resolveFile(pathname);
  const headers = {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Content-Security-Policy': "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'",
  };
  if (!file) {
    response.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end('Not found');
    return;
  }
  response.writeHead(200, { ...headers, 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
  response.end(await readFile(file));
});

server.listen(port, () => console.log(`Plein demo: http://localhost:${port}/`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
process.on('SIGINT', () => server.close(() => process.exit(0)));
