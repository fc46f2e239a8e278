/**
 * The ranked-choice ballot of `<plein-poll type="ranked">`: the voter's ranking (an ordered list,
 * best first) above the options not ranked yet. A voter need not rank every option.
 *
 * For `<plein-poll>` (load it lazily, only for ranked polls):
 * ```ts
 * const { renderRankedBallot } = await import('./ranked-ballot.js');
 * renderRankedBallot({
 *   options: poll.options,            // PollOption[], in the poll's order
 *   ranking: draft,                   // option values, best first ([] starts with nothing ranked)
 *   onChange: (ranking) => …,         // after every move, add and remove: the new ranking
 *   disabled: !interactive,           // optional: closed, or a vote that cannot change
 *   error: 'Choose at least one.',    // optional: shown under the lists (the store's field error)
 *   lang: this.effectiveLang,         // optional: else the nearest [lang], then configure()
 * });
 * ```
 * The result is a `<plein-ranked-ballot>` element (defined when this module loads). The ballot
 * keeps its own ranking while the voter works, so an owner that does not store every change still
 * shows the voter's order; a `ranking` with different values (a reset after a refused vote, the
 * stored ballot arriving) replaces it. Put it inside the poll's `<fieldset>`, whose `<legend>`
 * names the group, or pass `label`. A `disabled` ballot (the poll closed, a vote that cannot be
 * changed) shows the ranking as a plain ordered list, without controls: a disabled `<fieldset>`
 * does not reach buttons inside a shadow root, and controls that do nothing only add tab stops.
 *
 * Pointer: the same buttons, or drag a ranked option onto the place it should take.
 *
 * Keyboard: every option has native buttons ("Move Utrecht up", "Move Utrecht down", "Remove
 * Utrecht from your ranking"; "Add" on options not ranked). On any button of a ranked option,
 * Arrow Up / Arrow Down (with or without Alt) move the option one place, Home / End move it to
 * the first / last place. Focus stays on the same button of the moved option (moves into the
 * other list with an added or removed option), and a polite live region announces the new
 * position ("Utrecht, position 2 of 4"). Buttons that cannot act (moving the first option up)
 * are `aria-disabled`, not `disabled`, so focus is never lost; they announce why instead.
 * `focus()` on the element focuses its first button.
 *
 * Strings are `ranked.*` in `src/i18n/polls-ranked.en.ts` (override with
 * `registerTranslation(lang, { 'polls.ranked.move-up': … })`). Colours come from the tokens the
 * poll sets on its host. `renderRankedBallot` forwards the parts below (`exportparts`), so a page
 * styles them as `plein-poll::part(ranked-option)`.
 *
 * @csspart ranking - The list of ranked options (`<ol>`).
 * @csspart ranked-option - One ranked option.
 * @csspart ranked-position - An option's place number.
 * @csspart unranked - The list of options not ranked.
 * @csspart unranked-option - One option not ranked.
 * @csspart ranked-move - The move up / move down buttons.
 * @csspart ranked-remove - The remove buttons.
 * @csspart ranked-add - The add buttons.
 */
