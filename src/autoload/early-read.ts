import type { ScriptOptions } from './script-options.js';

/**
 * Where the loader leaves the reads it started, keyed by the Authorization header and the URL the
 * adapter would send, for the HTTP adapter's transport to take (`takeEarlyRead`). A global symbol
 * and a key spelled out on both sides rather than a shared module: a module shared with the loader
 * would make the adapter's chunk import the loader file itself.
 */
const EARLY_READS = Symbol.for('plein.early-reads');

/**
 * Asks for the first page of each thread on the page as soon as the loader runs: the HTTP adapter's
 * first read takes the answer instead of asking a round trip or more later, once the chunks and the
 * adapter have downloaded. Only for the default order and page size, with the member's `data-token`
 * or none, outside `<plein-provider>`. The adapter asks for itself when its read differs, and the
 * early answer goes unused: a returning guest's read, for one, carries the guest's session, which
 * the loader does not look for.
 */
export function readThreadsEarly(root: Document, { endpoint, site, script }: ScriptOptions): void {
  if (!endpoint || !site) return;
  const reads = ((globalThis as { [EARLY_READS]?: Map<string, Promise<Response>> })[EARLY_READS] ??= new Map());
  let base: URL;
  try {
    base = new URL(endpoint, location.href);
  } catch {
    return; // The adapter reports the endpoint it cannot use.
  }
  // As the adapter resolves the endpoint: `https://x.example/v1/` names the server `https://x.example`.
  const siteUrl = `${base.origin}${base.pathname.replace(/\/+$/, '').replace(/\/v1$/, '')}/v1/sites/${encodeURIComponent(site)}`;
  const token = script?.dataset.token;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (token) headers['Authorization'] = `Bearer ${token}`;
  // Not inside a provider, which may give its subtree another adapter.
  for (const element of root.querySelectorAll('plein-comments[thread]:not([sort],[page-size],plein-provider *)')) {
    // The default order and page size (20: `PAGE_SIZE`, which the loader does not import, as it
    // lives in the core chunk).
    const url = `${siteUrl}/threads/${encodeURIComponent(element.getAttribute('thread') ?? '')}/comments?sort=newest&limit=20&withReplies=true&withThread=true`;
    const key = `${headers['Authorization'] ?? ''} ${url}`;
    if (reads.has(key)) continue;
    const read = fetch(url, { headers });
    // A failed early read is the adapter's to notice (it then asks itself), not an unhandled rejection.
    read.catch(() => undefined);
    reads.set(key, read);
  }
}
