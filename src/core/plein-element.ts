import { LitElement, type CSSResultGroup } from 'lit';
// By file rather than through `lit/decorators.js`: the script-tag build's core chunk takes in
// whatever its modules import, and the barrel would bring every decorator.
import { property } from 'lit/decorators/property.js';
import { ContextConsumer } from '@lit/context';
import type { PleinAdapter } from '../adapters/contract.js';
import { hostStyles } from '../styles/host.js';
import { srOnlyStyles } from '../styles/utility.js';
import { tokens } from '../styles/tokens.js';
import { loadTranslation } from '../i18n/registry.js';
import { $config, isTheme, type Theme } from './config.js';
import { adapterContext, scopeContext, type PleinScope } from './context.js';
import { canonicalLang, composedParent, declaredScheme, inheritedLang, prefersDark, resolveDir } from './environment.js';
import { announcePageChange, observePage } from './page-observer.js';

/** Subclasses of `PleinElement` that `define()` registered under a second tag. */
const aliases = new WeakSet<CustomElementConstructor>();

function aliasOf(base: typeof PleinElement): CustomElementConstructor {
  const alias = class extends base {};
  aliases.add(alias);
  return alias;
}

/**
 * The base of every Plein element: language, direction and theme that follow the page live, the
 * adapter from the nearest `<plein-provider>` or `configure()`, and safe tag definition.
 *
 * Precedence, most specific first:
 * - language: own `lang` → nearest ancestor `[lang]` (crossing shadow roots, so `<html lang>` too)
 *   → `configure({ lang })` → `en`;
 * - direction: the nearest element (itself first) with `dir` or `lang` decides, by its `dir` or else
 *   by its language's script (ar, he, fa, ur… are rtl);
 * - theme: own `theme` → the provider's `theme` → `configure({ theme })` → `auto`; `auto` takes a
 *   scheme the page declares as its only one (`color-scheme`, `<meta name="color-scheme">`), else
 *   `prefers-color-scheme`;
 * - adapter: own `adapter` property → nearest `<plein-provider>` → `configure({ adapter })`.
 *
 * Subclasses include the base styles: `static styles = [PleinElement.styles, componentStyles]`.
 *
 * @cssstate dark - The effective theme is dark (the dark token set applies).
 * @cssstate light - The effective theme is light.
 * @cssstate rtl - The effective direction is right-to-left.
 * @cssstate ltr - The effective direction is left-to-right.
 */
export class PleinElement extends LitElement {
  static override styles: CSSResultGroup = [hostStyles, srOnlyStyles, tokens];

  /**
   * Registers the class as `tag`. Safe to call again, and safe when a second copy of Plein on the
   * page already defined the tag: the first definition stays (with a console warning when it is a
   * different class), nothing throws.
   */
  static define(tag: string): void {
    const existing = customElements.get(tag);
    if (existing) {
      const ours = existing === this || (aliases.has(existing) && Object.getPrototypeOf(existing) === this);
      if (!ours) console.warn(`plein: <${tag}> is already defined by another class (two copies of Plein?); keeping it.`);
      return;
    }
    // The registry accepts a constructor only once; a second tag for the same class gets a subclass.
    const constructor = customElements.getName?.(this) ? aliasOf(this) : this;
    try {
      customElements.define(tag, constructor);
    } catch (error) {
      // Browsers without `getName()` only report a reused constructor here.
      if (constructor !== this || (error as DOMException).name !== 'NotSupportedError') throw error;
      customElements.define(tag, aliasOf(this));
    }
  }

  /** The widget's language (BCP 47). Unset, it follows the page; see `effectiveLang`. */
  @property() override lang = '';

  /** `light`, `dark` or `auto`. Unset, it follows the provider, then `configure()`, then `auto`. */
  @property() theme: Theme | undefined;

  /** Shows content but offers no way to post, vote or change anything. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  /** For subclasses that need form association or ARIA defaults; custom states live here too. */
  protected readonly internals: ElementInternals;

  #ownAdapter: PleinAdapter | undefined;
  #contextAdapter: PleinAdapter | undefined;
  #scope: PleinScope | undefined;
  /** What `auto` resolves to here; reading computed styles on every render would force style recalcs. */
  #autoTheme: 'light' | 'dark' | undefined;
  #theme: 'light' | 'dark' | undefined;
  #environment = '';
  #stopListening: (() => void)[] = [];
  readonly #consumers: ReadonlyMap<unknown, { hostConnected(): void }>;
  /** The contexts a provider answered since the element connected. */
  readonly #answered = new Set<unknown>();

