import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { MIN_COMPRESSED_BYTES, compressible, encodedBody, negotiate } from '../../../../src/server/app/encoding.js';
import { keptAnswer } from '../../../../src/server/comments/kept-answers.js';
import { ThreadState } from '../../../../src/server/comments/thread-state.js';
import { commentRules } from '../../../../src/server/comments/records.js';
import { siteRecord } from './harness.js';

describe('answer compression', () => {
  it('picks Brotli, then gzip, from Accept-Encoding, honouring q=0 and *', () => {
    assert.equal(negotiate(undefined), null);
    assert.equal(negotiate(''), null);
    assert.equal(negotiate('gzip, deflate, br, zstd'), 'br');
    assert.equal(negotiate('gzip, deflate'), 'gzip');
    assert.equal(negotiate('GZIP'), 'gzip');
    assert.equal(negotiate('br;q=0, gzip;q=0.8'), 'gzip');
    assert.equal(negotiate('br;q=0, gzip;q=0'), null);
    assert.equal(negotiate('identity'), null);
    assert.equal(negotiate('*'), 'br');
    assert.equal(negotiate('*;q=0, gzip'), 'gzip');
    assert.equal(negotiate('deflate, *;q=0'), null);
  });

  it('compresses a kept answer once per coding, leaves small ones as they are', () => {
    const site = siteRecord();
    const state = new ThreadState(site, 'encoding', null, commentRules(site));
    const large = keptAnswer(state, { kind: 'anonymous' }, 'large', () => ({ items: Array.from({ length: 50 }, (_, i) => ({ id: `c${i}`, body: 'An ordinary comment.' })) }));
    assert.ok(large.body.byteLength >= MIN_COMPRESSED_BYTES);
    assert.equal(compressible(large), true);
    const br = encodedBody(large, 'br');
    assert.equal(br.coding, 'br');
    assert.deepEqual(brotliDecompressSync(br.bytes), Buffer.from(large.body));
    assert.equal(encodedBody(large, 'br').bytes, br.bytes, 'made once, then kept with the answer');
    const gzip = encodedBody(large, 'gzip');
    assert.deepEqual(gunzipSync(gzip.bytes), Buffer.from(large.body));
    assert.equal(encodedBody(large, null).bytes, large.body);

    const small = keptAnswer(state, { kind: 'anonymous' }, 'small', () => ({ ok: true }));
    assert.equal(compressible(small), false);
    assert.deepEqual(encodedBody(small, 'br'), { bytes: small.body, coding: null });
  });
});
