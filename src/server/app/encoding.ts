/**
 * Compressed answers. A thread page is tens of KiB of JSON and every browser accepts gzip and
 * Brotli, so a kept answer (`comments/kept-answers.ts`) is compressed once per encoding, the
 * first time a client asks for it, and every later read of the same state writes those bytes.
 * The ETag stays the one of the JSON (weak: the same content in another coding), so a client
 * revalidates with it whichever coding it got. Brotli at quality 5: within a few per cent of the
 * best size at a fraction of a millisecond for a 40 KiB page (quality 11 takes about 100 ms).
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { KeptAnswer } from '../comments/thread-state.js';

export type Coding = 'br' | 'gzip';

/** Smaller answers go out as they are: compressing saves less than the header costs. */
export const MIN_COMPRESSED_BYTES = 1024;
const BROTLI_QUALITY = 5;
const MAX_REMEMBERED_HEADERS = 100;

const QUALITY = /^\s*q\s*=\s*([0-9.]+)\s*$/i;

function parse(header: string): Coding | null {
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...parameters] = part.split(';');
    let weight = 1;
    for (const parameter of parameters) {
      const q = QUALITY.exec(parameter);
      if (q) weight = Number(q[1]);
    }
    const coding = name.trim().toLowerCase();
    if (coding !== '' && !weights.has(coding)) weights.set(coding, Number.isFinite(weight) ? weight : 0);
  }
  const accepts = (coding: Coding) => (weights.get(coding) ?? weights.get('*') ?? 0) > 0;
  return accepts('br') ? 'br' : accepts('gzip') ? 'gzip' : null;
}

// Clients send a handful of distinct headers (one per browser family): parse each once.
const remembered = new Map<string, Coding | null>();

/** The coding to answer with for this `Accept-Encoding` (Brotli before gzip); `null`: none. */
export function negotiate(acceptEncoding: string | undefined): Coding | null {
  if (acceptEncoding === undefined || acceptEncoding === '') return null;
  let coding = remembered.get(acceptEncoding);
  if (coding === undefined) {
    coding = parse(acceptEncoding);
    if (remembered.size >= MAX_REMEMBERED_HEADERS) remembered.clear();
    remembered.set(acceptEncoding, coding);
  }
  return coding;
}

/** Whether this answer's representation depends on `Accept-Encoding` (then `Vary` says so). */
export function compressible(kept: KeptAnswer): boolean {
  return kept.body.byteLength >= MIN_COMPRESSED_BYTES;
}

/** The bytes to send and their coding (`null`: as they are). */
export function encodedBody(kept: KeptAnswer, coding: Coding | null): { bytes: Uint8Array<ArrayBuffer>; coding: Coding | null } {
  if (coding === null || !compressible(kept)) return { bytes: kept.body, coding: null };
  if (coding === 'br') {
    kept.br ??= brotliCompressSync(kept.body, { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: kept.body.byteLength } });
    return { bytes: kept.br, coding };
  }
  kept.gzip ??= gzipSync(kept.body);
  return { bytes: kept.gzip, coding };
}
