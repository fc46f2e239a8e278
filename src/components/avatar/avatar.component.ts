import { html, nothing, type PropertyDeclarations } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { PleinElement } from '../../core/plein-element.js';
import { avatarBackground } from './avatar-color.js';
import { initials } from './initials.js';
import { avatarStyles } from './avatar.styles.js';

/**
 * @summary A person's picture, or their initials on a colour derived from their name when there is
 * no picture or it fails to load.
 * @tag plein-avatar
 *
 * The picture's text alternative is the person's name (or `label`). Next to a visible name the
 * avatar only repeats it; set `decorative` there so screen readers do not read the name twice.
 *
 * @csspart base - The round frame.
 * @csspart image - The picture.
 * @csspart initials - The initials shown instead of a picture.
 * @csspart icon - The silhouette shown when there is neither picture nor name.
 *
 * @cssprop --plein-avatar-size - Width and height (default 2.5em); the `size` property wins.
 * @cssprop --plein-avatar-radius - Corner radius (default round).
 * @cssprop --plein-avatar-background - Initials background, for every name (default: a colour from the name).
 * @cssprop --plein-avatar-color - Initials colour (default white).
 *
 * @cssstate image - A picture is shown.
 * @cssstate initials - Initials (or the silhouette) are shown.
 */
export class PleinAvatar extends PleinElement {
  static override styles = [PleinElement.styles, avatarStyles];

  static override properties: PropertyDeclarations = {
    name: {},
    src: {},
    label: {},
    size: { type: Number },
    decorative: { type: Boolean },
    // Internal: `attribute: false` rather than `state: true`, which the manifest analyzer lists as an attribute.
    failedSrc: { attribute: false },
  };

  /** The person's display name: the text alternative, the initials and the colour come from it. */
  name = '';

  /** Picture URL. Without one, or when it fails to load, the initials show. */
  src: string | null = null;

  /** Text alternative when it should differ from `name`. */
  label: string | null = null;

  /** Width and height in CSS pixels. Unset, `--plein-avatar-size` applies. */
  size: number | null = null;

  /** Hides the avatar from assistive technology, for use next to the visible name. */
  decorative = false;

  private failedSrc: string | null = null;

  /** Whether initials (or the silhouette) show instead of the picture. */
  get showsFallback(): boolean {
    return !this.src || this.failedSrc === this.src;
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    super.updated(changed);
    this.setCustomState('image', !this.showsFallback);
    this.setCustomState('initials', this.showsFallback);
  }

  protected override render() {
    const name = this.name.trim();
    const label = this.decorative ? '' : (this.label ?? name);
    const style = styleMap({
      '--_size': this.size ? `${this.size}px` : null,
      '--_background': name ? avatarBackground(name) : null,
    });

    if (!this.showsFallback) {
      const src = this.src ?? '';
      return html`<span part="base" class="base" style=${style}
        ><img
          part="image"
          class="image"
          src=${src}
          alt=${label}
          loading="lazy"
          decoding="async"
          @error=${() => (this.failedSrc = src)}
      /></span>`;
    }

    const letters = initials(name, this.effectiveLang);
    // A named image, not text: "AL" read out letter by letter helps nobody, the name does.
    return html`<span
      part="base"
      class="base"
      style=${style}
      role=${label ? 'img' : nothing}
      aria-label=${label || nothing}
      aria-hidden=${label ? nothing : 'true'}
      >${letters ? html`<span part="initials" aria-hidden="true">${letters}</span>` : silhouette}</span
    >`;
  }
}

const silhouette = html`<svg part="icon" class="icon" viewBox="0 0 24 24" fill="currentColor" aria-hidden="true"><circle cx="12" cy="8" r="4.5"/><path d="M3 22c0-5 4-8 9-8s9 3 9 8z"/></svg>`;
