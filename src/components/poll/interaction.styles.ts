import { css } from 'lit';

/**
 * What only the interaction part shows: a ballot's field error, the dismiss link of a failed vote,
 * and buttons that wait (a vote on its way, a rate limit).
 */
export const interactionStyles = css`
  [aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
  }

  .field-error {
    font-size: var(--plein-font-size-s);
    color: var(--plein-color-danger);
  }

  .link {
    font: inherit;
    font-size: var(--plein-font-size-s);
    cursor: pointer;
    min-block-size: 24px;
    padding: 0 var(--plein-space-2xs);
    border: 0;
    background: none;
    color: var(--plein-color-muted);
    text-decoration: underline;
  }
`;
