import { css } from 'lit';

export const demoNoteStyles = css`
  .base {
    display: flex;
    align-items: flex-start;
    gap: var(--plein-space-xs);
    margin: 0;
    padding: var(--plein-demo-note-padding, var(--plein-space-xs) var(--plein-space-s));
    border: 1px solid var(--plein-demo-note-border-color, var(--plein-color-warning));
    border-radius: var(--plein-demo-note-radius, var(--plein-radius-m));
    background: var(--plein-demo-note-background, var(--plein-color-warning-subtle));
    color: var(--plein-demo-note-color, var(--plein-color-text));
    font-size: var(--plein-font-size-s);
    line-height: var(--plein-line-height-tight);
  }

  .icon {
    flex: none;
    width: 1.25em;
    height: 1.25em;
    color: var(--plein-color-warning);
  }

  .text {
    margin-block: auto;
  }
`;
