/**
 * One watcher for the whole page, shared by every Plein element: `<html lang|dir>`, attribute
 * changes on `<html>`/`<body>` (where sites toggle dark mode by class, data attribute or style),
 * colour-scheme metas and stylesheets in `<head>`, and `prefers-color-scheme`. A page with a hundred
 * widgets gets one MutationObserver and one media listener, not a hundred.
 */
type Listener = () => void;

const listeners = new Set<Listener>();
let observer: MutationObserver | undefined;
let media: MediaQueryList | undefined;
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

const HEAD_NODES = new Set(['META', 'STYLE', 'LINK']);

function concernsAppearance(node: Node | null): boolean {
  for (let current = node; current; current = current.parentNode) {
    if (HEAD_NODES.has(current.nodeName)) return true;
  }
  return false;
}

function relevant(record: MutationRecord): boolean {
  const root = document.documentElement;
  if (record.target === root) {
    if (record.type === 'attributes') return true;
    watchChildren();
    return false;
  }
  if (record.target === document.body) return record.type === 'attributes';
  if (concernsAppearance(record.target)) return true;
  return [...record.addedNodes, ...record.removedNodes].some(concernsAppearance);
}

function watchChildren(): void {
  if (!observer) return;
  if (document.body) observer.observe(document.body, { attributes: true });
  if (document.head) {
    observer.observe(document.head, { childList: true, subtree: true, attributes: true, characterData: true });
  }
}

function start(): void {
  observer = new MutationObserver((records) => {
    if (records.some(relevant)) notify();
  });
  observer.observe(document.documentElement, { attributes: true, childList: true });
  watchChildren();
  media = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : undefined;
  media?.addEventListener('change', notify);
}

function stop(): void {
  observer?.disconnect();
  media?.removeEventListener('change', notify);
  observer = undefined;
  media = undefined;
}

/** Calls `listener` (batched) whenever the page's language, direction or colour scheme may have changed. */
export function observePage(listener: Listener): () => void {
  listeners.add(listener);
  if (!observer) start();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) stop();
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
