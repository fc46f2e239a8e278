import type { ReactiveControllerHost } from 'lit';
import { LocalizeController } from '../../core/localize.js';
import { stringBundles, type Lookup } from '../../core/string-bundles.js';
import { commentsEn, type CommentsKey, type CommentsStrings } from '../../i18n/comments.en.js';
import { $translations } from '../../i18n/registry.js';
import type { Message, MessageArgs } from '../../i18n/types.js';

type Chain = [registered: Lookup | undefined, bundled: Lookup | undefined][];

/** English: the reading strings now, the writing strings when the writing part arrives. */
const en: Record<string, Message> = { ...commentsEn };

/** Adds the English strings that came with a lazily loaded part. */
export const addEnglish = (strings: Lookup): void => void Object.assign(en, strings);

/** Dutch is its own chunk; the element starts loading it as it connects, alongside its first data. */
const strings = stringBundles('comments', en, {
  nl: () => import('../../i18n/comments.nl.js').then((module) => module.commentsNl),
});
const own = strings.own;
const loadBundle = strings.load;

/**
 * The core controller plus the comments dictionary. Lookup per language, most specific first
 * (`nl-BE`, `nl`, `en`): a key registered with `registerTranslation(lang, { 'comments.<key>': … })`
 * wins over the bundled one, so a site can reword a string or add a language.
 */
export class CommentsLocalize extends LocalizeController {
  readonly #host: ReactiveControllerHost;
  /** Bumped when a language's strings arrive, so renders that depend on them can tell. */
  revision = 0;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    super(host);
    this.#host = host;
  }

  override hostConnected(): void {
    super.hostConnected();
    this.#chain();
  }

  t<K extends CommentsKey>(key: K, ...args: MessageArgs<CommentsStrings[K]>): string {
    return this.format(key, (args[0] ?? {}) as Record<string, string | number>);
  }

  /** `t()` for a key chosen at runtime (a field error's reason); unknown placeholders stay as written. */
  format(key: CommentsKey, params: Record<string, string | number> = {}): string {
    const message = this.#find(key);
    let template: string;
    if (typeof message === 'string') template = message;
    else {
      const count = params.count;
      template =
        typeof count !== 'number'
          ? message.other
          : count === 0 && message.zero !== undefined
            ? message.zero
            : (message[this.plural(count)] ?? message.other);
    }
    return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
      const value = params[name];
      return value === undefined ? placeholder : typeof value === 'number' ? this.number(value) : value;
    });
  }

  #find(key: CommentsKey): Message {
    for (const [registered, bundled] of this.#chain()) {
      const message = registered?.[`comments.${key}`] ?? bundled?.[key];
      if (message !== undefined) return message;
    }
    // A writing string asked for before the writing part arrived shows its key, never a crash.
    return en[key] ?? key;
  }

  #cached: { lang: string; registry: unknown; revision: number; chain: Chain } | undefined;

  /** Per language, most specific first: the registered dictionary and the bundled one. */
  #chain(): Chain {
    const lang = this.lang.toLowerCase();
    const registry = $translations.get() as ReadonlyMap<string, Lookup>;
    const cached = this.#cached;
    if (cached?.lang === lang && cached.registry === registry && cached.revision === this.revision) return cached.chain;
    const codes = [...new Set([lang, lang.split('-')[0] ?? lang, 'en'])];
    for (const code of codes) {
      void loadBundle(code)?.then(() => {
        this.revision += 1;
        this.#host.requestUpdate();
      });
    }
    const chain: Chain = codes.map((code) => [registry.get(code), own[code]]);
    this.#cached = { lang, registry, revision: this.revision, chain };
    return chain;
  }
}
