import { css } from 'lit';

/**
 * Everything of `<plein-poll>` is in its shadow root. Logical properties throughout, so
 * right-to-left needs no overrides; the result bars grow from the inline start. Only what the
 * first view shows is here: the parts that load later bring their own styles.
 */
export const pollStyles = css`
  .base {
    --_accent: var(--plein-poll-accent, var(--_color-accent));
    --_accent-contrast: var(--plein-poll-accent-contrast, var(--_color-accent-contrast));
    --_accent-hover: var(--plein-poll-accent-hover, var(--plein-color-accent-hover));
    --_border: var(--plein-poll-border-color, var(--_color-border));
    --_gap: var(--plein-poll-gap, var(--_space-s));
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
    padding: var(--plein-poll-padding, var(--_space-m));
    background: var(--plein-poll-background, var(--_color-surface));
    color: var(--plein-poll-color, var(--_color-text));
    border: 1px solid var(--_border);
    border-radius: var(--plein-poll-radius, var(--_radius-m));
  }

  p,
  ul,
  h2,
  h3 {
    margin: 0;
  }

  .muted {
    color: var(--_color-muted);
  }

  .small {
    font-size: var(--_font-size-s);
  }

  .header {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2xs) var(--_space-m);
    font-size: var(--_font-size-s);
  }

  .chip {
    font-weight: var(--_font-weight-strong);
  }

  .form,
  .fieldset {
    display: flex;
    flex-direction: column;
    gap: var(--_space-xs);
  }

  .fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }

  .question {
    padding: 0;
    margin-block-end: var(--_space-2xs);
    font-size: var(--_font-size-l);
    font-weight: var(--_font-weight-strong);
    line-height: var(--_line-height-tight);
  }

  .options {
    display: flex;
    flex-direction: column;
    gap: var(--_space-2xs);
  }

  .options.scale {
    flex-direction: row;
    flex-wrap: wrap;
  }

  .option {
    display: flex;
    align-items: center;
    gap: var(--_space-xs);
    padding: var(--_space-2xs) var(--_space-xs);
    border: 1px solid var(--_border);
    border-radius: var(--_radius-s);
    cursor: pointer;
    overflow-wrap: anywhere;
  }

  .option:has(:checked) {
    border-color: var(--_accent);
    background: var(--_color-accent-subtle);
  }

  .option.step {
    min-inline-size: 3em;
    justify-content: center;
  }

  fieldset:disabled .option {
    cursor: default;
  }

  input {
    accent-color: var(--_accent);
    margin: 0;
    inline-size: 1.1em;
    block-size: 1.1em;
    flex: none;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-xs);
  }

  .button {
    font: inherit;
    font-size: var(--_font-size-s);
    cursor: pointer;
    min-block-size: 24px;
    padding: var(--_space-2xs) var(--_space-s);
    border: 1px solid var(--_color-border-strong);
    border-radius: var(--_radius-s);
    background: var(--_color-surface);
    color: var(--_color-text);
  }

  .button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-contrast);
    font-weight: var(--_font-weight-strong);
  }

  .notice {
    padding: var(--_space-xs) var(--_space-s);
    border-radius: var(--_radius-s);
    background: var(--_color-surface-alt);
    border-inline-start: 3px solid var(--_color-border-strong);
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: var(--_space-2xs);
  }

  .notice.danger {
    background: var(--_color-danger-subtle);
    border-color: var(--_color-danger);
  }

  .confirmation {
    font-weight: var(--_font-weight-strong);
  }

  .result-box {
    display: flex;
    flex-direction: column;
    gap: var(--_space-xs);
    padding-block-start: var(--_space-s);
    border-block-start: 1px solid var(--_border);
  }

  .results-heading {
    font-size: var(--_font-size-m);
  }

  .withheld {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: var(--_space-2xs) var(--_space-m);
    padding: var(--_space-xs) var(--_space-s);
    border-radius: var(--_radius-s);
    background: var(--_color-surface-alt);
  }
`;
