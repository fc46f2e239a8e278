import type { CSSResult } from 'lit';

/**
 * Adds the styles of a part that loads later (moderation, a quiz's verdict…) to one poll's
 * shadow root before that part renders, so pages without the part never download its CSS.
 */
export function adoptPartStyles(root: ShadowRoot, styles: CSSResult): void {
  // Every browser these elements run in (custom states) adopts style sheets.
  const sheet = styles.styleSheet;
  if (sheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
