/**
 * How an element finds its language, direction and colour scheme from the page around it.
 * Pure reads of the DOM; the live part (noticing changes) is in page-observer.ts.
 */

/** `create(key)` once per key: Intl objects are slow to build and these run on every render. */
export function memo<T>(cache: Map<string, T>, key: string, create: () => T): T {
  if (!cache.has(key)) cache.set(key, create());
  return cache.get(key) as T;
}

/** The parent in the composed tree: a shadow root's host counts as the parent of its top nodes. */
export function composedParent(node: Element): Element | null {
  return node.parentElement ?? (node.parentNode as ShadowRoot | null)?.host ?? null;
}

const canonical = new Map<string, string | null>();

/** A valid BCP 47 tag in canonical case (`nl-BE`), or `null` for empty or malformed values. */
export function canonicalLang(value: string | null | undefined): string | null {
  const tag = value?.trim();
  return tag
    ? memo(canonical, tag, () => {
        try {
          return Intl.getCanonicalLocales(tag.replace(/_/g, '-'))[0] ?? null;
        } catch {
          return null;
        }
      })
    : null;
}

const directions = new Map<string, 'ltr' | 'rtl'>();

/** Writing direction of a language, from its (likely) script: ar, he, fa, ur, ps, ckb… are rtl. */
export function directionOf(lang: string): 'ltr' | 'rtl' {
  return memo(directions, lang, () => {
    let script: string | undefined;
    try {
      script = new Intl.Locale(lang).maximize().script;
    } catch {
      // A tag Intl cannot expand reads left to right.
    }
    return /^(Arab|Hebr|Thaa|Syrc|Nkoo|Adlm|Rohg|Mand|Samr)$/.test(script ?? '') ? 'rtl' : 'ltr';
  });
}

/**
 * Walks from `start` up the composed tree (crossing shadow roots) to the first element for which
 * `read` answers; `null` when none does.
 */
function nearest<T>(start: Element | null, read: (node: Element) => T | null): T | null {
  for (let node = start; node; node = composedParent(node)) {
    const found = read(node);
    if (found) return found;
  }
  return null;
}

const langOf = (node: Element): string | null => canonicalLang(node.getAttribute('lang'));

function dirAttribute(node: Element): 'ltr' | 'rtl' | null {
  const dir = node.getAttribute('dir')?.trim().toLowerCase();
  return dir === 'ltr' || dir === 'rtl' ? dir : null;
}

/** The nearest non-empty `lang` attribute from `start` upwards, crossing shadow roots. */
export function inheritedLang(start: Element | null): string | null {
  return nearest(start, langOf);
}

/**
 * The direction for `element`: the nearest element (itself first) that has a `dir` or a `lang`
 * decides, by its `dir` or else by its language. So `<plein-x lang="ar">` on an English page is
 * rtl, while an explicit `dir` always wins over a language further up.
 */
export function resolveDir(element: Element, ownLang: string | null, fallbackLang: string): 'ltr' | 'rtl' {
  const lang = (node: Element): string | null => (node === element ? ownLang : langOf(node));
  return (
    nearest(element, (node) => {
      const own = dirAttribute(node);
      if (own) return own;
      const found = lang(node);
      return found ? directionOf(found) : null;
    }) ?? directionOf(fallbackLang)
  );
}

/** Reads `light`, `dark`, `light dark`, `only dark`… and answers only when exactly one scheme is allowed. */
export function singleScheme(value: string | null | undefined): 'light' | 'dark' | null {
  const words = ` ${value ?? ''} `.toLowerCase();
  const light = /\slight\s/.test(words);
  return light === /\sdark\s/.test(words) ? null : light ? 'light' : 'dark';
}

/**
 * The scheme the page declares around `element` as its only one: the computed `color-scheme` of
 * its parent (which inherits from the root), else `<meta name="color-scheme">`. `null` when the page
 * allows both or says nothing, in which case the reader's preference applies.
 */
export function declaredScheme(element: Element): 'light' | 'dark' | null {
  const document = element.ownerDocument;
  const parent = composedParent(element) ?? document.documentElement;
  return (
    singleScheme(parent.isConnected ? getComputedStyle(parent).colorScheme : '') ??
    singleScheme(document.querySelector<HTMLMetaElement>('meta[name="color-scheme" i]')?.content)
  );
}

/** The reader's `prefers-color-scheme: dark` query, where the environment has media queries. */
export const darkQuery = (): MediaQueryList | undefined =>
  typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : undefined;
