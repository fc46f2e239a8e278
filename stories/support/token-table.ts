import { css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { PleinElement } from '../../src/core/plein-element.js';
import { tokens } from '../../src/styles/tokens.js';

/** Every custom property the token sheet declares, in source order: the list cannot go stale. */
export const tokenNames: readonly string[] = [...new Set(tokens.cssText.match(/--plein-[\w-]+(?=\s*:)/g) ?? [])];

function sample(name: string) {
  const value = `var(${name})`;
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
        padding: var(--plein-space-m);
        background: var(--plein-color-surface);
        color: var(--plein-color-text);
        border-radius: var(--plein-radius-m);
      }
      table {
        border-collapse: collapse;
        font-size: var(--plein-font-size-s);
      }
      caption {
        text-align: start;
        font-weight: var(--plein-font-weight-strong);
        padding-block-end: var(--plein-space-xs);
      }
      th,
      td {
        text-align: start;
        padding: var(--plein-space-2xs) var(--plein-space-s);
        border-block-end: 1px solid var(--plein-color-border);
      }
      code {
        font-family: var(--plein-font-family-mono);
      }
      .swatch {
        display: inline-block;
        inline-size: 2.5em;
        block-size: 1.5em;
        vertical-align: middle;
        border: 1px solid var(--plein-color-border-strong);
        border-radius: var(--plein-radius-s);
      }
      .outline {
        background: var(--plein-color-surface-alt);
      }
      .bar {
        display: inline-block;
        block-size: 0.75em;
        background: var(--plein-color-accent);
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
              <td><code>${computed?.getPropertyValue(name).trim() ?? ''}</code></td>
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
