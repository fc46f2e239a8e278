import { css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { PleinElement } from '../../src/core/plein-element.js';
import { tokens } from '../../src/styles/tokens.js';

/** Every token the token sheet resolves, in source order: the list cannot go stale. */
export const tokenNames: readonly string[] = [...new Set(tokens.cssText.match(/(?<=var\()--plein-[\w-]+(?=,)/g) ?? [])];

/** The private variable the element's styles read: the page's value, else the theme's default. */
const resolved = (name: string) => name.replace('--plein-', '--_');

function sample(name: string) {
  const value = `var(${resolved(name)})`;
  if (name.startsWith('--plein-color-')) return html`<span class="swatch" style="background: ${value}"></span>`;
  if (name.startsWith('--plein-shadow-')) return html`<span class="swatch" style="box-shadow: ${value}"></span>`;
  if (name.startsWith('--plein-radius-')) return html`<span class="swatch outline" style="border-radius: ${value}"></span>`;
  if (name.startsWith('--plein-space-')) return html`<span class="bar" style="inline-size: ${value}"></span>`;
  if (name.startsWith('--plein-font-size-')) return html`<span style="font-size: ${value}">Aa</span>`;
  if (name.startsWith('--plein-font-weight-')) return html`<span style="font-weight: ${value}">Aa</span>`;
  return null;
}

/** A story-only table of every design token with its value in this element's theme. */
export class PleinStoryTokenTable extends PleinElement {
  static override styles = [
    PleinElement.styles,
    css`
      .base {
        padding: var(--_space-m);
        background: var(--_color-surface);
        color: var(--_color-text);
        border-radius: var(--_radius-m);
      }
      table {
        border-collapse: collapse;
        font-size: var(--_font-size-s);
      }
      caption {
        text-align: start;
        font-weight: var(--_font-weight-strong);
        padding-block-end: var(--_space-xs);
      }
      th,
      td {
        text-align: start;
        padding: var(--_space-2xs) var(--_space-s);
        border-block-end: 1px solid var(--_color-border);
      }
      code {
        font-family: var(--_font-family-mono);
      }
      .swatch {
        display: inline-block;
        inline-size: 2.5em;
        block-size: 1.5em;
        vertical-align: middle;
        border: 1px solid var(--_color-border-strong);
        border-radius: var(--_radius-s);
      }
      .outline {
        background: var(--_color-surface-alt);
      }
      .bar {
        display: inline-block;
        block-size: 0.75em;
        background: var(--_color-accent);
      }
    `,
  ];

  /** Caption of the table. */
  @property() heading = 'Tokens';

  protected override render() {
    const computed = this.isConnected ? getComputedStyle(this) : null;
    return html`<div part="base" class="base">
      <table>
        <caption>${this.heading}</caption>
        <thead>
          <tr><th scope="col">Token</th><th scope="col">Sample</th><th scope="col">Value</th></tr>
        </thead>
        <tbody>
          ${tokenNames.map(
            (name) => html`<tr>
              <th scope="row"><code>${name}</code></th>
              <td>${sample(name)}</td>
              <td><code>${computed?.getPropertyValue(resolved(name)).trim() ?? ''}</code></td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}

PleinStoryTokenTable.define('plein-story-token-table');

declare global {
  interface HTMLElementTagNameMap {
    'plein-story-token-table': PleinStoryTokenTable;
  }
}
