import { atom, type ReadableAtom } from 'nanostores';
import { en, type Translation } from './en.js';
import type { Message } from './types.js';

/**
 * A language's messages: the core keys (typed) plus any namespaced component keys such as
 * `comments.heading`, which component dictionaries look up here first.
 */
export type TranslationInput = Partial<Translation> & { readonly [key: string]: Message | undefined };

type Registry = ReadonlyMap<string, TranslationInput>;

const $registry = atom<Registry>(new Map<string, TranslationInput>([['en', en]]));

/** Registered languages as a store, so rendered elements pick up a language registered later. */
export const $translations: ReadableAtom<Registry> = $registry;

/**
 * Adds or replaces a language (`'de'`, `'pt-BR'`). A partial translation is allowed: missing keys
 * fall back to the base language (`pt` for `pt-BR`), then to English, so an older translation keeps
 * working when new keys arrive.
 */
export function registerTranslation(lang: string, translation: TranslationInput): void {
  const next = new Map($registry.get());
  next.set(lang.toLowerCase(), translation);
  $registry.set(next);
}

/** Codes to search, most specific first: `nl-BE` → `nl-be`, `nl`, `en`. */
function codes(lang: string): Set<string> {
  const tag = lang.toLowerCase();
  return new Set([tag, tag.split('-')[0] ?? tag, 'en']);
}

/** Dictionaries to search, most specific first: `nl-BE` → `nl-be`, `nl`, `en`. */
export function translationChain(lang: string): TranslationInput[] {
  const registry = $registry.get();
  const chain: TranslationInput[] = [];
  for (const code of codes(lang)) {
    const dictionary = registry.get(code);
    if (dictionary) chain.push(dictionary);
  }
  return chain;
}

/**
 * The core languages shipped besides English. Each is its own chunk, so a page downloads only the
 * language it shows; the first element (or the script tag's setup) that needs one starts loading it.
 */
const BUNDLED: Record<string, () => Promise<TranslationInput>> = {
  nl: () => import('./nl.js').then((module) => module.nl),
};

const loading = new Map<string, Promise<void>>();
const loaded = new Set<string>();

/**
 * Starts loading the shipped core strings `lang` falls back on (`nl-BE` → `nl`) and returns a
 * promise that settles once they are registered, or `undefined` when nothing is on its way. A
 * translation the site registered itself is kept; a chunk that fails to load leaves English.
 */
export function loadTranslation(lang: string): Promise<void> | undefined {
  let pending: Promise<void> | undefined;
  for (const code of codes(lang)) {
    const load = BUNDLED[code];
    if (!load || loaded.has(code) || $registry.get().has(code)) continue;
    let promise = loading.get(code);
    if (!promise) {
      promise = load()
        .then(
          (dictionary) => {
            if (!$registry.get().has(code)) registerTranslation(code, dictionary);
          },
          (error: unknown) => console.warn(`plein: could not load the "${code}" strings; showing English.`, error),
        )
        .finally(() => loaded.add(code));
      loading.set(code, promise);
    }
    pending = promise;
  }
  return pending;
}
