import { createHttpAdapter, type HttpAdapter } from './adapter.js';
import { jwtClaims } from './identity.js';
import type { HttpAdapterOptions } from './options.js';

/** A token this close to its `exp` is replaced before it is sent. */
const MARGIN_MS = 30_000;

/**
 * The HTTP adapter as the script tag sets it up. `data-token` is read at every request, so a page
 * refreshes its member's token, or signs a member in or out, by changing that attribute alone; the
 * widgets follow at once. With `data-token-url`, a token about to expire is replaced by one from
 * that URL of the site's own backend, asked with the visitor's cookies: the JWT as text or as
 * `{ "token": "…" }`, or `204`/`401` when the member has signed out meanwhile. Visitors without a
 * token cost the site no request.
 */
export function createScriptTagAdapter(script: HTMLScriptElement, options: Omit<HttpAdapterOptions, 'token'>, now = Date.now): HttpAdapter {
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  let renewing: Promise<string | null> | null = null;

  async function renew(url: string): Promise<string | null> {
    const response = await fetchImpl(new URL(url, document.baseURI), { credentials: 'include', headers: { Accept: 'application/json, text/plain' } });
    if (response.status === 204 || response.status === 401) return null;
    if (!response.ok) throw new Error(`data-token-url answered ${response.status} instead of a token.`);
    const text = (await response.text()).trim();
    const token: unknown = text.startsWith('{') ? (JSON.parse(text) as { token?: unknown }).token : text;
    return typeof token === 'string' && token !== '' ? token : null;
  }

  const token = async (): Promise<string | null> => {
    const current = script.dataset.token || null;
    const url = script.dataset.tokenUrl;
    const exp = current === null ? undefined : jwtClaims(current)?.['exp'];
    if (!url || typeof exp !== 'number' || exp * 1000 - MARGIN_MS > now()) return current;
    const fresh = await (renewing ??= renew(url).finally(() => (renewing = null)));
    // Where the page, and the next request, find it.
    if (script.dataset.token === current) {
      if (fresh) script.dataset.token = fresh;
      else delete script.dataset.token;
    }
    return fresh;
  };

  const adapter = createHttpAdapter({ ...options, token });
  // A new token may name someone else: reading the viewer tells every widget when it does.
  const observer = new MutationObserver(() => void adapter.getViewer().catch(() => undefined));
  observer.observe(script, { attributeFilter: ['data-token'] });
  const { dispose } = adapter;
  adapter.dispose = () => {
    observer.disconnect();
    dispose();
  };
  return adapter;
}
