/**
 * The banned-words hook: a site passes its own list and what to do on a match, and every comment
 * (posted or edited) is screened the same way by the memory adapter and the server.
 *
 * Matching is on whole words, case-insensitive, after Unicode NFKC normalisation (so full-width
 * and ligature look-alikes match) and with invisible characters removed (so "sp\u200Bam" is
 * "spam"). A trailing `*` matches any ending: `scam*` catches "scammer". Entries may hold spaces
 * ("buy now"). It is a tripwire for the obvious, not a classifier: moderators do the rest.
 */

/** What happens to a comment that contains a banned word. */
export type BannedWordsAction = 'pending' | 'reject';

export interface BannedWordsPolicy {
  words: readonly string[];
  /** `pending`: it waits for a moderator; `reject`: the author gets an error on the body. */
  action: BannedWordsAction;
}

export type Screening = { verdict: 'clean' } | { verdict: BannedWordsAction; words: string[] };

const INVISIBLE = /[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]/g;
const WORD_CHAR = '[\\p{L}\\p{N}\\p{M}_]';

function normalise(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').toLowerCase();
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Matcher {
  word: string;
  pattern: RegExp;
}

const compiled = new WeakMap<readonly string[], Matcher[]>();

function matchers(words: readonly string[]): Matcher[] {
  let list = compiled.get(words);
  if (list) return list;
  list = [];
  for (const entry of words) {
    if (typeof entry !== 'string') continue;
    const word = normalise(entry).trim().replace(/\s+/g, ' ');
    const prefix = word.endsWith('*');
    const stem = prefix ? word.slice(0, -1).trimEnd() : word;
    if (stem === '') continue;
    const body = escape(stem).replace(/ /g, '\\s+');
    const end = prefix ? '' : `(?!${WORD_CHAR})`;
    list.push({ word: entry, pattern: new RegExp(`(?<!${WORD_CHAR})${body}${end}`, 'u') });
  }
  compiled.set(words, list);
  return list;
}

/** The entries of `words` that occur in `text`, as the site wrote them. */
export function findBannedWords(text: string, words: readonly string[]): string[] {
  if (typeof text !== 'string' || words.length === 0) return [];
  const haystack = normalise(text);
  return matchers(words)
    .filter((matcher) => matcher.pattern.test(haystack))
    .map((matcher) => matcher.word);
}

/** The verdict on a comment's text under the site's policy (none: always clean). */
export function screenComment(text: string, policy?: BannedWordsPolicy | null): Screening {
  if (!policy) return { verdict: 'clean' };
  const words = findBannedWords(text, policy.words);
  return words.length === 0 ? { verdict: 'clean' } : { verdict: policy.action, words };
}
