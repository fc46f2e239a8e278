import { css } from 'lit';

/**
 * Design tokens, light and dark. Every foreground colour meets WCAG AA on `surface`,
 * `surface-alt` and its own `*-subtle` background (4.5:1 for text; `border-strong` and `focus`
 * 3:1 for control edges). Sizes are in `em` so a widget takes its scale from the text around it,
 * and pages that shrink the root font (`html { font-size: 62.5% }`) do not shrink it.
 *
 * `--plein-font-family` is deliberately not set: `font-family: var(--plein-font-family)` is then
 * invalid at computed-value time and falls back to inheriting the page's font, so widgets look
 * native until a designer sets the token.
 *
 * The dark set applies when the element's effective theme is dark (`:state(dark)`); override a
 * token for one theme from the page with `plein-comments:state(dark) { --plein-color-accent: … }`.
 *
 * Two full sets rather than one `light-dark(light, dark)` per colour: gzip already shares the
 * repeated names, so the single set saved about 30 bytes, and it would leave each token's value
 * unresolved (`light-dark(#fff, #17191c)`) for anything that reads it with `getPropertyValue`.
 */
export const tokens = css`
  :host {
    color-scheme: light;

    --plein-color-surface: #ffffff;
    --plein-color-surface-alt: #f4f5f7;
    --plein-color-text: #1c2024;
    --plein-color-muted: #5b6470;
    --plein-color-border: #d4d9df;
    --plein-color-border-strong: #7d8793;
    --plein-color-accent: #0b5cd5;
    --plein-color-accent-hover: #094bb0;
    --plein-color-accent-contrast: #ffffff;
    --plein-color-accent-subtle: #e8f0fc;
    --plein-color-danger: #c42b1c;
    --plein-color-danger-contrast: #ffffff;
    --plein-color-danger-subtle: #fcebe9;
    --plein-color-success: #177334;
    --plein-color-success-subtle: #e6f4ea;
    --plein-color-warning: #8a5a00;
    --plein-color-warning-subtle: #fdf3dc;
    --plein-color-focus: #0b5cd5;
    --plein-shadow-popup: 0 0.25em 1em rgb(0 0 0 / 0.16), 0 0 0 1px rgb(0 0 0 / 0.06);

    --plein-font-family-mono: ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'Liberation Mono', monospace;
    --plein-font-size-xs: 0.75em;
    --plein-font-size-s: 0.875em;
    --plein-font-size-m: 1em;
    --plein-font-size-l: 1.25em;
    --plein-font-size-xl: 1.5em;
    --plein-font-weight-normal: 400;
    --plein-font-weight-strong: 600;
    --plein-line-height: 1.5;
    --plein-line-height-tight: 1.25;

    --plein-space-3xs: 0.125em;
    --plein-space-2xs: 0.25em;
    --plein-space-xs: 0.5em;
    --plein-space-s: 0.75em;
    --plein-space-m: 1em;
    --plein-space-l: 1.5em;
    --plein-space-xl: 2em;
    --plein-space-2xl: 3em;

    --plein-radius-s: 0.25em;
    --plein-radius-m: 0.5em;
    --plein-radius-l: 0.75em;
    --plein-radius-full: 9999px;

    --plein-focus-ring-width: 2px;
    --plein-focus-ring-offset: 2px;
    --plein-duration-fast: 120ms;
    --plein-duration-slow: 240ms;
  }

  :host(:state(dark)) {
    color-scheme: dark;

    --plein-color-surface: #17191c;
    --plein-color-surface-alt: #212429;
    --plein-color-text: #e8eaed;
    --plein-color-muted: #a3abb5;
    --plein-color-border: #3a3f46;
    --plein-color-border-strong: #7c8591;
    --plein-color-accent: #6ab0ff;
    --plein-color-accent-hover: #8cc2ff;
    --plein-color-accent-contrast: #0b1a2e;
    --plein-color-accent-subtle: #15283f;
    --plein-color-danger: #ff8a80;
    --plein-color-danger-contrast: #17191c;
    --plein-color-danger-subtle: #3a1d1b;
    --plein-color-success: #5fd07a;
    --plein-color-success-subtle: #15301d;
    --plein-color-warning: #f0b848;
    --plein-color-warning-subtle: #33280f;
    --plein-color-focus: #8cc2ff;
    --plein-shadow-popup: 0 0.25em 1em rgb(0 0 0 / 0.5), 0 0 0 1px rgb(255 255 255 / 0.08);
  }

  @media (prefers-reduced-motion: reduce) {
    :host {
      --plein-duration-fast: 0ms;
      --plein-duration-slow: 0ms;
    }
  }
`;
