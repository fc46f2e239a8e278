import { css } from 'lit';

/** Text for assistive technology only: live regions, labels that the layout shows otherwise. */
export const srOnlyStyles = css`
  .sr-only {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
