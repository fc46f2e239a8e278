/** Link schemes a comment may carry; anything else (javascript:, data:, vbscript:) stays text. */
export const ALLOWED_LINK_SCHEMES: readonly string[] = ['http:', 'https:', 'mailto:'];

/**
 * Whether `href` is an absolute URL with an allowed scheme. Control characters and whitespace are
 * refused outright rather than stripped, because browsers strip them before reading the scheme.
 */
export function isSafeLink(href: string): boolean {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f-\u009f]/.test(href)) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href)?.[1];
  if (!scheme) return false;
  if (!ALLOWED_LINK_SCHEMES.includes(`${scheme.toLowerCase()}:`)) return false;
  if (scheme.toLowerCase() !== 'mailto' && !/^[a-z]+:\/\/[^/?#\s]+/i.test(href)) return false;
  return true;
}
