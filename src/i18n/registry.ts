import { atom, type ReadableAtom } from 'nanostores';
import { en, type Translation } from './en.js';
import { nl } from './nl.js';
import type { Message } from './types.js';

/**
 * A language's messages: the core keys (typed) plus any namespaced component keys such as
 * `comments.heading`, which component dictionaries look up here first.
 */
export type TranslationInput = Partial<Translation> & { readonly [key: string]: Message | undefined };

type Registry = ReadonlyMap<string, TranslationInput>;

const $registry = atom<Registry>(
  new Map<string, TranslationInput>([
    ['en', en],
    ['nl', nl],
  ]),
);

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

/** Dictionaries to search, most specific first: `nl-BE` → `nl-be`, `nl`, `en`. */
export function translationChain(lang: string): TranslationInput[] {
  const registry = $registry.get();
  const tag = lang.toLowerCase();
  const base = tag.split('-')[0] ?? tag;
  const chain: TranslationInput[] = [];
  for (const code of new Set([tag, base, 'en'])) {
    const dictionary = registry.get(code);
    if (dictionary) chain.push(dictionary);
  }
  return chain;
}
