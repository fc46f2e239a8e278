import type { Definer } from './loaders.js';

/**
 * Watches a document for tags in `loaders` and loads each chunk once, fetching it at once but
 * defining the tag only after `prepare` (which configures the adapter) has run, so the first
 * render already has its backend.
 */
export function startAutoloader(
  root: Document,
  loaders: Record<string, () => Promise<Definer>>,
  prepare: () => Promise<void>,
): MutationObserver {
  const requested = new Set<string>();
  let prepared: Promise<void> | undefined;

  const load = (tag: string): void => {
    if (requested.has(tag) || !(tag in loaders) || customElements.get(tag)) return;
    requested.add(tag);
    prepared ??= prepare();
    Promise.all([loaders[tag]?.(), prepared])
      .then(([define]) => define?.())
      .catch((error: unknown) => {
        requested.delete(tag);
        console.error(`plein: could not load <${tag}>`, error);
      });
  };

  const visit = (element: Element): void => {
    load(element.localName);
    for (const child of element.querySelectorAll(':not(:defined)')) load(child.localName);
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType === Node.ELEMENT_NODE) visit(node as Element);
      }
    }
  });
  observer.observe(root.documentElement, { childList: true, subtree: true });
  visit(root.documentElement);
  return observer;
}
