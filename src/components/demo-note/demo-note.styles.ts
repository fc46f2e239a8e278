import { css } from 'lit';

export const demoNoteStyles = css`
  .base {
    display: flex;
    align-items: flex-start;
    gap: var(--_space-xs);
    margin: 0;
    padding: var(--plein-demo-note-padding, var(--_space-xs) var(--_space-s));
    border: 1px solid var(--plein-demo-note-border-color, var(--_color-warning));
    border-radius: var(--plein-demo-note-radius, var(--_radius-m));
    background: var(--plein-demo-note-background, var(--_color-warning-subtle));
    color: var(--plein-demo-note-color, var(--_color-text));
    font-size: var(--_font-size-s);
    line-height: var(--_line-height-tight);
  }

  .icon {
    flex: none;
    width: 1.25em;
    height: 1.25em;
    color: var(--_color-warning);
  }

  .text {
    margin-block: auto;
  }
`;
