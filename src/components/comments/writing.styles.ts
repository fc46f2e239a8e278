import { css } from 'lit';

/**
 * The styles only acting needs (composer tabs, preview, counter and hint, the guest name field,
 * the report and delete dialogs, an unconfirmed comment's status, a moderator's controls): they come with the writing part and are added to the element's
 * shadow root when it arrives. Nothing in `comments.styles.ts` competes with these rules, so coming
 * last changes nothing.
 */
export const writingStyles = css`
  plein-comments-composer {
    display: block;
  }

  plein-comments-composer.inline {
    margin-block: var(--_space-xs);
  }

  .textarea[aria-invalid='true'] {
    border-color: var(--_color-danger);
  }

  .counter,
  .hint {
    color: var(--_color-muted);
    font-size: var(--_font-size-xs);
  }

  .hint {
    flex: 1 1 12em;
  }

  /* A reported comment's reports, on a line of their own before the moderator's buttons (in reading order too). */
  .reports {
    flex-basis: 100%;
    margin: 0;
    color: var(--_color-danger);
    font-size: var(--_font-size-s);
  }

  .viewer {
    font-size: var(--_font-size-s);
  }

  /* Sizes are relative (em): the button inside takes the line's size, not a smaller one again. */
  .viewer .link {
    font-size: inherit;
  }

  .field label {
    font-size: var(--_font-size-s);
    font-weight: var(--_font-weight-strong);
  }

  .field {
    display: flex;
    flex-direction: column;
    gap: var(--_space-3xs);
  }

  .input {
    font: inherit;
    color: var(--_color-text);
    background: var(--_color-surface);
    border: 1px solid var(--_color-border-strong);
    border-radius: var(--_radius-s);
    padding: var(--_space-2xs) var(--_space-xs);
    max-inline-size: 20em;
  }

  .tabs {
    display: flex;
    gap: var(--_space-3xs);
  }

  .tab {
    font: inherit;
    cursor: pointer;
    min-block-size: 24px;
    /* No transparent border on the other tab: forced colours would draw it like the selected one's. */
    padding: var(--_space-3xs) var(--_space-xs) calc(var(--_space-3xs) + 2px);
    border: 0;
    background: none;
    color: var(--_color-muted);
    font-size: var(--_font-size-s);
  }

  .tab[aria-selected='true'] {
    padding-block-end: var(--_space-3xs);
    color: var(--_color-text);
    border-block-end: 2px solid var(--_accent);
  }

  .preview {
    min-block-size: 5.5em;
    padding: var(--_space-xs);
    border: 1px dashed var(--_color-border-strong);
    border-radius: var(--_radius-s);
  }

  .counter.over {
    color: var(--_color-danger);
    font-weight: var(--_font-weight-strong);
  }

  .dialog {
    max-inline-size: min(28em, calc(100vw - 2em));
    padding: var(--_space-m);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    color: var(--_color-text);
    box-shadow: var(--_shadow-popup);
  }

  .dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }

  .dialog-body {
    display: flex;
    flex-direction: column;
    gap: var(--_space-s);
  }

  .dialog-body h3,
  .dialog-body p {
    margin: 0;
  }

  .dialog-body h3 {
    font-size: var(--_font-size-l);
    line-height: var(--_line-height-tight);
  }

  .dialog fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    display: flex;
    flex-direction: column;
    gap: var(--_space-2xs);
  }

  .dialog legend {
    margin-block-end: var(--_space-2xs);
    font-weight: var(--_font-weight-strong);
  }

  .dialog .field {
    font-size: var(--_font-size-s);
  }

  .choice {
    display: flex;
    align-items: center;
    gap: var(--_space-xs);
  }

  .button.danger {
    background: var(--_color-danger);
    border-color: var(--_color-danger);
    color: var(--_color-danger-contrast);
  }

  .narrow .hint {
    display: none;
  }

  /* The composer's rate-limit notice, an unconfirmed comment's status, a moderator's controls. */
  .notice.warning {
    background: var(--_color-warning-subtle);
    border-color: var(--_color-warning);
  }

  .comment.sending {
    opacity: 0.7;
  }

  .status {
    margin: 0;
    font-size: var(--_font-size-s);
  }

  .status .button {
    font-size: inherit;
  }

  .status p {
    margin: 0 0 var(--_space-2xs);
  }

  .moderation {
    color: var(--_color-warning);
  }
`;
