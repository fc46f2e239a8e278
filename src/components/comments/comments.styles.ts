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

  /* What the narrow layout is decided by: as wide as the element, never taller. */
  .width {
    position: absolute;
    inset-inline: 0;
  }

  .base {
    --_accent: var(--plein-comments-accent, var(--_color-accent));
    --_accent-contrast: var(--plein-comments-accent-contrast, var(--_color-accent-contrast));
    --_accent-hover: var(--plein-comments-accent-hover, var(--plein-color-accent-hover));
    --_border: var(--plein-comments-border-color, var(--_color-border));
    --_radius: var(--plein-comments-radius, var(--_radius-m));
    --_gap: var(--plein-comments-gap, var(--_space-m));
    --_indent: var(--plein-comments-indent, 2.5em);
    --_avatar: var(--plein-comments-avatar-size, 2.25em);
    display: flex;
    flex-direction: column;
    gap: var(--_space-s);
    padding: var(--plein-comments-padding, var(--_space-m));
    background: var(--plein-comments-background, var(--_color-surface));
    color: var(--plein-comments-color, var(--_color-text));
    border-radius: var(--_radius);
  }

  .muted {
    color: var(--_color-muted);
  }

  .danger-text,
  .field-error {
    color: var(--_color-danger);
  }

  .field-error {
    margin: var(--_space-2xs) 0 0;
    font-size: var(--_font-size-s);
  }

  /* A button inside a line of text reads at the line's size (sizes are em: s inside s shrinks). */
  .field-error .link {
    font-size: inherit;
  }

  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-xs) var(--_space-m);
  }

  .count {
    flex: 1 1 auto;
    margin: 0;
    font-size: var(--_font-size-l);
    line-height: var(--_line-height-tight);
  }

  .sort {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-xs);
    font-size: var(--_font-size-s);
    color: var(--_color-muted);
  }

  select,
  .textarea {
    font: inherit;
    color: var(--_color-text);
    background: var(--_color-surface);
    border: 1px solid var(--_color-border-strong);
    border-radius: var(--_radius-s);
  }

  select {
    padding: var(--_space-3xs) var(--_space-xs);
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
    padding: var(--_space-2xs) var(--_space-s);
    border: 1px solid var(--_color-border-strong);
    border-radius: var(--_radius-s);
    background: var(--_color-surface);
    color: var(--_color-text);
    font-size: var(--_font-size-s);
  }

  .button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-contrast);
    font-weight: var(--_font-weight-strong);
  }

  [aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
  }

  .link {
    padding: 0 var(--_space-2xs);
    border: 0;
    background: none;
    color: var(--_color-muted);
    font-size: var(--_font-size-s);
    text-decoration: underline transparent;
  }

  .link:hover {
    color: var(--_accent);
    text-decoration-color: currentColor;
  }

  .notice {
    margin: 0;
    padding: var(--_space-xs) var(--_space-s);
    border-radius: var(--_radius-s);
    background: var(--_color-surface-alt);
    border-inline-start: 3px solid var(--_color-border-strong);
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-xs);
  }

  .notice.danger {
    background: var(--_color-danger-subtle);
    border-color: var(--_color-danger);
  }

  .notice p {
    margin: 0;
  }

  .state {
    margin: 0;
    padding: var(--_space-l) 0;
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
    gap: var(--_space-2xs);
  }

  .composer-head {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    justify-content: space-between;
    gap: var(--_space-2xs) var(--_space-s);
  }

  .label {
    font-size: var(--_font-size-s);
    font-weight: var(--_font-weight-strong);
  }

  .textarea {
    display: block;
    inline-size: 100%;
    min-block-size: 5.5em;
    max-block-size: 60vh;
    padding: var(--_space-xs);
    line-height: var(--_line-height);
    resize: vertical;
    field-sizing: content;
  }

  /* The browser's own grey falls below 4.5:1 on the dark surface. */
  .textarea::placeholder {
    color: var(--_color-muted);
    opacity: 1;
  }

  /* No size of its own: its counter, hint and buttons each take theirs from the widget's, where a
     smaller footer would shrink them again. */
  .composer-footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2xs) var(--_space-s);
  }

  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-xs);
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
    margin-block-start: var(--_space-2xs);
    margin-inline-start: calc(var(--_avatar) + var(--_space-s));
    color: var(--_accent);
  }

  .comment {
    display: grid;
    grid-template-columns: var(--_avatar) minmax(0, 1fr);
    gap: var(--_space-s);
    padding: var(--_space-2xs);
    border-radius: var(--_radius-s);
    scroll-margin-block: var(--_space-2xl);
  }

  /* Inside the box: its block's content-visibility clips what is drawn outside it. */
  .comment:focus-visible {
    outline-offset: calc(-1 * var(--_focus-ring-width));
  }

  .comment.status-pending,
  .comment.status-hidden {
    background: var(--_color-surface-alt);
  }

  .comment.highlighted {
    background: var(--plein-comments-highlight, var(--_color-accent-subtle));
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
    border-radius: var(--_radius-full);
    background: oklch(45% 0.075 var(--h, 250));
    color: #fff;
    font-size: calc(var(--_avatar) * 0.4);
    font-weight: var(--_font-weight-strong);
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
    gap: var(--_space-2xs);
  }

  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_space-3xs) var(--_space-xs);
    color: var(--_color-muted);
  }

  /* Sized one by one: chips and badges set on a smaller line would shrink twice. */
  .meta > :not(.chip, .badge) {
    font-size: var(--_font-size-s);
  }

  .author {
    color: var(--_color-text);
    font-weight: var(--_font-weight-strong);
    overflow-wrap: anywhere;
  }

  .chip,
  .badge {
    padding: 0 var(--_space-2xs);
    border: 1px solid var(--_color-border-strong);
    border-radius: var(--_radius-full);
    font-size: var(--_font-size-xs);
    color: var(--_color-text);
    white-space: nowrap;
  }

  .chip.accent {
    border-color: var(--_accent);
    background: var(--_color-accent-subtle);
  }

  .badge.warning {
    border-color: var(--_color-warning);
    background: var(--_color-warning-subtle);
  }

  .badge.danger {
    border-color: var(--_color-danger);
    background: var(--_color-danger-subtle);
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
    font-size: var(--_font-size-s);
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
    margin-block: 0 var(--_space-xs);
  }

  .body ul,
  .body ol {
    padding-inline-start: 1.5em;
  }

  .body blockquote {
    margin-inline: 0;
    padding-inline-start: var(--_space-s);
    border-inline-start: 3px solid var(--_color-border-strong);
    color: var(--_color-muted);
  }

  .body code {
    font-family: var(--_font-family-mono);
    font-size: 0.9em;
    padding: 0 0.2em;
    border-radius: var(--_radius-s);
    background: var(--_color-surface-alt);
  }

  .body pre {
    overflow-x: auto;
    padding: var(--_space-xs);
    border-radius: var(--_radius-s);
    background: var(--_color-surface-alt);
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
    gap: var(--_space-2xs) var(--_space-s);
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
    gap: var(--_space-2xs);
  }

  .reaction {
    display: inline-flex;
    align-items: center;
    padding: 0 var(--_space-xs);
    border: 1px solid var(--_border);
    border-radius: var(--_radius-full);
    background: var(--_color-surface);
    color: var(--_color-text);
    font-size: var(--_font-size-s);
  }

  span.reaction {
    cursor: default;
  }

  .reaction[aria-pressed='true'] {
    border-color: var(--_accent);
    background: var(--_color-accent-subtle);
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
    color: var(--_color-muted);
  }

  .more {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: var(--_space-2xs);
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
    padding: var(--_space-2xs) var(--_space-m);
    border: 0;
    border-radius: var(--_radius-full);
    background: var(--_accent);
    color: var(--_accent-contrast);
    font-size: var(--_font-size-s);
    font-weight: var(--_font-weight-strong);
    box-shadow: var(--_shadow-popup);
  }

  /* Under 30em wide, as the element measures it. */
  .base.narrow {
    --_indent: var(--plein-comments-indent, 1.25em);
    --_avatar: var(--plein-comments-avatar-size, 1.75em);
  }

  .narrow .comment {
    gap: var(--_space-xs);
  }

  /* Replies keep the width for their text: no avatar column, and below the first level the thread
     line alone marks the depth (a reply three levels down had 26 px of 256 at 200 % text). */
  .narrow .replies .comment {
    grid-template-columns: minmax(0, 1fr);
  }

  .narrow .replies .avatar {
    display: none;
  }

  .narrow .replies .replies {
    margin-inline-start: 0;
    padding-inline-start: var(--_space-xs);
  }
`;
