import { ContextRoot } from '@lit/context';

const ATTACHED = Symbol.for('plein.context-root');

/**
 * Without a root, an element that connects before its `<plein-provider>` is defined (the script-tag
 * loader imports each tag's chunk in any order) would never receive the provider's adapter. The root
 * buffers such requests and replays them when a provider appears. One per document, shared with any
 * other copy of Plein on the page through a registered symbol.
 */
export function ensureContextRoot(document: Document): void {
  const marked = document as Document & { [ATTACHED]?: true };
  if (marked[ATTACHED]) return;
  marked[ATTACHED] = true;
  new ContextRoot().attach(document.documentElement);
}
