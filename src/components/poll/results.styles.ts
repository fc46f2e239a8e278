import { css } from 'lit';

/** The styles of `results.ts`: the result bars and the leader line. */
export const resultsStyles = css`
  .results {
    list-style: none;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--_space-xs);
  }

  /* The value stays beside its label while the label keeps 8em, and goes under it otherwise, rather
     than break the label inside a word. */
  .result {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_space-3xs) var(--_space-s);
  }

  .result-label {
    flex: 1 1 8em;
    overflow-wrap: anywhere;
  }

  .mine,
  .result-value {
    font-size: var(--_font-size-s);
    color: var(--_color-muted);
  }

  .result-value {
    font-variant-numeric: tabular-nums;
  }

  .bar {
    flex-basis: 100%;
    block-size: var(--plein-poll-bar-height, 0.5em);
    border-radius: var(--_radius-full);
    background: var(--plein-poll-bar-track, var(--_color-surface-alt));
    box-shadow: inset 0 0 0 1px var(--_border);
    overflow: hidden;
  }

  .fill {
    display: block;
    block-size: 100%;
    background: var(--plein-poll-bar-color, var(--_accent));
    transition: inline-size var(--_duration-slow) ease-out;
  }

  .winner {
    font-weight: var(--_font-weight-strong);
  }

  /* Forced colours paint every background Canvas and drop shadows: the track keeps a border, and
     the fill a system colour the mode leaves alone, so the bar still shows its share. */
  @media (forced-colors: active) {
    .bar {
      border: 1px solid CanvasText;
    }

    .fill {
      forced-color-adjust: none;
      background: Highlight;
    }
  }
`;
