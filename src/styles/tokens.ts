import { css } from 'lit';

/**
 * Design tokens, light and dark. Every foreground colour meets WCAG AA on `surface`,
 * `surface-alt` and its own `*-subtle` background (4.5:1 for text; `border-strong` and `focus`
 * 3:1 for control edges). Sizes are in `em` so a widget takes its scale from the text around it,
 * and pages that shrink the root font (`html { font-size: 62.5% }`) do not shrink it.
 *
 * A page sets a token on the element or on any ancestor (`:root`, a wrapper, `<plein-provider>`).
 * The host never declares the public names, since its own declaration would beat whatever it
 * inherits: it resolves each into a private `--_*` variable, the page's value first and the
 * theme's default where the page set none, and the styles read the private ones.
 *
 * `--plein-font-family` has no default: `font-family: var(--plein-font-family)` is then invalid at
 * computed-value time and falls back to inheriting the page's font, so widgets look native until
 * a designer sets the token. Nor has `--plein-color-accent-hover`: unset, a primary button's hover
 * follows whichever accent the button is drawn on (host.ts).
 *
 * The dark defaults apply when the element's effective theme is dark (`:state(dark)`). A token
 * the page sets holds in both themes; for one theme only, set it on the element:
 * `plein-comments:state(dark) { --plein-color-accent: … }`.
 *
 * Two full sets rather than one `light-dark(light, dark)` per colour: gzip already shares the
 * repeated names, and each default stays a plain value for anything that reads it.
 *
 * What each token styles, for the README's table (`scripts/readme-api.mjs` writes it from this
 * list and the defaults below, and fails when a token has no line here):
 *
 * - `--plein-color-surface`: background of the widgets, their fields, buttons and dialogs
 * - `--plein-color-surface-alt`: background of notices, code, held comments and empty bar tracks
 * - `--plein-color-text`: text, and the text of fields and buttons
 * - `--plein-color-muted`: secondary text: times, hints, counts, placeholders
 * - `--plein-color-border`: hairlines: thread lines, the poll's frame, reaction outlines
 * - `--plein-color-border-strong`: edges of fields and buttons, quotes (3:1 on the surfaces)
 * - `--plein-color-accent`: primary buttons, links, selected options, result bars; the default of each `--plein-<component>-accent`
 * - `--plein-color-accent-hover`: a primary button under the pointer; unset, its accent a fifth of the way to black under a light label, to white under a dark one
 * - `--plein-color-accent-contrast`: text on the accent (primary buttons, "3 new comments"); at least 4.5:1 on `accent` and `accent-hover`
 * - `--plein-color-accent-subtle`: background of selected options, the viewer's reactions, the permalinked comment, role chips
 * - `--plein-color-danger`: errors, an over-long text's count, the delete button
 * - `--plein-color-danger-contrast`: text on the danger colour (Delete)
 * - `--plein-color-danger-subtle`: background of error notices and the "hidden" badge
 * - `--plein-color-success`: a quiz's right answer, a runoff's winner
 * - `--plein-color-success-subtle`: background of a runoff's winner
 * - `--plein-color-warning`: the "pending" badge, rate-limit and moderation notices, the demo note
 * - `--plein-color-warning-subtle`: background of those
 * - `--plein-color-focus`: the keyboard focus ring
 * - `--plein-shadow-popup`: shadow of popups, dialogs and the "new comments" button
 * - `--plein-font-family`: the widgets' font; unset, the page's
 * - `--plein-font-family-mono`: code in comments
 * - `--plein-font-size-xs`: smallest text
 * - `--plein-font-size-s`: small text: buttons, meta lines, hints, chips, result values
 * - `--plein-font-size-m`: text at the widget's own size
 * - `--plein-font-size-l`: the comment count, the poll's question
 * - `--plein-font-size-xl`: largest text
 * - `--plein-font-weight-normal`: regular text
 * - `--plein-font-weight-strong`: names, labels, primary buttons, the leading option
 * - `--plein-line-height`: line height of text
 * - `--plein-line-height-tight`: line height of headings and notes
 * - `--plein-space-3xs`: the spacing scale, smallest
 * - `--plein-space-2xs`: gaps inside rows, padding of buttons
 * - `--plein-space-xs`: gaps between controls, padding of fields
 * - `--plein-space-s`: gaps between a widget's parts
 * - `--plein-space-m`: padding of the widgets, gaps between comments
 * - `--plein-space-l`: room around an empty or loading state
 * - `--plein-space-xl`: the spacing scale, larger
 * - `--plein-space-2xl`: room kept above a comment scrolled into view
 * - `--plein-radius-s`: corners of buttons, fields and notices
 * - `--plein-radius-m`: corners of the widgets, popups and dialogs
 * - `--plein-radius-l`: larger corners
 * - `--plein-radius-full`: pills: chips, reactions, avatars, bars
 * - `--plein-focus-ring-width`: width of the focus ring
 * - `--plein-focus-ring-offset`: gap between a control and its focus ring
 * - `--plein-duration-fast`: short transitions (0ms for readers who prefer reduced motion)
 * - `--plein-duration-slow`: longer transitions such as a result bar growing (0ms for readers who prefer reduced motion)
 */
