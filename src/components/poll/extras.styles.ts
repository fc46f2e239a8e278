import { css } from 'lit';

/** The styles of `extras.ts`: a quiz's marks and verdict, a rating's average. */
export const extrasStyles = css`
  /* Text says which answer is right; the border only repeats it. */
  .option[part~='option-correct'] {
    border-color: var(--plein-color-success);
  }

  .option[part~='option-wrong'] {
    border-color: var(--plein-color-danger);
  }

  .mark,
  .average {
    font-weight: var(--plein-font-weight-strong);
  }

  .wrong {
    color: var(--plein-color-danger);
  }

  .right {
    color: var(--plein-color-success);
  }

  .verdict {
    display: flex;
    flex-direction: column;
    gap: var(--plein-space-2xs);
  }
`;
