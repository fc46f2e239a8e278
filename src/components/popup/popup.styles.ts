import { css } from 'lit';

export const popupStyles = css`
  /* The host takes no room: only the floating panel is laid out, wherever it is positioned. */
  :host {
    display: contents;
  }

  .popup {
    position: absolute;
    /* Physical on purpose: Floating UI writes left/top in both writing directions. */
    top: 0;
    left: 0;
    z-index: var(--plein-popup-z-index, 1000);
    width: max-content;
    max-width: var(--plein-popup-max-width, min(24em, calc(100vw - 2 * var(--_space-xs))));
    padding: var(--plein-popup-padding, var(--_space-xs));
    border: 1px solid var(--plein-popup-border-color, var(--_color-border));
    border-radius: var(--plein-popup-radius, var(--_radius-m));
    background: var(--plein-popup-background, var(--_color-surface));
    color: var(--_color-text);
    box-shadow: var(--plein-popup-shadow, var(--_shadow-popup));
  }

  .popup--fixed {
    position: fixed;
  }

  .popup:not(.popup--open) {
    display: none;
  }

  .arrow {
    position: absolute;
    width: var(--plein-popup-arrow-size, 0.75em);
    height: var(--plein-popup-arrow-size, 0.75em);
    background: inherit;
    border: inherit;
    rotate: 45deg;
    pointer-events: none;
  }

  /* The arrow is a rotated square; only its two edges that face away from the panel show. */
  .popup[data-side='bottom'] .arrow {
    border-right-color: transparent;
    border-bottom-color: transparent;
  }
  .popup[data-side='top'] .arrow {
    border-left-color: transparent;
    border-top-color: transparent;
  }
  .popup[data-side='left'] .arrow {
    border-left-color: transparent;
    border-bottom-color: transparent;
  }
  .popup[data-side='right'] .arrow {
    border-right-color: transparent;
    border-top-color: transparent;
  }
`;
