import { css } from 'lit';

/** The styles of `extras.ts`: a quiz's marks and verdict, a rating's average. */
export const extrasStyles = css`
  /* Text says which answer is right; the border only repeats it. */
  .option[part~='option-correct'] {
    border-color: var(--_color-success);
  }

  .option[part~='option-wrong'] {
    border-color: var(--_color-danger);
  }

  .mark,
  .average {
    font-weight: var(--_font-weight-strong);
  }

  .wrong {
    color: var(--_color-danger);
  }

  .right {
    color: var(--_color-success);
  }

  .verdict {
    display: flex;
    flex-direction: column;
    gap: var(--_space-2xs);
  }
`;
