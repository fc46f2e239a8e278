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
    font-size: var(--_font-size-s);
    color: var(--_color-danger);
  }

  .link {
    font: inherit;
    font-size: var(--_font-size-s);
    cursor: pointer;
    min-block-size: 24px;
    padding: 0 var(--_space-2xs);
    border: 0;
    background: none;
    color: var(--_color-muted);
    text-decoration: underline;
  }
`;
