import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findBannedWords, screenComment } from '../../../src/domain/comments-screening.js';

describe('banned words', () => {
  it('match whole words, whatever their case', () => {
    assert.deepEqual(findBannedWords('Buy VIAGRA here', ['viagra']), ['viagra']);
    assert.deepEqual(findBannedWords('Scunthorpe is a town', ['cunt']), []);
    assert.deepEqual(findBannedWords('class assignment', ['ass']), []);
  });

  it('match after Unicode normalisation and with invisible characters removed', () => {
    assert.deepEqual(findBannedWords('ｖｉａｇｒａ for sale', ['viagra']), ['viagra'], 'full-width letters');
    assert.deepEqual(findBannedWords('via\u200Bgra', ['viagra']), ['viagra'], 'zero-width space');
    assert.deepEqual(findBannedWords('vi\u00ADagra', ['viagra']), ['viagra'], 'soft hyphen');
  });

  it('match any ending after a trailing star, and phrases across any whitespace', () => {
    assert.deepEqual(findBannedWords('what a scammer', ['scam*']), ['scam*']);
    assert.deepEqual(findBannedWords('BUY\n  NOW', ['buy now']), ['buy now']);
    assert.deepEqual(findBannedWords('buy nowhere', ['buy now']), []);
  });

  it('treat entries as text, not as patterns', () => {
    assert.deepEqual(findBannedWords('a.b', ['a.b']), ['a.b']);
    assert.deepEqual(findBannedWords('axb', ['a.b']), []);
    assert.deepEqual(findBannedWords('anything', ['', '*', '  ']), []);
  });

  it('give the site’s verdict: clean, pending or reject, with the words found', () => {
    assert.deepEqual(screenComment('hello'), { verdict: 'clean' });
    assert.deepEqual(screenComment('hello', { words: ['spam'], action: 'reject' }), { verdict: 'clean' });
    assert.deepEqual(screenComment('spam and eggs', { words: ['spam', 'eggs', 'ham'], action: 'pending' }), {
      verdict: 'pending',
      words: ['spam', 'eggs'],
    });
    assert.deepEqual(screenComment('spam', { words: ['spam'], action: 'reject' }), { verdict: 'reject', words: ['spam'] });
  });
});
