import { css } from 'lit';

/**
 * What every Plein element's shadow root starts with. No box styles on `:host` (padding, border,
 * background): the page's resets reach `:host`, so those live on `part="base"`.
 */
export const hostStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    color: var(--_color-text);
    font-family: var(--plein-font-family);
    line-height: var(--_line-height);
  }

  /* The effective direction can differ from the page's (lang="ar" on an English page). */
  :host(:state(rtl)) {
    direction: rtl;
  }

  :host(:state(ltr)) {
    direction: ltr;
  }

  :host([hidden]),
  [hidden] {
    display: none !important;
  }

  /* The page's text properties inherit into the shadow root: each widget's box starts afresh (font
     and colour come from the tokens). */
  [part~='base'] {
    text-align: start;
    text-indent: 0;
    text-transform: none;
    letter-spacing: normal;
    word-spacing: normal;
    white-space: normal;
    word-break: normal;
    hyphens: manual;
    font-style: normal;
    font-variant: normal;
    text-shadow: none;
    cursor: auto;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  /* Both widgets draw primary buttons on the accent their base resolves (--_accent). Unless the
     page sets a hover colour, the hover moves the accent a fifth of the way away from its label's
     lightness (to black under a light label, to white under a dark one), so the label reads at
     least as well on any accent. Without relative colours that value would compute to nothing:
     a transparent button. */
  @supports (color: oklch(from red l c h)) {
    .button.primary:hover {
      background: var(--_accent-hover, color-mix(in oklab, var(--_accent) 80%, oklch(from var(--_accent-contrast) calc((0.5 - l) * 99) 0 0)));
    }
  }

  :focus-visible {
    outline: var(--_focus-ring-width) solid var(--_color-focus);
    outline-offset: var(--_focus-ring-offset);
  }

  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.01ms !important;
      scroll-behavior: auto !important;
    }
  }
`;