  constructor() {
    super();
    this.internals = this.attachInternals();
    const adapterConsumer = new ContextConsumer(this, {
      context: adapterContext,
      subscribe: true,
      callback: (adapter) => {
        this.#answered.add(adapterContext);
        this.#contextAdapter = adapter;
        this.requestUpdate();
      },
    });
    const scopeConsumer = new ContextConsumer(this, {
      context: scopeContext,
      subscribe: true,
      callback: (scope) => {
        this.#answered.add(scopeContext);
        this.#scope = scope;
        this.#syncEnvironment(true);
        this.requestUpdate();
      },
    });
    this.#consumers = new Map<unknown, { hostConnected(): void }>([
      [adapterContext, adapterConsumer],
      [scopeContext, scopeConsumer],
    ]);
    this.addController({
      hostConnected: () => this.#listen(),
      hostDisconnected: () => this.#unlisten(),
      hostUpdate: () => this.#syncEnvironment(false),
    });
    this.#upgradeProperty('adapter');
  }

  /**
   * Waits for the core strings of the element's language when they are still on their way (their
   * own chunk), so a Dutch page never shows the widget in English first.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const pending = loadTranslation(this.effectiveLang);
    return pending ? pending.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /** The adapter in effect: own property, else the nearest provider's, else `configure()`'s. */
  get adapter(): PleinAdapter | null {
    return this.#ownAdapter ?? this.#contextAdapter ?? $config.get().adapter ?? null;
  }

  set adapter(value: PleinAdapter | null | undefined) {
    const old = this.adapter;
    this.#ownAdapter = value ?? undefined;
    this.requestUpdate('adapter', old);
  }

  /** The adapter without the `configure()` fallback, for providers passing it on to their subtree. */
  protected get scopedAdapter(): PleinAdapter | undefined {
    return this.#ownAdapter ?? this.#contextAdapter;
  }

  /** The provider's scope (its `lang`, `theme`), if any. */
  protected get scope(): PleinScope | undefined {
    return this.#scope;
  }

  get effectiveLang(): string {
    return canonicalLang(this.lang) ?? inheritedLang(composedParent(this)) ?? this.#configLang();
  }

  /** The effective direction. Setting it sets the `dir` attribute, which then wins. */
  override get dir(): 'ltr' | 'rtl' {
    return resolveDir(this, canonicalLang(this.lang), this.#configLang());
  }

  override set dir(value: string) {
    if (value) this.setAttribute('dir', value);
    else this.removeAttribute('dir');
  }

  /** The chosen theme before `auto` is resolved. */
  get requestedTheme(): Theme {
    return [this.theme, this.#scope?.theme, $config.get().theme].find(isTheme) ?? 'auto';
  }

  get effectiveTheme(): 'light' | 'dark' {
    const requested = this.requestedTheme;
    if (requested !== 'auto') return requested;
    this.#autoTheme ??= declaredScheme(this) ?? (prefersDark() ? 'dark' : 'light');
    return this.#autoTheme;
  }

  /** Sets or clears a custom state, styleable from the page as `plein-x:state(name)`. */
  protected setCustomState(name: string, on: boolean): void {
    const states = this.internals.states;
    try {
      if (on) states.add(name);
      else states.delete(name);
    } catch {
      // Chromium before 125 accepted only the dashed form (`:--name`).
      if (on) states.add(`--${name}`);
      else states.delete(`--${name}`);
    }
  }

  #configLang(): string {
    return canonicalLang($config.get().lang) ?? 'en';
  }

  #listen(): void {
    // A provider defined after this element connected (the script-tag loader imports each tag's
    // chunk in any order) announces itself with `context-provider`; a request nobody answered yet
    // is then sent again, so the element still joins that provider's subtree.
    const document = this.ownerDocument;
    const askAgain = (event: Event): void => {
      const { context } = event as Event & { context?: unknown };
      if (!this.#answered.has(context)) this.#consumers.get(context)?.hostConnected();
    };
    document.addEventListener('context-provider', askAgain);
    this.#stopListening.push(
      () => document.removeEventListener('context-provider', askAgain),
      observePage(() => this.#syncEnvironment(true)),
      $config.listen(() => {
        this.#syncEnvironment(true);
        this.requestUpdate();
      }),
    );
    this.#syncEnvironment(true);
  }

  #unlisten(): void {
    for (const stop of this.#stopListening.splice(0)) stop();
    // The context consumers ask again on reconnect; until then this element belongs to no provider.
    this.#answered.clear();
    this.#contextAdapter = undefined;
    this.#scope = undefined;
  }

  /**
   * Updates the custom states and re-renders when language, direction or theme changed.
   * `remeasure` re-reads the page's colour scheme (after a page, scope or configuration change).
   */
  #syncEnvironment(remeasure: boolean): void {
    if (remeasure) this.#autoTheme = undefined;
    const theme = this.effectiveTheme;
    const dir = this.dir;
    this.setCustomState('dark', theme === 'dark');
    this.setCustomState('light', theme === 'light');
    this.setCustomState('rtl', dir === 'rtl');
    this.setCustomState('ltr', dir === 'ltr');
    // Plein elements inside this one's shadow root that are `auto` take their scheme from it.
    if (this.#theme !== undefined && this.#theme !== theme) announcePageChange();
    this.#theme = theme;
    const environment = `${this.effectiveLang} ${dir} ${theme}`;
    if (environment === this.#environment) return;
    this.#environment = environment;
    this.requestUpdate();
  }

  /** A value assigned before the class was defined sits on the instance and would hide the accessor. */
  #upgradeProperty(name: 'adapter'): void {
    if (!Object.prototype.hasOwnProperty.call(this, name)) return;
    const value = this[name];
    delete (this as unknown as Record<string, unknown>)[name];
    this[name] = value;
  }
}
