import { LitElement, type CSSResultGroup, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { PleinAdapter } from '../adapters/contract.js';
import { hostStyles } from '../styles/host.js';
import { srOnlyStyles } from '../styles/utility.js';
import { tokens } from '../styles/tokens.js';
import { loadTranslation } from '../i18n/registry.js';
import { $config, isTheme, type Theme } from './config.js';
import { adapterContext, scopeContext, type PleinScope } from './context.js';
import { canonicalLang, composedParent, darkQuery, declaredScheme, inheritedLang, resolveDir } from './environment.js';
import { announcePageChange, observePage } from './page-observer.js';

/** Subclasses of `PleinElement` that `define()` registered under a second tag. */
const aliases = new WeakSet<CustomElementConstructor>();

function aliasOf(base: typeof PleinElement): CustomElementConstructor {
  const alias = class extends base {};
  aliases.add(alias);
  return alias;
}

type Answer = (value: unknown, unsubscribe?: () => void) => void;

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
 * @attr {'ltr' | 'rtl'} dir - The widget's direction, which wins over the page's, followed live; unset, the nearest `dir` or `lang` around it decides.
 * @cssstate dark - The effective theme is dark (the dark token set applies).
 * @cssstate light - The effective theme is light.
 * @cssstate rtl - The effective direction is right-to-left.
 * @cssstate ltr - The effective direction is left-to-right.
 */
export class PleinElement extends LitElement {
  static override styles: CSSResultGroup = [hostStyles, srOnlyStyles, tokens];

  // Declared here rather than with decorators: each decorated field costs bytes on every page, and
  // Lit merges a subclass's own `static properties` with these.
  static override properties: PropertyDeclarations = {
    lang: {},
    theme: {},
    readonly: { type: Boolean, reflect: true },
  };

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
    try {
      customElements.define(tag, this);
    } catch (error) {
      // The registry accepts a constructor only once; a second tag for the same class gets a subclass.
      if ((error as DOMException).name !== 'NotSupportedError') throw error;
      customElements.define(tag, aliasOf(this));
    }
  }

  /** The widget's language (BCP 47). Unset, it follows the page; see `effectiveLang`. */
  override lang = '';

  /** `light`, `dark` or `auto`. Unset, it follows the provider, then `configure()`, then `auto`. */
  theme: Theme | undefined;

  /** Shows content but offers no way to post, vote or change anything. */
  readonly = false;

  /** For subclasses that need form association or ARIA defaults; custom states live here too. */
  protected readonly internals: ElementInternals = this.attachInternals();

  #ownAdapter: PleinAdapter | undefined;
  #contextAdapter: PleinAdapter | undefined;
  #scope: PleinScope | undefined;
  /** What `auto` resolves to here; reading computed styles on every render would force style recalcs. */
  #autoTheme: 'light' | 'dark' | undefined;
  #theme: string | undefined;
  #environment = '';
  #stopListening: (() => void)[] = [];
  /**
   * The contexts this element asks its nearest `<plein-provider>` for (the protocol `@lit/context`
   * speaks), each with the one callback the provider keeps calling while subscribed.
   */
  readonly #requests = new Map<unknown, Answer>([
    [adapterContext, this.#answer(adapterContext, (adapter) => (this.#contextAdapter = adapter as PleinAdapter | undefined))],
    [
      scopeContext,
      this.#answer(scopeContext, (scope) => {
        this.#scope = scope as PleinScope | undefined;
        this.#syncEnvironment(true);
      }),
    ],
  ]);
  /** How to leave each provider that answered since the element connected. */
  readonly #answered = new Map<unknown, () => void>();

  constructor() {
    super();
    // A value assigned before the class was defined sits on the instance and would hide the accessor.
    if (Object.hasOwn(this, 'adapter')) {
      const { adapter } = this;
      delete (this as { adapter?: unknown }).adapter;
      this.adapter = adapter;
    }
  }

  /**
   * Waits for the core strings of the element's language when they are still on their way (their
   * own chunk), so a Dutch page never shows the widget in English first.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const pending = loadTranslation(this.effectiveLang);
    return pending ? pending.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  override connectedCallback(): void {
    // Before the controllers connect, so a store opens on the provider's adapter, not the page's.
    for (const context of this.#requests.keys()) this.#ask(context);
    // A provider defined after this element connected (the script-tag loader imports each tag's
    // chunk in any order) announces itself with `context-provider`; a request nobody answered yet
    // is then sent again, so the element still joins that provider's subtree.
    const document = this.ownerDocument;
    const askAgain = (event: Event): void => this.#ask((event as Event & { context?: unknown }).context);
    document.addEventListener('context-provider', askAgain);
    this.#stopListening.push(
      () => document.removeEventListener('context-provider', askAgain),
      observePage(() => this.#syncEnvironment(true), this),
      $config.listen(() => {
        this.#syncEnvironment(true);
        this.requestUpdate();
      }),
    );
    this.#syncEnvironment(true);
    super.connectedCallback();
  }

  /** `dir` is the platform's attribute, not a reactive property: its changes are watched here. */
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'dir'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'dir') this.#syncEnvironment(false);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const stop of [...this.#stopListening.splice(0), ...this.#answered.values()]) stop();
    // The requests go out again on reconnect; until then this element belongs to no provider.
    this.#answered.clear();
    this.#contextAdapter = this.#scope = undefined;
  }

  protected override update(changed: PropertyValues): void {
    this.#syncEnvironment(false);
    super.update(changed);
  }

  /** The adapter in effect: own property, else the nearest provider's, else `configure()`'s. */
  get adapter(): PleinAdapter | null {
    return this.scopedAdapter ?? $config.get().adapter ?? null;
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
    return requested !== 'auto'
      ? requested
      : (this.#autoTheme ??= declaredScheme(this) ?? (darkQuery()?.matches ? 'dark' : 'light'));
  }

  /** Sets or clears a custom state, styleable from the page as `plein-x:state(name)`. */
  protected setCustomState(name: string, on: boolean): void {
    const states = this.internals.states;
    const change = on ? 'add' : 'delete';
    try {
      states[change](name);
    } catch {
      // Chromium before 125 accepted only the dashed form (`:--name`).
      states[change](`--${name}`);
    }
  }

  #configLang(): string {
    return canonicalLang($config.get().lang) ?? 'en';
  }

  #answer(context: unknown, take: (value: unknown) => void): Answer {
    return (value, unsubscribe = () => {}) => {
      // A new provider took over (the element moved, or one was added in between): leave the old one.
      const previous = this.#answered.get(context);
      if (previous !== unsubscribe) previous?.();
      this.#answered.set(context, unsubscribe);
      take(value);
      this.requestUpdate();
    };
  }

  /** Asks the nearest provider for `context`, unless one already answered. */
  #ask(context: unknown): void {
    const callback = this.#requests.get(context);
    if (callback && !this.#answered.has(context)) {
      const request = new Event('context-request', { bubbles: true, composed: true });
      this.dispatchEvent(Object.assign(request, { context, contextTarget: this, callback, subscribe: true }));
    }
  }

  /**
   * Updates the custom states and re-renders when language, direction or theme changed.
   * `remeasure` re-reads the page's colour scheme (after a page, scope or configuration change).
   */
  #syncEnvironment(remeasure: boolean): void {
    if (remeasure) this.#autoTheme = undefined;
    const theme = this.effectiveTheme;
    const dir = this.dir;
    for (const state of ['dark', 'light', 'rtl', 'ltr']) this.setCustomState(state, state === theme || state === dir);
    // Plein elements inside this one's shadow root that are `auto` take their scheme from it.
    if (this.#theme && this.#theme !== theme) announcePageChange();
    this.#theme = theme;
    const environment = `${this.effectiveLang} ${dir} ${theme}`;
    if (environment !== this.#environment) {
      this.#environment = environment;
      this.requestUpdate();
    }
  }
}