import { html, LitElement, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { PollOption } from '../../adapters/contract.js';
import { LocalizeController } from '../../core/localize.js';
import { srOnlyStyles } from '../../styles/utility.js';
import { rankedBallotStyles } from './ranked-ballot.styles.js';
import { rankedText } from './ranked-text.js';

export interface RankedBallotProps {
  options: readonly PollOption[];
  /** Option values, best first. */
  ranking: readonly string[];
  onChange: (ranking: string[]) => void;
  /** The ranking cannot change now: shown as a plain list, without controls. */
  disabled?: boolean;
  /** An error about the ballot (e.g. the backend's `choices` field error), shown under the lists. */
  error?: string;
  /** Names the group when no surrounding `<fieldset>`/`<legend>` does. */
  label?: string;
  lang?: string;
}

type Control = 'up' | 'down' | 'remove' | 'add';

const sameList = (a: readonly string[] | undefined, b: readonly string[] | undefined): boolean =>
  a === b || (a !== undefined && b !== undefined && a.length === b.length && a.every((value, index) => value === b[index]));

const arrow = (up: boolean) =>
  svg`<path d=${up ? 'M8 3 3 8.5h3.5V13h3V8.5H13Z' : 'M8 13 3 7.5h3.5V3h3v4.5H13Z'} fill="currentColor" />`;
const cross = svg`<path d="m4.2 3 3.8 3.8L11.8 3 13 4.2 9.2 8l3.8 3.8-1.2 1.2L8 9.2 4.2 13 3 11.8 6.8 8 3 4.2Z" fill="currentColor" />`;

let instances = 0;

/** Re-exported by `renderRankedBallot`, so `plein-poll::part(ranked-option)` reaches them. */
const RANKED_PARTS = 'ranking, ranked-option, ranked-position, unranked, unranked-option, ranked-move, ranked-remove, ranked-add';

export class PleinRankedBallot extends LitElement {
  static override styles = [srOnlyStyles, rankedBallotStyles];

  static override properties = {
    options: { attribute: false },
    // Taken over only when its values differ from the last ranking given (see the module's JSDoc).
    ranking: { attribute: false, hasChanged: (next: readonly string[], previous: readonly string[] | undefined) => !sameList(next, previous) },
    onChange: { attribute: false },
    disabled: { type: Boolean, reflect: true },
    error: {},
    label: {},
    current: { state: true },
    dropAt: { state: true },
  };

  options: readonly PollOption[] = [];
  ranking: readonly string[] = [];
  onChange: (ranking: string[]) => void = () => undefined;
  disabled = false;
  error = '';
  label = '';

  private current: string[] = [];
  /** While an option is dragged: the place it would land on. */
  private dropAt: number | null = null;

  readonly #localize = new LocalizeController(this);
  readonly #id = `prb${++instances}`;
  #focusAfterUpdate: { value: string; control: Control } | undefined;
  #dragging: string | undefined;
  #announceTimer: ReturnType<typeof setTimeout> | undefined;

  /** Focuses the first ranked option's first button, else the first Add button (the poll moves focus here). */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLButtonElement>('button')?.focus(options);
  }

  /** The ranking as the voter left it: option values, best first. */
  get value(): string[] {
    return [...this.current];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#announceTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('ranking') || changed.has('options')) {
      const known = new Set(this.options.map((option) => option.value));
      const source = changed.has('ranking') ? this.ranking : this.current;
      this.current = [...new Set(source.filter((value) => known.has(value)))];
    }
  }

  protected override updated(): void {
    const target = this.#focusAfterUpdate;
    if (!target) return;
    this.#focusAfterUpdate = undefined;
    this.renderRoot.querySelector<HTMLButtonElement>(`button[data-value="${CSS.escape(target.value)}"][data-control="${target.control}"]`)?.focus();
  }

  protected override render(): TemplateResult {
    const t = this.#localize;
    const byValue = new Map(this.options.map((option) => [option.value, option]));
    const ranked = this.current.map((value) => byValue.get(value)).filter((option) => option !== undefined);
    const unranked = this.options.filter((option) => !this.current.includes(option.value));
    const id = this.#id;
    const error = this.error ? html`<p class="error" id="${id}-error">${this.error}</p>` : nothing;
    if (this.disabled) return this.#readOnly(ranked, unranked, error);
    return html`<div
      role=${this.label ? 'group' : nothing}
      aria-label=${this.label || nothing}
      aria-describedby=${this.label ? (this.error ? `${id}-help ${id}-error` : `${id}-help`) : nothing}
    >
      <p class="help" id="${id}-help">${rankedText(t, 'ranked.help')}</p>
      <p class="list-label" id="${id}-ranking">${rankedText(t, 'ranked.ranking')}</p>
      ${ranked.length === 0 ? html`<p class="empty">${rankedText(t, 'ranked.empty')}</p>` : nothing}
      <ol part="ranking" role="list" aria-labelledby="${id}-ranking" ?hidden=${ranked.length === 0}>
        ${repeat(
          ranked,
          (option) => option.value,
          (option, index) => this.#rankedItem(option, index, ranked.length),
        )}
      </ol>
      <p class="list-label" id="${id}-unranked">${rankedText(t, 'ranked.unranked')}</p>
      ${unranked.length === 0 ? html`<p class="empty">${rankedText(t, 'ranked.all-ranked')}</p>` : nothing}
      <ul part="unranked" role="list" aria-labelledby="${id}-unranked" ?hidden=${unranked.length === 0}>
        ${repeat(
          unranked,
          (option) => option.value,
          (option) => html`<li part="unranked-option" class="unranked">
            <span class="label">${option.label}</span>
            <span class="controls">
              <button
                type="button"
                part="ranked-add"
                data-value=${option.value}
                data-control="add"
                aria-label=${rankedText(t, 'ranked.add-label', { label: option.label })}
                @click=${() => this.#add(option.value)}
              >
                ${rankedText(t, 'ranked.add')}
              </button>
            </span>
          </li>`,
        )}
      </ul>
      ${error}
      <div class="sr-only" role="status" aria-live="polite" aria-atomic="true" id="${id}-live"></div>
    </div>`;
  }

  /** The voter's ranking (if any) and the other options as plain lists. */
  #readOnly(ranked: readonly PollOption[], unranked: readonly PollOption[], error: TemplateResult | typeof nothing): TemplateResult {
    const t = this.#localize;
    const id = this.#id;
    const group = this.label ? 'group' : nothing;
    if (ranked.length === 0) {
      return html`<div role=${group} aria-label=${this.label || nothing}>
        <ul part="unranked" role="list">
          ${unranked.map((option) => html`<li part="unranked-option" class="unranked"><span class="label">${option.label}</span></li>`)}
        </ul>
        ${error}
      </div>`;
    }
    return html`<div role=${group} aria-label=${this.label || nothing}>
      <p class="list-label" id="${id}-ranking">${rankedText(t, 'ranked.ranking')}</p>
      <ol part="ranking" role="list" aria-labelledby="${id}-ranking">
        ${ranked.map(
          (option, index) => html`<li part="ranked-option" class="ranked">
            <span part="ranked-position" class="position">${t.number(index + 1)}</span>
            <span class="label">${option.label}</span>
          </li>`,
        )}
      </ol>
      ${unranked.length > 0
        ? html`<p class="list-label" id="${id}-unranked">${rankedText(t, 'ranked.unranked')}</p>
            <ul part="unranked" role="list" aria-labelledby="${id}-unranked">
              ${unranked.map((option) => html`<li part="unranked-option" class="unranked"><span class="label">${option.label}</span></li>`)}
            </ul>`
        : nothing}
      ${error}
    </div>`;
  }

  #rankedItem(option: PollOption, index: number, count: number): TemplateResult {
    const t = this.#localize;
    const label = option.label;
    const stuck = (edge: boolean) => (edge ? 'true' : nothing);
    return html`<li
      part="ranked-option"
      class=${this.dropAt === index ? 'ranked drop-target' : 'ranked'}
      draggable="true"
      @keydown=${(event: KeyboardEvent) => this.#onKey(event, option.value)}
      @dragstart=${(event: DragEvent) => this.#dragStart(event, option)}
      @dragover=${(event: DragEvent) => this.#dragOver(event, index)}
      @dragleave=${() => (this.dropAt = null)}
      @drop=${(event: DragEvent) => this.#drop(event, index)}
      @dragend=${this.#dragEnd}
    >
      <span part="ranked-position" class="position">${t.number(index + 1)}</span>
      <span class="label">${label}</span>
      <span class="controls">
        <button
          type="button"
          part="ranked-move"
          data-value=${option.value}
          data-control="up"
          aria-label=${rankedText(t, 'ranked.move-up', { label })}
          aria-disabled=${stuck(index === 0)}
          @click=${() => this.#move(option.value, index - 1, 'up')}
        >
          <svg viewBox="0 0 16 16" aria-hidden="true">${arrow(true)}</svg>
        </button>
        <button
          type="button"
          part="ranked-move"
          data-value=${option.value}
          data-control="down"
          aria-label=${rankedText(t, 'ranked.move-down', { label })}
          aria-disabled=${stuck(index === count - 1)}
          @click=${() => this.#move(option.value, index + 1, 'down')}
        >
          <svg viewBox="0 0 16 16" aria-hidden="true">${arrow(false)}</svg>
        </button>
        <button
          type="button"
          part="ranked-remove"
          data-value=${option.value}
          data-control="remove"
          aria-label=${rankedText(t, 'ranked.remove', { label })}
          @click=${() => this.#remove(option.value)}
        >
          <svg viewBox="0 0 16 16" aria-hidden="true">${cross}</svg>
        </button>
      </span>
    </li>`;
  }

  #onKey(event: KeyboardEvent, value: string): void {
    if (event.ctrlKey || event.metaKey || event.shiftKey) return;
    const control = (event.target as HTMLElement | null)?.closest('button')?.dataset.control as Control | undefined;
    if (!control) return;
    const last = this.current.length - 1;
    const index = this.current.indexOf(value);
    const to = { ArrowUp: index - 1, ArrowDown: index + 1, Home: 0, End: last }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    this.#move(value, to, control);
  }

  // Pointer: an option dragged onto another takes its place (the keyboard and buttons do the same).
  #dragStart(event: DragEvent, option: PollOption): void {
    if (this.disabled) return;
    this.#dragging = option.value;
    if (event.dataTransfer) {
      event.dataTransfer.effectAllowed = 'move';
      event.dataTransfer.setData('text/plain', option.label);
    }
  }

  #dragOver(event: DragEvent, index: number): void {
    if (this.#dragging === undefined) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
    this.dropAt = index;
  }

  #drop(event: DragEvent, index: number): void {
    const value = this.#dragging;
    if (value === undefined) return;
    event.preventDefault();
    this.#dragEnd();
    if (this.current.indexOf(value) !== index) this.#move(value, index, null);
  }

  #dragEnd = (): void => {
    this.#dragging = undefined;
    this.dropAt = null;
  };

  #move(value: string, to: number, control: Control | null): void {
    const label = this.#label(value);
    const from = this.current.indexOf(value);
    if (this.disabled || from < 0) return;
    // Home on the first option, End on the last, or past either end: nothing moves, say why.
    if (to < 0 || to >= this.current.length || to === from) {
      const atTop = to < 0 || (to === from && from === 0);
      return this.#announce(rankedText(this.#localize, atTop ? 'ranked.first-already' : 'ranked.last-already', { label }));
    }
    const next = [...this.current];
    next.splice(from, 1);
    next.splice(to, 0, value);
    this.#commit(next, control ? { value, control } : undefined);
    this.#announce(rankedText(this.#localize, 'ranked.position', { label, position: to + 1, count: next.length }));
  }

  #add(value: string): void {
    if (this.disabled || this.current.includes(value)) return;
    const next = [...this.current, value];
    this.#commit(next, { value, control: 'up' });
    this.#announce(rankedText(this.#localize, 'ranked.added', { label: this.#label(value), position: next.length, count: next.length }));
  }

  #remove(value: string): void {
    if (this.disabled) return;
    this.#commit(
      this.current.filter((ranked) => ranked !== value),
      { value, control: 'add' },
    );
    this.#announce(rankedText(this.#localize, 'ranked.removed', { label: this.#label(value) }));
  }

  #commit(next: string[], focus: { value: string; control: Control } | undefined): void {
    this.current = next;
    // Moving a list item re-inserts its node, and a removed node loses focus: put it back.
    this.#focusAfterUpdate = focus;
    this.onChange([...next]);
  }

  #label(value: string): string {
    return this.options.find((option) => option.value === value)?.label ?? value;
  }

  #announce(message: string): void {
    const live = this.renderRoot.querySelector(`#${this.#id}-live`);
    if (!live) return;
    // Emptied first, so the same message twice ("already first") is announced twice.
    live.textContent = '';
    clearTimeout(this.#announceTimer);
    this.#announceTimer = setTimeout(() => (live.textContent = message), 50);
  }
}

if (!customElements.get('plein-ranked-ballot')) customElements.define('plein-ranked-ballot', PleinRankedBallot);

declare global {
  interface HTMLElementTagNameMap {
    'plein-ranked-ballot': PleinRankedBallot;
  }
}

/** The ballot as a template, for the poll's render (see the module's JSDoc). */
export function renderRankedBallot(props: RankedBallotProps): TemplateResult {
  return html`<plein-ranked-ballot
    .options=${props.options}
    .ranking=${props.ranking}
    .onChange=${props.onChange}
    ?disabled=${props.disabled === true}
    .error=${props.error ?? ''}
    .label=${props.label ?? ''}
    lang=${props.lang ?? nothing}
    exportparts=${RANKED_PARTS}
  ></plein-ranked-ballot>`;
}
