/**
 * How an element finds its language, direction and colour scheme from the page around it.
 * Pure reads of the DOM; the live part (noticing changes) is in page-observer.ts.
 */

/** The parent in the composed tree: a shadow root's host counts as the parent of its top nodes. */
export function composedParent(node: Element): Element | null {
  if (node.parentElement) return node.parentElement;
  const root = node.parentNode;
  return root !== null && root.nodeType === Node.DOCUMENT_FRAGMENT_NODE && 'host' in root
    ? (root as ShadowRoot).host
    : null;
}

const canonical = new Map<string, string | null>();

/** A valid BCP 47 tag in canonical case (`nl-BE`), or `null` for empty or malformed values. */
export function canonicalLang(value: string | null | undefined): string | null {
  const tag = value?.trim();
  if (!tag) return null;
  let result = canonical.get(tag);
  if (result === undefined) {
    try {
      result = Intl.getCanonicalLocales(tag.replace(/_/g, '-'))[0] ?? null;
    } catch {
      result = null;
    }
    canonical.set(tag, result);
  }
  return result;
}

/** The nearest non-empty `lang` attribute from `start` upwards, crossing shadow roots. */
export function inheritedLang(start: Element | null): string | null {
  for (let node = start; node; node = composedParent(node)) {
    const lang = canonicalLang(node.getAttribute('lang'));
    if (lang) return lang;
  }
  return null;
}

const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr']);
const directions = new Map<string, 'ltr' | 'rtl'>();

/** Writing direction of a language, from its (likely) script: ar, he, fa, ur, ps, ckb… are rtl. */
export function directionOf(lang: string): 'ltr' | 'rtl' {
  let dir = directions.get(lang);
  if (dir === undefined) {
    let script: string | undefined;
    try {
      script = new Intl.Locale(lang).maximize().script;
    } catch {
      script = undefined;
    }
    dir = script !== undefined && RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
    directions.set(lang, dir);
  }
  return dir;
}

function dirAttribute(node: Element): 'ltr' | 'rtl' | null {
  const dir = node.getAttribute('dir')?.trim().toLowerCase();
  return dir === 'ltr' || dir === 'rtl' ? dir : null;
}

/**
 * The direction for `element`: the nearest element (itself first) that has a `dir` or a `lang`
 * decides, by its `dir` or else by its language. So `<plein-x lang="ar">` on an English page is
 * rtl, while an explicit `dir` always wins over a language further up.
 */
export function resolveDir(element: Element, ownLang: string | null, fallbackLang: string): 'ltr' | 'rtl' {
  const own = dirAttribute(element);
  if (own) return own;
  if (ownLang) return directionOf(ownLang);
  for (let node = composedParent(element); node; node = composedParent(node)) {
    const dir = dirAttribute(node);
    if (dir) return dir;
    const lang = canonicalLang(node.getAttribute('lang'));
    if (lang) return directionOf(lang);
  }
  return directionOf(fallbackLang);
}

/** Reads `light`, `dark`, `light dark`, `only dark`… and answers only when exactly one scheme is allowed. */
export function singleScheme(value: string | null | undefined): 'light' | 'dark' | null {
  const words = new Set((value ?? '').toLowerCase().split(/\s+/));
  const light = words.has('light');
  const dark = words.has('dark');
  if (light === dark) return null;
  return dark ? 'dark' : 'light';
}

/**
 * The scheme the page declares around `element` as its only one: the computed `color-scheme` of
 * its parent (which inherits from the root), else `<meta name="color-scheme">`. `null` when the page
 * allows both or says nothing, in which case the reader's preference applies.
 */
export function declaredScheme(element: Element): 'light' | 'dark' | null {
  const parent = composedParent(element) ?? element.ownerDocument.documentElement;
  const computed = parent.isConnected ? getComputedStyle(parent).colorScheme : '';
  const fromStyle = singleScheme(computed);
  if (fromStyle) return fromStyle;
  const meta = element.ownerDocument.querySelector<HTMLMetaElement>('meta[name="color-scheme" i]');
  return singleScheme(meta?.content);
}

export function prefersDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
}
