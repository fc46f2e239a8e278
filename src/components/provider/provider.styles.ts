import { css } from 'lit';

// No tokens and no text colour here: the provider wraps the page's own content, which it must not restyle.
export const providerStyles = css`
  :host {
    display: contents;
  }

  :host([hidden]) {
    display: none !important;
  }
`;
