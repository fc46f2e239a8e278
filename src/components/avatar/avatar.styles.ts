import { css } from 'lit';

export const avatarStyles = css`
  :host {
    display: inline-block;
    flex: none;
    vertical-align: middle;
    line-height: 1;
  }

  .base {
    /* --_size is the size property; the CSS variable sets it from a stylesheet instead. */
    --_avatar-size: var(--_size, var(--plein-avatar-size, 2.5em));
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: var(--_avatar-size);
    height: var(--_avatar-size);
    overflow: hidden;
    border-radius: var(--plein-avatar-radius, var(--_radius-full));
    background: var(--plein-avatar-background, var(--_background, var(--_color-surface-alt)));
    color: var(--plein-avatar-color, #ffffff);
    font-size: calc(var(--_avatar-size) * 0.4);
    font-weight: var(--_font-weight-strong);
    user-select: none;
  }

  .image {
    display: block;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }

  .icon {
    width: 60%;
    height: 60%;
    color: var(--_color-muted);
  }
`;
