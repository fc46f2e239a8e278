import { css } from 'lit';

/**
 * The ballot sits inside `<plein-poll>`'s shadow root and takes the tokens (light or dark) that
 * element sets on its host, so it has no theme of its own.
 */
export const rankedBallotStyles = css`
  :host {
    display: block;
    color: var(--plein-color-text);
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
    margin: 0 0 var(--plein-space-xs);
    font-size: var(--plein-font-size-s);
    color: var(--plein-color-muted);
  }

  .list-label {
    font-weight: var(--plein-font-weight-strong);
    color: var(--plein-color-text);
    margin-block-start: var(--plein-space-s);
  }

  ol,
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--plein-space-2xs);
  }

  li {
    display: flex;
    align-items: center;
    gap: var(--plein-space-xs);
    min-block-size: 2.5em;
    padding: var(--plein-space-2xs) var(--plein-space-xs);
    border: 1px solid var(--plein-color-border);
    border-radius: var(--plein-radius-s);
    background: var(--plein-color-surface);
  }

  li.ranked {
    border-color: var(--plein-color-border-strong);
    cursor: grab;
  }

  li.drop-target {
    outline: 2px dashed var(--plein-color-accent);
    outline-offset: 1px;
  }

  .position {
    flex: none;
    min-inline-size: 1.75em;
    text-align: center;
    font-weight: var(--plein-font-weight-strong);
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
    gap: var(--plein-space-3xs);
  }

  button {
    font: inherit;
    font-size: var(--plein-font-size-s);
    cursor: pointer;
    min-block-size: 24px;
    min-inline-size: 24px;
    padding: var(--plein-space-3xs) var(--plein-space-xs);
    border: 1px solid var(--plein-color-border-strong);
    border-radius: var(--plein-radius-s);
    background: var(--plein-color-surface);
    color: var(--plein-color-text);
    display: inline-flex;
    align-items: center;
    justify-content: center;
  }

  button:hover:not([aria-disabled='true']) {
    background: var(--plein-color-surface-alt);
  }

  button[aria-disabled='true'] {
    cursor: default;
    color: var(--plein-color-muted);
    border-color: var(--plein-color-border);
  }

  button:focus-visible {
    outline: var(--plein-focus-ring-width, 2px) solid var(--plein-color-focus);
    outline-offset: var(--plein-focus-ring-offset, 2px);
  }

  svg {
    inline-size: 1em;
    block-size: 1em;
  }

  /* Arrows point along the block axis, so they need no mirroring in right-to-left text. */
  .error {
    margin: var(--plein-space-xs) 0 0;
    font-size: var(--plein-font-size-s);
    color: var(--plein-color-danger);
  }
`;