export const tokens = css`
  :host {
    color-scheme: light;

    --_color-surface: var(--plein-color-surface, #ffffff);
    --_color-surface-alt: var(--plein-color-surface-alt, #f4f5f7);
    --_color-text: var(--plein-color-text, #1c2024);
    --_color-muted: var(--plein-color-muted, #5b6470);
    --_color-border: var(--plein-color-border, #d4d9df);
    --_color-border-strong: var(--plein-color-border-strong, #7d8793);
    --_color-accent: var(--plein-color-accent, #0b5cd5);
    --_color-accent-contrast: var(--plein-color-accent-contrast, #ffffff);
    --_color-accent-subtle: var(--plein-color-accent-subtle, #e8f0fc);
    --_color-danger: var(--plein-color-danger, #c42b1c);
    --_color-danger-contrast: var(--plein-color-danger-contrast, #ffffff);
    --_color-danger-subtle: var(--plein-color-danger-subtle, #fcebe9);
    --_color-success: var(--plein-color-success, #177334);
    --_color-success-subtle: var(--plein-color-success-subtle, #e6f4ea);
    --_color-warning: var(--plein-color-warning, #8a5a00);
    --_color-warning-subtle: var(--plein-color-warning-subtle, #fdf3dc);
    --_color-focus: var(--plein-color-focus, #0b5cd5);
    --_shadow-popup: var(--plein-shadow-popup, 0 0.25em 1em rgb(0 0 0 / 0.16), 0 0 0 1px rgb(0 0 0 / 0.06));

    --_font-family-mono: var(--plein-font-family-mono, ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'Liberation Mono', monospace);
    --_font-size-xs: var(--plein-font-size-xs, 0.75em);
    --_font-size-s: var(--plein-font-size-s, 0.875em);
    --_font-size-m: var(--plein-font-size-m, 1em);
    --_font-size-l: var(--plein-font-size-l, 1.25em);
    --_font-size-xl: var(--plein-font-size-xl, 1.5em);
    --_font-weight-normal: var(--plein-font-weight-normal, 400);
    --_font-weight-strong: var(--plein-font-weight-strong, 600);
    --_line-height: var(--plein-line-height, 1.5);
    --_line-height-tight: var(--plein-line-height-tight, 1.25);

    --_space-3xs: var(--plein-space-3xs, 0.125em);
    --_space-2xs: var(--plein-space-2xs, 0.25em);
    --_space-xs: var(--plein-space-xs, 0.5em);
    --_space-s: var(--plein-space-s, 0.75em);
    --_space-m: var(--plein-space-m, 1em);
    --_space-l: var(--plein-space-l, 1.5em);
    --_space-xl: var(--plein-space-xl, 2em);
    --_space-2xl: var(--plein-space-2xl, 3em);

    --_radius-s: var(--plein-radius-s, 0.25em);
    --_radius-m: var(--plein-radius-m, 0.5em);
    --_radius-l: var(--plein-radius-l, 0.75em);
    --_radius-full: var(--plein-radius-full, 9999px);

    --_focus-ring-width: var(--plein-focus-ring-width, 2px);
    --_focus-ring-offset: var(--plein-focus-ring-offset, 2px);
    --_duration-fast: var(--plein-duration-fast, 120ms);
    --_duration-slow: var(--plein-duration-slow, 240ms);
  }

  :host(:state(dark)) {
    color-scheme: dark;

    --_color-surface: var(--plein-color-surface, #17191c);
    --_color-surface-alt: var(--plein-color-surface-alt, #212429);
    --_color-text: var(--plein-color-text, #e8eaed);
    --_color-muted: var(--plein-color-muted, #a3abb5);
    --_color-border: var(--plein-color-border, #3a3f46);
    --_color-border-strong: var(--plein-color-border-strong, #7c8591);
    --_color-accent: var(--plein-color-accent, #6ab0ff);
    --_color-accent-contrast: var(--plein-color-accent-contrast, #0b1a2e);
    --_color-accent-subtle: var(--plein-color-accent-subtle, #15283f);
    --_color-danger: var(--plein-color-danger, #ff8a80);
    --_color-danger-contrast: var(--plein-color-danger-contrast, #17191c);
    --_color-danger-subtle: var(--plein-color-danger-subtle, #3a1d1b);
    --_color-success: var(--plein-color-success, #5fd07a);
    --_color-success-subtle: var(--plein-color-success-subtle, #15301d);
    --_color-warning: var(--plein-color-warning, #f0b848);
    --_color-warning-subtle: var(--plein-color-warning-subtle, #33280f);
    --_color-focus: var(--plein-color-focus, #8cc2ff);
    --_shadow-popup: var(--plein-shadow-popup, 0 0.25em 1em rgb(0 0 0 / 0.5), 0 0 0 1px rgb(255 255 255 / 0.08));
  }

  @media (prefers-reduced-motion: reduce) {
    :host {
      --_duration-fast: 0ms;
      --_duration-slow: 0ms;
    }
  }
`;
