import { css } from 'lit';

/**
 * Everything is in the one shadow root of `<plein-comments>`, the composers included (they render
 * into their own light DOM). Logical properties throughout, so right-to-left needs no overrides.
 */
export const commentsStyles = css`
  /* What changes inside lays out inside: the page around is not laid out again. (No size containment: see narrow.) */
  :host {
    contain: layout style;
  }

  .base {
    --_accent: var(--plein-comments-accent, var(--plein-color-accent));
    --_border: var(--plein-comments-border-color, var(--plein-color-border));
    --_radius: var(--plein-comments-radius, var(--plein-radius-m));
    --_gap: var(--plein-comments-gap, var(--plein-space-m));
    --_indent: var(--plein-comments-indent, 2.5em);
    --_avatar: var(--plein-comments-avatar-size, 2.25em);
    display: flex;
    flex-direction: column;
    gap: var(--plein-space-s);
    padding: var(--plein-comments-padding, var(--plein-space-m));
    background: var(--plein-comments-background, var(--plein-color-surface));
    color: var(--plein-comments-color, var(--plein-color-text));
    border-radius: var(--_radius);
  }

  .muted {
    color: var(--plein-color-muted);
  }

  .danger-text,
  .field-error {
    color: var(--plein-color-danger);
  }

  .field-error {
    margin: var(--plein-space-2xs) 0 0;
    font-size: var(--plein-font-size-s);
  }

  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--plein-space-xs) var(--plein-space-m);
  }

  .count {
    flex: 1 1 auto;
    margin: 0;
    font-size: var(--plein-font-size-l);
    line-height: var(--plein-line-height-tight);
  }

  .sort {
    display: inline-flex;
    align-items: center;
    gap: var(--plein-space-xs);
    font-size: var(--plein-font-size-s);
    color: var(--plein-color-muted);
  }

  select,
  .textarea {
    font: inherit;
    color: var(--plein-color-text);
    background: var(--plein-color-surface);
    border: 1px solid var(--plein-color-border-strong);
    border-radius: var(--plein-radius-s);
  }

  select {
    padding: var(--plein-space-3xs) var(--plein-space-xs);
  }

  .button,
  .link,
  .reaction,
  .pill {
    font: inherit;
    cursor: pointer;
    min-block-size: 24px;
  }

  .button {
    padding: var(--plein-space-2xs) var(--plein-space-s);
    border: 1px solid var(--plein-color-border-strong);
    border-radius: var(--plein-radius-s);
    background: var(--plein-color-surface);
    color: var(--plein-color-text);
    font-size: var(--plein-font-size-s);
  }

  .button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--plein-color-accent-contrast);
    font-weight: var(--plein-font-weight-strong);
  }

  .button.primary:hover {
    background: var(--plein-color-accent-hover);
  }

  [aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
  }

  .link {
    padding: 0 var(--plein-space-2xs);
    border: 0;
    background: none;
    color: var(--plein-color-muted);
    font-size: var(--plein-font-size-s);
    text-decoration: underline transparent;
  }

  .link:hover {
    color: var(--_accent);
    text-decoration-color: currentColor;
  }

  .notice {
    margin: 0;
    padding: var(--plein-space-xs) var(--plein-space-s);
    border-radius: var(--plein-radius-s);
    background: var(--plein-color-surface-alt);
    border-inline-start: 3px solid var(--plein-color-border-strong);
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--plein-space-xs);
  }

  .notice.danger {
    background: var(--plein-color-danger-subtle);
    border-color: var(--plein-color-danger);
  }

  .notice p {
    margin: 0;
  }

  .state {
    margin: 0;
    padding: var(--plein-space-l) 0;
    text-align: center;
  }

  .state.notice {
    flex-direction: column;
  }

  .sign-in {
    margin: 0;
  }

  /* Composer */

  .composer {
    display: flex;
    flex-direction: column;
    gap: var(--plein-space-2xs);
  }

  .composer-head {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    justify-content: space-between;
    gap: var(--plein-space-2xs) var(--plein-space-s);
  }

  .label {
    font-size: var(--plein-font-size-s);
    font-weight: var(--plein-font-weight-strong);
  }

  .textarea {
    display: block;
    inline-size: 100%;
    min-block-size: 5.5em;
    max-block-size: 60vh;
    padding: var(--plein-space-xs);
    line-height: var(--plein-line-height);
    resize: vertical;
    field-sizing: content;
  }

  /* The browser's own grey falls below 4.5:1 on the dark surface. */
  .textarea::placeholder {
    color: var(--plein-color-muted);
    opacity: 1;
  }

  .composer-footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--plein-space-2xs) var(--plein-space-s);
    font-size: var(--plein-font-size-s);
  }

  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: var(--plein-space-xs);
    margin-inline-start: auto;
  }

  /* The list */

  /* Block layout, not flex: appending a chunk of comments then lays out only the new ones. */
  .list,
  .replies {
    list-style: none;
    margin: 0;
    padding: 0;
  }

  .item + .item,
  .block + .block {
    margin-block-start: var(--_gap);
  }

  /* Off-screen blocks of comments cost no style, layout or paint; the browser keeps each block's
     real size once it has been rendered (the estimate only counts until then). */
  .block {
    content-visibility: auto;
  }

  .replies {
    margin-block-start: var(--_gap);
    margin-inline-start: calc(var(--_avatar) / 2);
    padding-inline-start: calc(var(--_indent) - var(--_avatar) / 2);
    border-inline-start: 2px solid var(--_border);
  }

  /* Collapsed replies stay in the document for find-in-page, which opens them on a match. */
  .replies[hidden='until-found'] {
    display: block !important;
    content-visibility: hidden;
  }

  .toggle {
    margin-block-start: var(--plein-space-2xs);
    margin-inline-start: calc(var(--_avatar) + var(--plein-space-s));
    color: var(--_accent);
  }

  .comment {
    display: grid;
    grid-template-columns: var(--_avatar) minmax(0, 1fr);
    gap: var(--plein-space-s);
    padding: var(--plein-space-2xs);
    border-radius: var(--plein-radius-s);
    scroll-margin-block: var(--plein-space-2xl);
  }

  /* Inside the box: its block's content-visibility clips what is drawn outside it. */
  .comment:focus-visible {
    outline-offset: calc(-1 * var(--plein-focus-ring-width));
  }

  .comment.status-pending,
  .comment.status-hidden {
    background: var(--plein-color-surface-alt);
  }

  .comment.highlighted {
    background: var(--plein-comments-highlight, var(--plein-color-accent-subtle));
    box-shadow: inset 0 0 0 2px var(--_accent);
  }

  .comment.deleted {
    display: block;
  }

  .avatar {
    position: relative;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    inline-size: var(--_avatar);
    block-size: var(--_avatar);
    overflow: hidden;
    border-radius: var(--plein-radius-full);
    background: oklch(45% 0.075 var(--h, 250));
    color: #fff;
    font-size: calc(var(--_avatar) * 0.4);
    font-weight: var(--plein-font-weight-strong);
    line-height: 1;
    user-select: none;
  }

  .avatar img {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
  }

  .main {
    min-inline-size: 0;
    display: flex;
    flex-direction: column;
    gap: var(--plein-space-2xs);
  }

  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--plein-space-3xs) var(--plein-space-xs);
    font-size: var(--plein-font-size-s);
    color: var(--plein-color-muted);
  }

  .author {
    color: var(--plein-color-text);
    font-weight: var(--plein-font-weight-strong);
    overflow-wrap: anywhere;
  }

  .chip,
  .badge {
    padding: 0 var(--plein-space-2xs);
    border: 1px solid var(--plein-color-border-strong);
    border-radius: var(--plein-radius-full);
    font-size: var(--plein-font-size-xs);
    color: var(--plein-color-text);
    white-space: nowrap;
  }

  .chip.accent {
    border-color: var(--_accent);
    background: var(--plein-color-accent-subtle);
  }

  .badge.warning {
    border-color: var(--plein-color-warning);
    background: var(--plein-color-warning-subtle);
  }

  .badge.danger {
    border-color: var(--plein-color-danger);
    background: var(--plein-color-danger-subtle);
  }

  .time {
    color: inherit;
    text-decoration: none;
  }

  .time:hover {
    text-decoration: underline;
  }

  .replying-to {
    margin: 0;
    font-size: var(--plein-font-size-s);
  }

  .body {
    overflow-wrap: anywhere;
  }

  .body > :first-child {
    margin-block-start: 0;
  }

  .body > :last-child {
    margin-block-end: 0;
  }

  .body p,
  .body ul,
  .body ol,
  .body blockquote,
  .body pre {
    margin-block: 0 var(--plein-space-xs);
  }

  .body ul,
  .body ol {
    padding-inline-start: 1.5em;
  }

  .body blockquote {
    margin-inline: 0;
    padding-inline-start: var(--plein-space-s);
    border-inline-start: 3px solid var(--plein-color-border-strong);
    color: var(--plein-color-muted);
  }

  .body code {
    font-family: var(--plein-font-family-mono);
    font-size: 0.9em;
    padding: 0 0.2em;
    border-radius: var(--plein-radius-s);
    background: var(--plein-color-surface-alt);
  }

  .body pre {
    overflow-x: auto;
    padding: var(--plein-space-xs);
    border-radius: var(--plein-radius-s);
    background: var(--plein-color-surface-alt);
  }

  .body pre code {
    padding: 0;
  }

  .body a {
    color: var(--_accent);
  }

  .footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--plein-space-2xs) var(--plein-space-s);
  }

  .footer:empty {
    display: none;
  }

  .reactions,
  .actions,
  .picker {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--plein-space-2xs);
  }

  .reaction {
    display: inline-flex;
    align-items: center;
    padding: 0 var(--plein-space-xs);
    border: 1px solid var(--_border);
    border-radius: var(--plein-radius-full);
    background: var(--plein-color-surface);
    color: var(--plein-color-text);
    font-size: var(--plein-font-size-s);
  }

  span.reaction {
    cursor: default;
  }

  .reaction[aria-pressed='true'] {
    border-color: var(--_accent);
    background: var(--plein-color-accent-subtle);
  }

  /* Forced colours paint every background alike: the viewer's own reactions keep a system colour. */
  @media (forced-colors: active) {
    .reaction[aria-pressed='true'] {
      forced-color-adjust: none;
      background: SelectedItem;
      color: SelectedItemText;
    }
  }

  .reaction.add {
    color: var(--plein-color-muted);
  }

  .more {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: var(--plein-space-2xs);
  }

  .more p {
    margin: 0;
  }

  /* Takes no room: arriving comments never push what the reader is looking at. */
  .incoming {
    position: sticky;
    inset-block-start: var(--plein-comments-sticky-top, 0.5em);
    z-index: 1;
    block-size: 0;
    display: flex;
    justify-content: center;
    overflow: visible;
  }

  .pill {
    padding: var(--plein-space-2xs) var(--plein-space-m);
    border: 0;
    border-radius: var(--plein-radius-full);
    background: var(--_accent);
    color: var(--plein-color-accent-contrast);
    font-size: var(--plein-font-size-s);
    font-weight: var(--plein-font-weight-strong);
    box-shadow: var(--plein-shadow-popup);
  }

  /* Under 30em wide, as the element measures it. */
  .base.narrow {
    --_indent: var(--plein-comments-indent, 1.25em);
    --_avatar: var(--plein-comments-avatar-size, 1.75em);
  }

  .narrow .comment {
    gap: var(--plein-space-xs);
  }
`;
