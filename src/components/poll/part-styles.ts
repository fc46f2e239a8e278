import type { CSSResult } from 'lit';

/**
 * Adds the styles of a part that loads later (moderation, a quiz's verdict…) to one poll's
 * shadow root before that part renders, so pages without the part never download its CSS.
 */
export function adoptPartStyles(root: ShadowRoot, styles: CSSResult): void {
  const sheet = styles.styleSheet;
  if (sheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  else {
    // Where Lit falls back to <style> elements, so does this.
    const style = document.createElement('style');
    style.textContent = styles.cssText;
    root.append(style);
  }
}
