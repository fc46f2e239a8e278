// Writes a Brotli (`.br`) and a gzip (`.gz`) copy beside every file of the script-tag build, made
// once at the strongest settings, so a server serves them without compressing per request: the
// reference server does (`serveStatic`'s `precompressed`), as do nginx (`gzip_static`,
// `brotli_static`) and Caddy (`precompressed`). A page's chunks are a third of their size on the wire.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(js|json|css|html|svg)$/;

export function precompress(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      precompress(path);
      continue;
    }
    if (!COMPRESSIBLE.test(name)) continue;
    const bytes = readFileSync(path);
    writeFileSync(`${path}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
    writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
  }
}
