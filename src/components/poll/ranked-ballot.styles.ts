import { css } from 'lit';

/**
 * The ballot sits inside `<plein-poll>`'s shadow root and takes the tokens (light or dark) that
 * element sets on its host, so it has no theme of its own.
 */
export const rankedBallotStyles = css`
  :host {
    display: block;
    color: var(--_color-text);
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  .help,
  .list-label,
  .empty {
    margin: 0 0 var(--_space-xs);
    font-size: var(--_font-size-s);
    color: var(--_color-muted);
  }

  .list-label {
    font-weight: var(--_font-weight-strong);
    color: var(--_color-text);
    margin-block-start: var(--_space-s);
  }

  ol,
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space-2xs);
  }

  li {
    display: flex;
    align-items: center;
    gap: var(--_space-xs);
    min-block-size: 2.5em;
    padding: var(--_space-2xs) var(--_space-xs);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-s);
    background: var(--_color-surface);
  }

  li.ranked {
    border-color: var(--_color-border-strong);
    cursor: grab;
  }

  li.drop-target {
    outline: 2px dashed var(--_color-accent);
    outline-offset: 1px;
  }

  .position {
    flex: none;
    min-inline-size: 1.75em;
    text-align: center;
    font-weight: var(--_font-weight-strong);
    font-variant-numeric: tabular-nums;
  }

  .label {
    flex: 1 1 auto;
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }

  .controls {
    flex: none;
    display: flex;
    gap: var(--_space-3xs);
  }

  button {
    font: inherit;
    font-size: var(--_font-size-s);
    cursor: pointer;
    min-block-size: 24px;
    min-inline-size: 24px;
    padding: var(--_space-3xs) var(--_space-xs);
    border: 1px solid var(--_color-border-strong);
    border-radius: var(--_radius-s);
    background: var(--_color-surface);
    color: var(--_color-text);
    display: inline-flex;
    align-items: center;
    justify-content: center;
  }

  button:hover:not([aria-disabled='true']) {
    background: var(--_color-surface-alt);
  }

  button[aria-disabled='true'] {
    cursor: default;
    color: var(--_color-muted);
    border-color: var(--_color-border);
  }

  button:focus-visible {
    outline: var(--_focus-ring-width, 2px) solid var(--_color-focus);
    outline-offset: var(--_focus-ring-offset, 2px);
  }

  svg {
    inline-size: 1em;
    block-size: 1em;
  }

  /* Arrows point along the block axis, so they need no mirroring in right-to-left text. */
  .error {
    margin: var(--_space-xs) 0 0;
    font-size: var(--_font-size-s);
    color: var(--_color-danger);
  }
`;
