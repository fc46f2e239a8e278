import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { AdapterError } from '../adapters/errors.js';
import { en, type TermKey } from '../i18n/en.js';
import { $translations, loadTranslation, translationChain, type TranslationInput } from '../i18n/registry.js';
import type { Message, MessageArgs } from '../i18n/types.js';
import { $config } from './config.js';
import { canonicalLang, inheritedLang, memo, resolveDir } from './environment.js';
import { observePage } from './page-observer.js';
import { relativeParts } from './relative-time.js';

export { registerTranslation } from '../i18n/registry.js';
export type { TermKey, Translation } from '../i18n/en.js';
export type { TranslationInput } from '../i18n/registry.js';

/** A Plein element already knows its language; any other host is resolved from the DOM. */
interface LangAware {
  readonly effectiveLang: string;
  readonly dir: string;
}

type Host = ReactiveControllerHost & HTMLElement & Partial<LangAware>;

const formatters = new Map<string, unknown>();

/** Intl constructors are slow; each kind, language and options are built once per page. */
function intl<T>(Kind: new (lang: string, options?: object) => T, lang: string, options?: object): T {
  return memo(formatters, `${Kind.name}|${lang}|${JSON.stringify(options)}`, () => new Kind(lang, options)) as T;
}

/**
 * Translates and formats for one host in its effective language, and re-renders the host when that
 * language changes (`<html lang>`, `configure({ lang })`, a newly registered translation).
 *
 * ```ts
 * private localize = new LocalizeController(this);
 * render() { return html`${this.localize.term('signed-in-as', { name: viewer.name })}`; }
 * ```
 */
export class LocalizeController implements ReactiveController {
  readonly #host: Host;
  #stop: (() => void)[] = [];
  // Resolved once per render: a template may ask for dozens of terms.
  #lang: string | undefined;
  #chain: TranslationInput[] = [];

  constructor(host: Host) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    const check = (): void => this.#refreshIfChanged();
    this.#stop.push(observePage(check), $config.listen(check), $translations.listen(() => this.#host.requestUpdate()));
    check();
  }

  hostDisconnected(): void {
    for (const stop of this.#stop.splice(0)) stop();
  }

  hostUpdate(): void {
    const lang = this.#resolveLang();
    // Shipped languages arrive in their own chunk; `$translations` re-renders the host then.
    if (lang !== this.#lang) void loadTranslation(lang);
    this.#lang = lang;
    this.#chain = translationChain(lang);
  }

  /** The host's effective language (BCP 47), as of its latest render. */
  get lang(): string {
    return this.#lang ?? this.#resolveLang();
  }

  get dir(): 'ltr' | 'rtl' {
    const dir = this.#host.dir;
    return dir === 'rtl' || dir === 'ltr' ? dir : resolveDir(this.#host, null, this.lang);
  }

  /** The translated message for `key`, with `{placeholders}` filled in and numbers formatted. */
  term<K extends TermKey>(key: K, ...args: MessageArgs<(typeof en)[K]>): string {
    return this.formatMessage(this.lookup(key) ?? en[key], (args[0] ?? {}) as Record<string, string | number>);
  }

  /**
   * The message for any key (e.g. a component's namespaced `comments.heading`) in the host's
   * language or its fallbacks (`nl-BE` → `nl` → `en`) among registered translations.
   */
  lookup(key: string): Message | undefined {
    const chain = this.#lang === undefined ? translationChain(this.lang) : this.#chain;
    for (const dictionary of chain) {
      const message = dictionary[key];
      if (message !== undefined) return message;
    }
    return undefined;
  }

  /**
   * Picks the plural form (by `params.count`) and fills `{placeholders}`, formatting numbers.
   * For component dictionaries built on this controller. The result is text, never HTML.
   */
  formatMessage(message: Message, params: Record<string, string | number> = {}): string {
    const template = typeof message === 'string' ? message : this.#pluralForm(message, params.count);
    return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
      const value = params[name];
      if (value === undefined) return placeholder;
      return typeof value === 'number' ? this.number(value) : value;
    });
  }

  /** Whether `key` is a known term, for keys built at runtime (e.g. from an error's field reason). */
  exists(key: string): key is TermKey {
    return Object.hasOwn(en, key);
  }

  number(value: number, options?: Intl.NumberFormatOptions): string {
    return intl(Intl.NumberFormat, this.lang, options).format(value);
  }

  /** The CLDR plural category of `count` (`one`, `other`, …) in the host's language. */
  plural(count: number, options?: Intl.PluralRulesOptions): Intl.LDMLPluralRule {
    return intl(Intl.PluralRules, this.lang, options).select(count);
  }

  /**
   * "just now", "3 minutes ago", "yesterday", "last week", "in 2 hours": the largest unit that
   * reads naturally, with words instead of numbers where the language has them.
   */
  relativeTime(date: Date | string | number, now: Date | number = Date.now()): string {
    const from = new Date(now).getTime();
    const parts = relativeParts(new Date(date).getTime() - from, from);
    if (parts === null) return this.term('time.just-now');
    return intl(Intl.RelativeTimeFormat, this.lang, { numeric: 'auto' }).format(parts.value, parts.unit);
  }

  /** The exact date and time, by default "27 Nov 2026, 10:00" in the reader's time zone. */
  dateTime(date: Date | string | number, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }): string {
    return intl(Intl.DateTimeFormat, this.lang, options).format(new Date(date));
  }

  /** A specific, localised message for an adapter failure; a generic one for anything else. */
  errorMessage(error: unknown): string {
    if (!AdapterError.is(error)) return this.term('error.unknown');
    if (error.code === 'rate-limited' && error.retryAfter !== undefined && error.retryAfter > 0) {
      const seconds = Math.ceil(error.retryAfter);
      return seconds < 60
        ? this.term('error.rate-limited-seconds', { count: seconds })
        : this.term('error.rate-limited-minutes', { count: Math.ceil(seconds / 60) });
    }
    return this.term(`error.${error.code}`);
  }

  #resolveLang(): string {
    return this.#host.effectiveLang ?? inheritedLang(this.#host) ?? canonicalLang($config.get().lang) ?? 'en';
  }

  #pluralForm(message: Exclude<Message, string>, count: string | number | undefined): string {
    if (typeof count !== 'number') return message.other;
    // An exact 0 may have its own wording ("no replies") even where CLDR files it under `other`.
    if (count === 0 && message.zero !== undefined) return message.zero;
    return message[this.plural(count)] ?? message.other;
  }

  #refreshIfChanged(): void {
    if (this.#resolveLang() !== this.#lang) this.#host.requestUpdate();
  }
}
