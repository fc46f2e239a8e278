import { css } from 'lit';

export const timeStyles = css`
  :host {
    display: inline;
  }

  .base {
    color: var(--plein-time-color, inherit);
    white-space: nowrap;
  }
`;
