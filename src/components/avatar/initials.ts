const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** The first letter (a whole grapheme: accents and emoji stay intact) of a word, else its first grapheme. */
function firstGrapheme(word: string, dutch: boolean): string {
  // Dutch treats "ij" as one letter: IJsbrand's initial is "IJ".
  if (dutch && /^ij/i.test(word)) return word.slice(0, 2);
  let first = '';
  for (const { segment } of segmenter.segment(word)) {
    if (LETTER_OR_DIGIT.test(segment)) return segment;
    first ||= segment;
  }
  return first;
}

/**
 * "Ada Lovelace" → "AL", "grace" → "G", "Jean-Luc Picard" → "JP"; '' for a blank name. `locale`
 * decides upper-casing (Turkish "i" → "İ") and Dutch "IJ".
 */
export function initials(name: string, locale?: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  const first = words[0];
  if (first === undefined) return '';
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  const dutch = /^nl\b/i.test(locale ?? '');
  const letters = firstGrapheme(first, dutch) + (last === undefined ? '' : firstGrapheme(last, dutch));
  return letters.toLocaleUpperCase(locale);
}
