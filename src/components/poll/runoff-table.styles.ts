import { css } from 'lit';

/** Takes the tokens `<plein-poll>` sets on its host (light or dark); no theme of its own. */
export const runoffTableStyles = css`
  :host {
    display: block;
    color: var(--_color-text);
  }

  :host([hidden]) {
    display: none;
  }

  .summary {
    margin: 0 0 var(--_space-xs);
  }

  /* A count with many rounds scrolls sideways on a narrow screen instead of squeezing the labels. */
  .scroller {
    overflow-x: auto;
    max-inline-size: 100%;
  }

  .scroller:focus-visible {
    outline: var(--_focus-ring-width, 2px) solid var(--_color-focus);
    outline-offset: var(--_focus-ring-offset, 2px);
  }

  table {
    border-collapse: collapse;
    font-size: var(--_font-size-s);
    font-variant-numeric: tabular-nums;
  }

  /*
   * The caption is the table's name for assistive technology; this copy shows it above the
   * scrolling area, where a narrow screen cannot cut it off as it would a caption as wide as
   * the table.
   */
  .caption {
    margin: 0 0 var(--_space-2xs);
    font-weight: var(--_font-weight-strong);
    font-size: var(--_font-size-s);
  }

  th,
  td {
    padding: var(--_space-3xs) var(--_space-xs);
    border-block-end: 1px solid var(--_color-border);
    text-align: start;
    vertical-align: top;
  }

  thead th {
    border-block-end-color: var(--_color-border-strong);
    white-space: nowrap;
  }

  tbody th {
    font-weight: var(--_font-weight-normal);
    overflow-wrap: anywhere;
    min-inline-size: 6em;
  }

  tfoot th,
  tfoot td {
    color: var(--_color-muted);
  }

  td {
    white-space: nowrap;
  }

  .out {
    color: var(--_color-muted);
  }

  /* "eliminated (tie-break)" may wrap under its count: the numbers keep the column narrow. */
  .mark {
    display: block;
    font-size: var(--_font-size-xs);
    font-weight: var(--_font-weight-strong);
    white-space: normal;
  }

  .is-winner {
    background: var(--_color-success-subtle);
  }

  .winner {
    color: var(--_color-success);
  }

  .eliminated {
    color: var(--_color-danger);
  }

  .notes {
    font-size: var(--_font-size-s);
    color: var(--_color-muted);
  }

  .notes ul {
    margin: var(--_space-xs) 0 0;
    padding-inline-start: 1.25em;
  }

  .notes p {
    margin: var(--_space-xs) 0 0;
  }
`;
