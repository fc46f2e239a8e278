/**
 * One watcher for the whole page, shared by every Plein element: `<html lang|dir>`, attribute
 * changes on `<html>`/`<body>` (where sites toggle dark mode by class, data attribute or style),
 * colour-scheme metas and stylesheets in `<head>`, and `prefers-color-scheme`. A page with a hundred
 * widgets gets one MutationObserver and one media listener, not a hundred.
 */
import { darkQuery } from './environment.js';

type Listener = () => void;

const listeners = new Set<Listener>();
let stop: Listener | undefined;
let pending = false;

// Batched into a microtask: a site switching theme usually touches several attributes at once.
function notify(): void {
  if (pending) return;
  pending = true;
  queueMicrotask(() => {
    pending = false;
    for (const listener of [...listeners]) listener();
  });
}

/** Inside a `<meta>`, `<style>` or `<link>` (or one itself): it may change the colour scheme. */
const concernsAppearance = (node: Node | null): boolean =>
  !!node && (/^(META|STYLE|LINK)$/.test(node.nodeName) || concernsAppearance(node.parentNode));

function start(): Listener {
  const { documentElement: root } = document;
  const observer = new MutationObserver((records) => {
    if (records.some(relevant)) notify();
  });
  // `<head>` and `<body>` may not exist yet when the first element connects; watched once they do.
  const watchChildren = (): void => {
    if (document.body) observer.observe(document.body, { attributes: true });
    if (document.head) observer.observe(document.head, { childList: true, subtree: true, attributes: true, characterData: true });
  };
  function relevant({ target, type, addedNodes, removedNodes }: MutationRecord): boolean {
    if (target === root) {
      if (type === 'attributes') return true;
      watchChildren();
      return false;
    }
    if (target === document.body) return type === 'attributes';
    return [target, ...addedNodes, ...removedNodes].some(concernsAppearance);
  }
  observer.observe(root, { attributes: true, childList: true });
  watchChildren();
  const media = darkQuery();
  media?.addEventListener('change', notify);
  return () => {
    observer.disconnect();
    media?.removeEventListener('change', notify);
  };
}

/** Calls `listener` (batched) whenever the page's language, direction or colour scheme may have changed. */
export function observePage(listener: Listener): () => void {
  listeners.add(listener);
  stop ??= start();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      stop?.();
      stop = undefined;
    }
  };
}

/** Tells every listener to re-check, e.g. after a Plein element changed the scheme its shadow tree inherits. */
export function announcePageChange(): void {
  if (listeners.size > 0) notify();
}

/** Number of active listeners; lets tests prove the observer is shared and released. */
export function pageObserverListenerCount(): number {
  return listeners.size;
}
