import { css } from 'lit';

/**
 * Everything of `<plein-poll>` is in its shadow root. Logical properties throughout, so
 * right-to-left needs no overrides; the result bars grow from the inline start. Only what the
 * first view shows is here: the parts that load later bring their own styles.
 */
export const pollStyles = css`
  .base {
    --_accent: var(--plein-poll-accent, var(--plein-color-accent));
    --_border: var(--plein-poll-border-color, var(--plein-color-border));
    --_gap: var(--plein-poll-gap, var(--plein-space-s));
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
    padding: var(--plein-poll-padding, var(--plein-space-m));
    background: var(--plein-poll-background, var(--plein-color-surface));
    color: var(--plein-poll-color, var(--plein-color-text));
    border: 1px solid var(--_border);
    border-radius: var(--plein-poll-radius, var(--plein-radius-m));
  }

  p,
  ul,
  h2,
  h3 {
    margin: 0;
  }

  .muted {
    color: var(--plein-color-muted);
  }

  .small {
    font-size: var(--plein-font-size-s);
  }

  .header {
    display: flex;
    flex-wrap: wrap;
    gap: var(--plein-space-2xs) var(--plein-space-m);
    font-size: var(--plein-font-size-s);
  }

  .chip {
    font-weight: var(--plein-font-weight-strong);
  }

  .form,
  .fieldset {
    display: flex;
    flex-direction: column;
    gap: var(--plein-space-xs);
  }

  .fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }

  .question {
    padding: 0;
    margin-block-end: var(--plein-space-2xs);
    font-size: var(--plein-font-size-l);
    font-weight: var(--plein-font-weight-strong);
    line-height: var(--plein-line-height-tight);
  }

  .options {
    display: flex;
    flex-direction: column;
    gap: var(--plein-space-2xs);
  }

  .options.scale {
    flex-direction: row;
    flex-wrap: wrap;
  }

  .option {
    display: flex;
    align-items: center;
    gap: var(--plein-space-xs);
    padding: var(--plein-space-2xs) var(--plein-space-xs);
    border: 1px solid var(--_border);
    border-radius: var(--plein-radius-s);
    cursor: pointer;
    overflow-wrap: anywhere;
  }

  .option:has(:checked) {
    border-color: var(--_accent);
    background: var(--plein-color-accent-subtle);
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
    gap: var(--plein-space-xs);
  }

  .button {
    font: inherit;
    font-size: var(--plein-font-size-s);
    cursor: pointer;
    min-block-size: 24px;
    padding: var(--plein-space-2xs) var(--plein-space-s);
    border: 1px solid var(--plein-color-border-strong);
    border-radius: var(--plein-radius-s);
    background: var(--plein-color-surface);
    color: var(--plein-color-text);
  }

  .button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--plein-color-accent-contrast);
    font-weight: var(--plein-font-weight-strong);
  }

  .button.primary:hover {
    background: var(--plein-color-accent-hover);
  }

  .notice {
    padding: var(--plein-space-xs) var(--plein-space-s);
    border-radius: var(--plein-radius-s);
    background: var(--plein-color-surface-alt);
    border-inline-start: 3px solid var(--plein-color-border-strong);
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: var(--plein-space-2xs);
  }

  .notice.danger {
    background: var(--plein-color-danger-subtle);
    border-color: var(--plein-color-danger);
  }

  .confirmation {
    font-weight: var(--plein-font-weight-strong);
  }

  .result-box {
    display: flex;
    flex-direction: column;
    gap: var(--plein-space-xs);
    padding-block-start: var(--plein-space-s);
    border-block-start: 1px solid var(--_border);
  }

  .results-heading {
    font-size: var(--plein-font-size-m);
  }

  .withheld {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: var(--plein-space-2xs) var(--plein-space-m);
    padding: var(--plein-space-xs) var(--plein-space-s);
    border-radius: var(--plein-radius-s);
    background: var(--plein-color-surface-alt);
  }
`;
