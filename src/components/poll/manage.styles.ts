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
    gap: var(--_space-xs);
  }

  .moderation:empty {
    display: none;
  }

  .notice.warning {
    background: var(--_color-warning-subtle);
    border-color: var(--_color-warning);
  }

  .problems,
  .voter-list {
    padding-inline-start: 1.25em;
  }

  code {
    font-family: var(--_font-family-mono);
    font-size: 0.9em;
  }

  [aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
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

  .voters {
    display: flex;
    flex-direction: column;
    gap: var(--_space-xs);
    padding-block-start: var(--_space-s);
    border-block-start: 1px solid var(--_border);
  }
`;
