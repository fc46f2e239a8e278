import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ALLOWED_LINK_SCHEMES, isSafeUrl } from '../../../src/domain/limits.js';

describe('isSafeUrl', () => {
  it('allows http, https and mailto links in any case', () => {
    assert.deepEqual([...ALLOWED_LINK_SCHEMES], ['http', 'https', 'mailto']);
    assert.equal(isSafeUrl('https://example.org/a?b#c'), true);
    assert.equal(isSafeUrl('HTTP://example.org'), true);
    assert.equal(isSafeUrl('mailto:ada@example.org'), true);
  });

  it('refuses script-running and local schemes', () => {
    for (const url of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,<b>', 'vbscript:x', 'file:///etc/passwd']) {
      assert.equal(isSafeUrl(url), false, url);
    }
  });

  it('sees through the whitespace and controls a browser strips before reading the scheme', () => {
    assert.equal(isSafeUrl(' javascript:alert(1)'), false);
    assert.equal(isSafeUrl('java\tscript:alert(1)'), false);
    assert.equal(isSafeUrl('java\nscript:alert(1)'), false);
    assert.equal(isSafeUrl('\u0001javascript:alert(1)'), false);
  });

  it('refuses relative links, which would borrow the authority of the host page', () => {
    assert.equal(isSafeUrl('/about'), false);
    assert.equal(isSafeUrl('#comment-3'), false);
    assert.equal(isSafeUrl('//example.org/x'), false);
    assert.equal(isSafeUrl('notes/a:b'), false);
  });

  it('refuses http links without a host', () => {
    assert.equal(isSafeUrl('https:alert(1)'), false);
    assert.equal(isSafeUrl('http:/x'), false);
    assert.equal(isSafeUrl('mailto:'), false);
  });

  it('refuses an empty link', () => {
    assert.equal(isSafeUrl(''), false);
    assert.equal(isSafeUrl('  '), false);
  });
});
