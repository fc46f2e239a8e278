/**
 * One watcher for the whole page, shared by every Plein element: attribute changes on `<html>`,
 * `<body>` and every element that holds a widget (where sites set `lang` and `dir`, and toggle dark
 * mode by class, data attribute or style), colour-scheme metas and stylesheets anywhere, and
 * `prefers-color-scheme`. A page with a hundred widgets gets one MutationObserver and one media
 * listener, not a hundred.
 */
import { darkQuery } from './environment.js';

type Listener = () => void;

const listeners = new Set<Listener>();
/** The widgets listening: a change on an element that holds one may change its language, direction or scheme. */
const widgets = new Set<Element>();
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

/** An element (not a widget itself, whose own attributes it handles) that holds a listening widget. */
const holdsWidget = (node: Node): boolean => [...widgets].some((widget) => widget !== node && node.contains(widget));

function start(): Listener {
  const { documentElement: root } = document;
  const observer = new MutationObserver((records) => {
    if (records.some(relevant)) notify();
  });
  function relevant({ target, type, addedNodes, removedNodes }: MutationRecord): boolean {
    if (type === 'attributes' && (target === root || target === document.body || holdsWidget(target))) return true;
    return [target, ...addedNodes, ...removedNodes].some(concernsAppearance);
  }
  observer.observe(root, { attributes: true, childList: true, subtree: true, characterData: true });
  const media = darkQuery();
  media?.addEventListener('change', notify);
  return () => {
    observer.disconnect();
    media?.removeEventListener('change', notify);
  };
}

/**
 * Calls `listener` (batched) whenever the page's language, direction or colour scheme may have
 * changed, on the page or on an element around `widget`.
 */
export function observePage(listener: Listener, widget?: Element): () => void {
  listeners.add(listener);
  if (widget) widgets.add(widget);
  stop ??= start();
  return () => {
    listeners.delete(listener);
    if (widget) widgets.delete(widget);
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
