import { css } from 'lit';

/**
 * Everything of `<plein-poll>` is in its shadow root. Logical properties throughout, so
 * right-to-left needs no overrides; the result bars grow from the inline start.
 */
export const pollStyles = css`
  :host {
    container-type: inline-size;
  }

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

  .small,
  .mine,
  .field-error,
  .result-value {
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

  .form {
    display: flex;
    flex-direction: column;
    gap: var(--plein-space-xs);
  }

  .fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
    display: flex;
    flex-direction: column;
    gap: var(--plein-space-xs);
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

  /* Text says which answer is right; the border only repeats it. */
  .option[part~='option-correct'] {
    border-color: var(--plein-color-success);
  }

  .option[part~='option-wrong'] {
    border-color: var(--plein-color-danger);
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

  .mark {
    font-weight: var(--plein-font-weight-strong);
  }

  .field-error,
  .wrong {
    color: var(--plein-color-danger);
  }

  .right {
    color: var(--plein-color-success);
  }

  .actions,
  .moderation {
    display: flex;
    flex-wrap: wrap;
    gap: var(--plein-space-xs);
  }

  .moderation:empty {
    display: none;
  }

  .button,
  .link {
    font: inherit;
    font-size: var(--plein-font-size-s);
    cursor: pointer;
    min-block-size: 24px;
  }

  .button {
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

  [aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
  }

  .link {
    padding: 0 var(--plein-space-2xs);
    border: 0;
    background: none;
    color: var(--plein-color-muted);
    text-decoration: underline;
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

  .notice.warning {
    background: var(--plein-color-warning-subtle);
    border-color: var(--plein-color-warning);
  }

  .notice.danger {
    background: var(--plein-color-danger-subtle);
    border-color: var(--plein-color-danger);
  }

  .problems,
  .voter-list {
    padding-inline-start: 1.25em;
  }

  code {
    font-family: var(--plein-font-family-mono);
    font-size: 0.9em;
  }

  .confirmation {
    font-weight: var(--plein-font-weight-strong);
  }

  .verdict {
    display: flex;
    flex-direction: column;
    gap: var(--plein-space-2xs);
  }

  .result-box,
  .voters {
    display: flex;
    flex-direction: column;
    gap: var(--plein-space-xs);
    padding-block-start: var(--plein-space-s);
    border-block-start: 1px solid var(--_border);
  }

  .results-heading {
    font-size: var(--plein-font-size-m);
  }

  .results {
    list-style: none;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--plein-space-xs);
  }

  .result {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: var(--plein-space-3xs) var(--plein-space-s);
  }

  .result-label {
    overflow-wrap: anywhere;
  }

  .result-value {
    font-variant-numeric: tabular-nums;
    color: var(--plein-color-muted);
  }

  .mine {
    color: var(--plein-color-muted);
  }

  .bar {
    grid-column: 1 / -1;
    block-size: var(--plein-poll-bar-height, 0.5em);
    border-radius: var(--plein-radius-full);
    background: var(--plein-poll-bar-track, var(--plein-color-surface-alt));
    box-shadow: inset 0 0 0 1px var(--_border);
    overflow: hidden;
  }

  .fill {
    display: block;
    block-size: 100%;
    background: var(--plein-poll-bar-color, var(--_accent));
    transition: inline-size var(--plein-duration-slow) ease-out;
  }

  .winner,
  .average {
    font-weight: var(--plein-font-weight-strong);
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
