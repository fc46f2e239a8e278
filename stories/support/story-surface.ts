import { css, html } from 'lit';
import { PleinElement } from '../../src/core/plein-element.js';

/**
 * A painted background for stories. Plein's tokens live on each element's `:host`, so a plain
 * wrapper cannot paint the dark surface; this element can, and follows the theme of the provider
 * around it like any Plein element.
 */
export class PleinStorySurface extends PleinElement {
  static override styles = [
    PleinElement.styles,
    css`
      .base {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--_space-m);
        padding: var(--_space-l);
        background: var(--_color-surface);
        color: var(--_color-text);
        border-radius: var(--_radius-m);
      }

      /* One column that does not wrap: a wrapping column sizes its items by their content's width,
         which a widget that is a size container (comments) does not have. */
      :host([stack]) .base {
        flex-direction: column;
        flex-wrap: nowrap;
        align-items: stretch;
      }
    `,
  ];

  protected override render() {
    return html`<div part="base" class="base"><slot></slot></div>`;
  }
}

PleinStorySurface.define('plein-story-surface');

declare global {
  interface HTMLElementTagNameMap {
    'plein-story-surface': PleinStorySurface;
  }
}
