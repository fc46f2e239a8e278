import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  LIMITS,
  clampPageSize,
  cleanGuestName,
  hasIssues,
  textLength,
  validateAnswerBody,
  validateCommentBody,
  validateGuestName,
  validateQuestion,
  validateReactionKeys,
  validateReport,
} from '../../../src/domain/limits.js';
import { validateThreadId } from '../../../src/domain/thread-id.js';
import type { FieldError } from '../../../src/adapters/errors.js';

describe('comment body', () => {
  it('accepts one character and exactly the maximum', () => {
    assert.deepEqual(validateCommentBody('x'), {});
    assert.deepEqual(validateCommentBody('x'.repeat(LIMITS.commentBody.max)), {});
  });

  it('calls an empty or whitespace-only body required', () => {
    assert.equal(validateCommentBody('')['body']?.reason, 'required');
    assert.equal(validateCommentBody('  \n\t ')['body']?.reason, 'required');
  });

  it('refuses one character over the maximum and says the maximum', () => {
    const issue = validateCommentBody('x'.repeat(5001))['body'];
    assert.equal(issue?.reason, 'too-long');
    assert.deepEqual(issue?.params, { max: 5000, length: 5001 });
    assert.match(issue?.message ?? '', /5000/);
  });

  it('measures after trimming, so surrounding whitespace does not count', () => {
    assert.deepEqual(validateCommentBody(`  ${'x'.repeat(5000)}  `), {});
  });

  it('counts an emoji as one character', () => {
    assert.equal('😀'.length, 2);
    assert.equal(textLength('😀'), 1);
    assert.deepEqual(validateCommentBody('😀'.repeat(5000)), {});
  });

  it('treats a non-string as missing', () => {
    assert.equal(validateCommentBody(undefined)['body']?.reason, 'required');
  });
});

describe('guest name', () => {
  it('accepts 1 to 50 characters', () => {
    assert.deepEqual(validateGuestName('A'), {});
    assert.deepEqual(validateGuestName('A'.repeat(50)), {});
  });

  it('refuses an empty, blank or 51-character name on the name field', () => {
    assert.equal(validateGuestName('')['name']?.reason, 'required');
    assert.equal(validateGuestName('   ')['name']?.reason, 'required');
    assert.equal(validateGuestName('A'.repeat(51))['name']?.reason, 'too-long');
  });

  it('refuses control characters that would break the one-line name', () => {
    assert.equal(validateGuestName('Ada\u0000')['name']?.reason, 'invalid-characters');
  });

  it('folds inner whitespace runs and trims, and judges the folded name', () => {
    assert.equal(cleanGuestName('  Ada \t  Lovelace '), 'Ada Lovelace');
    assert.deepEqual(validateGuestName(`A${' '.repeat(60)}B`), {});
  });
});

describe('invisible characters', () => {
  const invisible = ['\u200b\u200b', '\u200c', '\u200d', '\u200e\u200f', '\u2060', '\u2064', '\ufeff', '\u00ad', '\u034f', '\u180e', ' \u200b\n\u2063 '];

  it('counts text made only of zero-width and other invisible format characters as empty', () => {
    for (const text of invisible) {
      assert.equal(validateCommentBody(text)['body']?.reason, 'required', JSON.stringify(text));
      assert.equal(validateAnswerBody(text)['body']?.reason, 'required', JSON.stringify(text));
      assert.equal(validateQuestion({ title: text })['title']?.reason, 'required', JSON.stringify(text));
      assert.equal(validateGuestName(text)['name']?.reason, 'required', JSON.stringify(text));
      assert.equal(validateThreadId(text)['thread']?.reason, 'required', JSON.stringify(text));
    }
  });

  it('keeps visible text with joiners as it is: emoji ZWJ sequences, joiners inside words', () => {
    for (const text of ['👩‍💻', '👨‍👩‍👧', 'a\u200bb', '❤️', 'می\u200cخواهم']) {
      assert.deepEqual(validateCommentBody(text), {}, JSON.stringify(text));
      assert.deepEqual(validateGuestName(text), {}, JSON.stringify(text));
      assert.deepEqual(validateThreadId(text), {}, JSON.stringify(text));
      assert.equal(cleanGuestName(text), text);
    }
  });

  it('trims invisible characters around a guest name, as it trims spaces', () => {
    assert.equal(cleanGuestName('\u200b Ada \ufeff'), 'Ada');
    assert.equal(cleanGuestName('\u200b\u200b'), '');
  });
});

describe('reaction keys', () => {
  it('accepts emoji, ZWJ sequences and short words', () => {
    assert.deepEqual(validateReactionKeys(['👍', '👩‍💻', '❤️', '+1', 'thanks']), {});
  });

  it('refuses the first key that shows nothing, holds control characters or has blanks around it, naming it', () => {
    assert.deepEqual(validateReactionKeys(['👍', '\u200b'])['reactions'], { reason: 'required', message: 'Reaction 2 shows nothing: use an emoji or a short word.', params: { index: 1 } });
    assert.equal(validateReactionKeys([' '])['reactions']?.reason, 'required');
    assert.equal(validateReactionKeys(['a\u0000b'])['reactions']?.reason, 'invalid-characters');
    assert.equal(validateReactionKeys(['👍 '])['reactions']?.reason, 'invalid-characters');
    assert.equal(validateReactionKeys(['\ufeff👍'])['reactions']?.reason, 'invalid-characters');
  });
});

describe('questions, answers and reports', () => {
  it('requires a question title of at least 5 characters', () => {
    assert.equal(validateQuestion({ title: 'Why?' })['title']?.reason, 'too-short');
    assert.deepEqual(validateQuestion({ title: 'Why is the sky blue?' }), {});
  });

  it('refuses an overlong question body but not a missing one', () => {
    assert.deepEqual(validateQuestion({ title: 'A fine title' }), {});
    assert.equal(validateQuestion({ title: 'A fine title', body: 'x'.repeat(10001) })['body']?.reason, 'too-long');
  });

  it('requires an answer body', () => {
    assert.equal(validateAnswerBody(' ')['body']?.reason, 'required');
  });

  it('refuses an unknown report reason and a note over 500 characters', () => {
    const issues = validateReport({ reason: 'boring', note: 'x'.repeat(501) });
    assert.equal(issues['reason']?.reason, 'unknown-choice');
    assert.equal(issues['note']?.reason, 'too-long');
    assert.deepEqual(validateReport({ reason: 'spam' }), {});
  });

  it('reports issues in a shape the adapter FieldError accepts', () => {
    const issue: FieldError | undefined = validateCommentBody('')['body'];
    assert.ok(issue);
    assert.equal(hasIssues(validateCommentBody('')), true);
    assert.equal(hasIssues(validateCommentBody('ok')), false);
  });
});

describe('page size', () => {
  it('defaults to 20 and caps at 100', () => {
    assert.equal(clampPageSize(undefined), 20);
    assert.equal(clampPageSize(Number.NaN), 20);
    assert.equal(clampPageSize(500), 100);
    assert.equal(clampPageSize(0), 1);
    assert.equal(clampPageSize(7.9), 7);
  });

  it('gives members 15 minutes to edit by default', () => {
    assert.equal(LIMITS.editWindowMs, 15 * 60 * 1000);
  });
});
