/** Schemes a link in user text may use; anything else is shown as plain text, never as a link. */
export const ALLOWED_LINK_SCHEMES: readonly string[] = ['http', 'https', 'mailto'];

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/**
 * Whether `url` may become an `href` in user content: an absolute http, https or mailto URL.
 * Relative URLs are refused too: a commenter's link should say where it goes, and a relative one
 * borrows the host page's authority. Control characters and whitespace anywhere refuse the URL
 * outright rather than being stripped, because browsers strip them before reading the scheme
 * (`java\tscript:` is `javascript:`). Callers that decode entities or percent-escapes must do so
 * before asking.
 */
export function isSafeUrl(url: string): boolean {
  if (typeof url !== 'string') return false;
  // eslint-disable-next-line no-control-regex -- these are what the URL parser strips or splits on
  if (/[\u0000-\u0020\u007f-\u009f]/.test(url)) return false;
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined || !ALLOWED_LINK_SCHEMES.includes(scheme)) return false;
  // `https:evil` and `http:/x` have no host; only mailto goes without one.
  return scheme === 'mailto' ? url.length > 'mailto:'.length : /^[a-z]+:\/\/[^/?#]+/i.test(url);
}
