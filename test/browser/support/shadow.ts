/** Polls `condition` every `every` milliseconds; fails with `message` after `timeout`. */
export async function until(condition: () => unknown, message = 'condition', timeout = 5000, every = 10): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeout) throw new Error(`Timed out waiting for ${message}`);
    await new Promise((resolve) => setTimeout(resolve, every));
  }
}

export const root = (element: Element): ShadowRoot => element.shadowRoot as ShadowRoot;

/** The first match in the element's shadow root; fails naming the element when there is none. */
export function $<E extends Element = HTMLElement>(element: Element, selector: string): E {
  const found = root(element).querySelector<E>(selector);
  if (!found) throw new Error(`No ${selector} in <${element.localName}>`);
  return found;
}

export const $$ = <E extends Element = HTMLElement>(element: Element, selector: string): E[] => [...root(element).querySelectorAll<E>(selector)];
