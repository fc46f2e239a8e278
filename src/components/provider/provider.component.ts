import { html, type CSSResultGroup, type PropertyDeclarations, type TemplateResult } from 'lit';
import { ContextProvider } from '@lit/context';
import type { PleinAdapter } from '../../adapters/contract.js';
import { adapterContext, scopeContext, type PleinScope } from '../../core/context.js';
import { PleinElement } from '../../core/plein-element.js';
import { providerStyles } from './provider.styles.js';

/**
 * @summary Gives every Plein element inside it an adapter, and optionally a language and theme,
 * different from the page-wide `configure()`: two backends on one page, or a Dutch, dark sidebar.
 *
 * @tag plein-provider
 * @slot - The content whose Plein elements use this provider's settings.
 *
 * What is not set falls through to an outer provider, then to `configure()`. `lang` is reflected to
 * the attribute so assistive technology reads the subtree in that language too. The provider draws
 * nothing itself (`display: contents`).
 */
export class PleinProvider extends PleinElement {
  static override styles: CSSResultGroup = providerStyles;

  // No language is no attribute: `lang=""` would tell screen readers the content's language is unknown.
  static override properties: PropertyDeclarations = { lang: { reflect: true, converter: { toAttribute: (value: string) => value || null } } };

  /** The language of the subtree; reflected, so the page and screen readers see it. */
  override lang = '';

  // Plain (not #private) fields: the base constructor may call the adapter setter before they exist.
  private readonly adapterProvider: ContextProvider<typeof adapterContext> | undefined = new ContextProvider(this, {
    context: adapterContext,
  });
  private readonly scopeProvider: ContextProvider<typeof scopeContext> | undefined = new ContextProvider(this, {
    context: scopeContext,
  });

  constructor() {
    super();
    this.publish();
  }

  /**
   * The adapter for the subtree, as a property (adapters are objects, not attribute text).
   * Reading it gives the adapter in effect here, which may come from an outer provider or `configure()`.
   */
  override get adapter(): PleinAdapter | null {
    return super.adapter;
  }

  override set adapter(value: PleinAdapter | null | undefined) {
    super.adapter = value;
    // At once, not at the next render: elements inside must not start on the page-wide adapter.
    this.publish();
  }

  override connectedCallback(): void {
    this.publish();
    super.connectedCallback();
  }

  // Also before every render, which follows any change of lang, theme or an outer provider, so
  // nested providers inherit what they do not set themselves.
  protected override willUpdate(): void {
    this.publish();
  }

  private publish(): void {
    this.adapterProvider?.setValue(this.scopedAdapter);
    const scope: PleinScope = {
      lang: this.lang || this.scope?.lang,
      theme: this.theme ?? this.scope?.theme,
    };
    const current = this.scopeProvider?.value;
    if (current?.lang !== scope.lang || current?.theme !== scope.theme) this.scopeProvider?.setValue(scope);
  }

  protected override render(): TemplateResult {
    return html`<slot></slot>`;
  }
}
