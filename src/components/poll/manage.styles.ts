import { css } from 'lit';

/**
 * The styles of `manage.ts`: the moderators' tools, the voter list and definition problems, and
 * the dismiss link of a failed action and busy buttons (the interaction part brings the same rules
 * for its own).
 */
export const manageStyles = css`
  .moderation {
    display: flex;
    flex-wrap: wrap;
    gap: var(--plein-space-xs);
  }

  .moderation:empty {
    display: none;
  }

  .notice.warning {
    background: var(--plein-color-warning-subtle);
    border-color: var(--plein-color-warning);
  }

  .problems,
  .voter-list {
    padding-inline-start: 1.25em;
  }

  code {
    font-family: var(--plein-font-family-mono);
    font-size: 0.9em;
  }

  [aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
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

  .voters {
    display: flex;
    flex-direction: column;
    gap: var(--plein-space-xs);
    padding-block-start: var(--plein-space-s);
    border-block-start: 1px solid var(--_border);
  }
`;
