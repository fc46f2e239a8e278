import { atom, type ReadableAtom } from 'nanostores';
import { en, type Translation } from './en.js';
import { stringBundles } from '../core/string-bundles.js';
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
  $registry.set(new Map($registry.get()).set(lang.toLowerCase(), translation));
}

/** Codes to search, most specific first: `nl-BE` → `nl-be`, `nl`, `en`. */
function codes(lang: string): Set<string> {
  const tag = lang.toLowerCase();
  return new Set([tag, tag.split('-')[0] ?? tag, 'en']);
}

/**
 * A component's message `key` in `lang`, most specific language first (`nl-BE`, `nl`, `en`): a
 * key the site registered as `<area>.<key>` wins over the component's own strings (`own[code]`).
 * `visit` sees each language searched, to start loading its bundle.
 */
export function findMessage(
  lang: string,
  area: string,
  key: string,
  own: Readonly<Record<string, Readonly<Record<string, Message | undefined>> | undefined>>,
  visit?: (code: string) => void,
): Message | undefined {
  const registry = $registry.get();
  for (const code of codes(lang)) {
    visit?.(code);
    const message = registry.get(code)?.[`${area}.${key}`] ?? own[code]?.[key];
    if (message !== undefined) return message;
  }
  return undefined;
}

/** Dictionaries to search, most specific first: `nl-BE` → `nl-be`, `nl`, `en`. */
export function translationChain(lang: string): TranslationInput[] {
  const registry = $registry.get();
  return [...codes(lang)].flatMap<TranslationInput>((code) => registry.get(code) ?? []);
}

/**
 * The core languages shipped besides English. Each is its own chunk, so a page downloads only the
 * language it shows; the first element (or the script tag's setup) that needs one starts loading it.
 */
const shipped = stringBundles('core', en, {
  nl: () => import('./nl.js').then((module) => module.nl),
});

/**
 * Starts loading the shipped core strings `lang` falls back on (`nl-BE` → `nl`) and returns a
 * promise that settles once they are registered, or `undefined` when nothing is on its way. A
 * translation the site registered itself is kept; a chunk that fails to load leaves English.
 */
export function loadTranslation(lang: string): Promise<void> | undefined {
  let pending: Promise<void> | undefined;
  for (const code of codes(lang)) {
    if (!$registry.get().has(code)) {
      pending =
        shipped.load(code)?.then(() => {
          const dictionary = shipped.own[code];
          if (dictionary && !$registry.get().has(code)) registerTranslation(code, dictionary);
        }) ?? pending;
    }
  }
  return pending;
}
