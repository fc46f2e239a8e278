/**
 * `offsetParent` that walks the flat tree (slots and shadow hosts).
 *
 * Browsers retarget `HTMLElement.offsetParent` so it never exposes a node inside a shadow tree the
 * element is not part of. When a popup is slotted into another component whose shadow root holds
 * the positioned container, the native value is that component's host, and Floating UI would
 * measure against the wrong box. Floating UI accepts this function as its offset-parent polyfill.
 */
export function composedOffsetParent(element: Element): Element | null {
  for (let node: Element | null = element; node; node = flatTreeParent(node)) {
    if (getComputedStyle(node).display === 'none') return null;
  }
  for (let node = flatTreeParent(element); node; node = flatTreeParent(node)) {
    const style = getComputedStyle(node);
    // display: contents boxes do not exist in layout, so they cannot contain anything.
    if (style.display === 'contents') continue;
    if (style.position !== 'static' || establishesContainingBlock(style)) return node;
    if (node.tagName === 'BODY') return node;
  }
  return null;
}

function flatTreeParent(element: Element): Element | null {
  if (element.assignedSlot) return element.assignedSlot;
  const parent = element.parentNode;
  if (parent instanceof ShadowRoot) return parent.host;
  return parent instanceof Element ? parent : null;
}

function establishesContainingBlock(style: CSSStyleDeclaration): boolean {
  return (
    style.transform !== 'none' ||
    style.translate !== 'none' ||
    style.scale !== 'none' ||
    style.rotate !== 'none' ||
    style.perspective !== 'none' ||
    style.filter !== 'none' ||
    (style.backdropFilter !== '' && style.backdropFilter !== 'none') ||
    /\b(transform|perspective|filter|translate|scale|rotate)\b/.test(style.willChange) ||
    /\b(paint|layout|strict|content)\b/.test(style.contain) ||
    style.containerType !== 'normal'
  );
}
