// The platform's, or a stand-in where there is none (a server rendering the page in Node). Named
// like the global, as the manifest analyzer knows an element by `extends HTMLElement`.
const HTMLElement = (globalThis.HTMLElement ?? class {}) as typeof globalThis.HTMLElement;

/**
 * @summary One choice of a declarative `<plein-poll>`: `<plein-option value="utrecht">Utrecht</plein-option>`.
 * @tag plein-option
 *
 * It renders nothing itself: the poll reads its options from its `<plein-option>` children (value
 * and text) when it registers the poll, and shows the labels the backend stored. Changing an
 * option's value, text or `correct` re-registers the poll (allowed until the first vote).
 */
export class PleinOption extends HTMLElement {
  /** Registers the class as `tag` unless a tag of that name exists (a second copy of Plein). */
  static define(tag: string): void {
    if (!customElements.get(tag)) customElements.define(tag, this);
  }

  /** The value stored with ballots; the label when the attribute is absent. */
  get value(): string {
    return this.getAttribute('value')?.trim() || this.label;
  }

  set value(value: string) {
    this.setAttribute('value', value);
  }

  /** The option's text, whitespace collapsed. */
  get label(): string {
    return (this.textContent ?? '').replace(/\s+/g, ' ').trim();
  }

  /** In a `quiz`: this option is a right answer (also settable as the poll's `correct` attribute). */
  get correct(): boolean {
    return this.hasAttribute('correct');
  }

  set correct(on: boolean) {
    this.toggleAttribute('correct', on);
  }
}
