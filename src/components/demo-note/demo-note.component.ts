import { html } from 'lit';
import { LocalizeController } from '../../core/localize.js';
import { PleinElement } from '../../core/plein-element.js';
import { demoNoteStyles } from './demo-note.styles.js';

/**
 * @summary Tells readers that the page runs on the demo adapter, so nothing they post leaves their
 * browser. Widgets show it whenever `configure({ demo: true })` is in effect.
 * @tag plein-demo-note
 *
 * @slot - Replaces the default text (keep it in the reader's language).
 *
 * @csspart base - The note's box.
 * @csspart icon - The information icon.
 * @csspart text - The text.
 *
 * @cssprop --plein-demo-note-background - Defaults to `--plein-color-warning-subtle`.
 * @cssprop --plein-demo-note-border-color - Defaults to `--plein-color-warning`.
 * @cssprop --plein-demo-note-color - Text colour; defaults to `--plein-color-text`.
 * @cssprop --plein-demo-note-radius - Defaults to `--plein-radius-m`.
 * @cssprop --plein-demo-note-padding - Defaults to `--plein-space-xs` `--plein-space-s`.
 */
export class PleinDemoNote extends PleinElement {
  static override styles = [PleinElement.styles, demoNoteStyles];

  private readonly localize = new LocalizeController(this);

  protected override render() {
    // role="note": a landmark-free aside that screen readers announce as supplementary content.
    return html`<p part="base" class="base" role="note">
      <svg part="icon" class="icon" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true">
        <path
          d="M10 1.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17Zm0 4a1.1 1.1 0 1 1 0 2.2 1.1 1.1 0 0 1 0-2.2Zm1.4 9.5H8.6v-1.5h.7V10h-.7V8.5h2.1v5h.7V15Z"
        />
      </svg>
      <span part="text" class="text"><slot>${this.localize.term('demo-mode')}</slot></span>
    </p>`;
  }
}
