import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { live } from 'lit/directives/live.js';
import type { AdapterError } from '../../adapters/errors.js';
import { renderMarkdown } from '../../core/markdown.js';
import { LIMITS, textLength, validateCommentBody, validateGuestName } from '../../domain/limits.js';
import type { DraftKey } from '../../stores/comments/drafts.js';
import type { CommentsStore } from '../../stores/comments/types.js';
import { fieldMessage } from './field-message.js';
import type { CommentsLocalize } from './localize.js';

export type ComposerMode = 'new' | 'reply' | 'edit';

/** What the composer hands its owner; resolves `true` when the text was taken (clear the field). */
export type ComposerSubmit = (text: string, guestName: string | undefined) => Promise<boolean>;

let instances = 0;
const mac = typeof navigator !== 'undefined' && /Mac|iP(hone|ad|od)/.test(navigator.platform);

/**
 * The writing area of `<plein-comments>`: write/preview tabs, live character count, draft
 * autosave, Ctrl/Cmd+Enter, the guest name and every field error under its field.
 *
 * Internal: it renders into its own light DOM, which lives inside the one shadow root of
 * `<plein-comments>`, so that element's styles and `::part()` reach everything here and ids
 * referenced by ARIA attributes stay in one tree. The owner passes state in and gets text out
 * through `submit`; the composer never talks to a store other than its drafts.
 */
export class PleinCommentsComposer extends LitElement {
  // Internal state is `attribute: false` (what `state: true` amounts to), which the manifest's
  // analyzer reads as "no attribute".
  static override properties = {
    localize: { attribute: false },
    lang: {},
    revision: { attribute: false },
    store: { attribute: false },
    draftKey: { attribute: false },
    mode: {},
    replyName: { attribute: false },
    initial: { attribute: false },
    guest: { type: Boolean },
    error: { attribute: false },
    blockedUntil: { attribute: false },
    late: { attribute: false },
    submit: { attribute: false },
    cancel: { attribute: false },
    text: { attribute: false },
    name: { attribute: false },
    tab: { attribute: false },
    busy: { attribute: false },
    issues: { attribute: false },
    now: { attribute: false },
  };

  declare localize: CommentsLocalize;
  /** Re-renders the strings when the owner's language changes, or its strings arrive. */
  override lang = '';
  revision = 0;
  declare store: CommentsStore;
  draftKey: DraftKey = 'root';
  mode: ComposerMode = 'new';
  /** Who is replied to, for the label. */
  replyName = '';
  /** The text to start from when there is no draft (the comment being edited). */
  initial = '';
  /** Show the name field: an anonymous visitor on a thread that takes guests. */
  guest = false;
  /** The backend's refusal of the last submit, shown under the field it concerns. */
  error: AdapterError | null = null;
  /** Epoch ms until which the backend refuses new posts (rate limit), else `null`. */
  blockedUntil: number | null = null;
  /** An edit whose time has passed: saying so, with the text still there to copy, beats a refusal. */
  late = false;
  submit: ComposerSubmit = async () => false;
  cancel: (() => void) | null = null;

  private text = '';
  private name = '';
  private tab: 'write' | 'preview' = 'write';
  private busy = false;
  /** Problems found before sending (empty, too long, no name). */
  private issues: Record<string, { reason: string; params?: Record<string, number | string> }> = {};
  private now = Date.now();

  readonly #id = `pc${++instances}`;
  #timer: ReturnType<typeof setInterval> | undefined;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** Puts the caret in the text field (after opening, after a refused post). */
  /** Focuses the text (in the write tab), or the guest's name field when asked and shown. */
  focusInput(field?: 'name'): void {
    this.tab = 'write';
    void this.updateComplete.then(() => this.querySelector<HTMLElement>(field === 'name' && this.guest ? 'input' : 'textarea')?.focus());
  }

  /** The text currently in the field. */
  get value(): string {
    return this.text;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('draftKey') || changed.has('store')) {
      this.text = this.store?.drafts.get(this.draftKey) || this.initial;
      this.issues = {};
    }
    if (changed.has('error') && this.error) this.issues = {};
    // The name field back after a guest signed out: the next guest starts with none.
    if (changed.get('guest') === false && this.guest) this.name = '';
    const blocked = this.#blockedUntil();
    if (blocked > Date.now() && !this.#timer) {
      this.now = Date.now();
      this.#timer = setInterval(() => {
        this.now = Date.now();
        if (this.now >= this.#blockedUntil()) {
          clearInterval(this.#timer);
          this.#timer = undefined;
        }
      }, 1000);
    }
  }

  #blockedUntil(): number {
    return this.mode === 'edit' ? 0 : (this.blockedUntil ?? 0);
  }

  #input(event: Event): void {
    this.text = (event.target as HTMLTextAreaElement).value;
    if (this.issues.body) {
      const { body: _fixed, ...rest } = this.issues;
      this.issues = rest;
    }
    this.store?.drafts.set(this.draftKey, this.text);
  }

  #keydown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      this.querySelector('form')?.requestSubmit();
    } else if (event.key === 'Escape' && this.cancel) {
      event.preventDefault();
      event.stopPropagation();
      this.cancel();
    }
  }

  #tabKey(event: KeyboardEvent): void {
    const next: Record<string, 'write' | 'preview'> = {
      ArrowLeft: this.tab === 'write' ? 'preview' : 'write',
      ArrowRight: this.tab === 'write' ? 'preview' : 'write',
      Home: 'write',
      End: 'preview',
    };
    const tab = next[event.key];
    if (!tab) return;
    event.preventDefault();
    this.tab = tab;
    void this.updateComplete.then(() => this.querySelector<HTMLElement>(`#${this.#id}-${tab}`)?.focus());
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy || this.late || this.#blockedUntil() > Date.now()) return;
    const issues: typeof this.issues = {};
    const body = validateCommentBody(this.text).body;
    if (body) issues.body = body;
    const name = this.guest ? validateGuestName(this.name).name : undefined;
    if (name) issues.guestName = name;
    this.issues = issues;
    if (body || name) {
      this.tab = 'write';
      await this.updateComplete;
      this.querySelector<HTMLElement>(body ? 'textarea' : 'input')?.focus();
      return;
    }
    this.busy = true;
    try {
      const sent = this.text;
      const taken = await this.submit(sent, this.guest ? this.name.trim() : undefined);
      // What the writer typed while it was on its way is theirs to keep.
      if (taken && this.text === sent) {
        this.text = '';
        this.tab = 'write';
      }
    } finally {
      this.busy = false;
    }
  }

  /** A field's problem: found here before sending, or named by the backend's `invalid` error. */
  #fieldError(field: 'body' | 'guestName'): string {
    const local = this.issues[field];
    const remote = this.error?.code === 'invalid' ? this.error.fields[field] : undefined;
    const issue = local ?? remote;
    if (!issue) return '';
    if (field === 'guestName' && issue.reason === 'required') return this.localize.t('name-required');
    return fieldMessage(this.localize, issue, remote?.message);
  }

  /** A refusal that is about no field: shown under the buttons. */
  #formError(): string {
    const error = this.error;
    if (this.late) return this.localize.t('edit-window-passed');
    if (!error) return '';
    if (error.code === 'invalid' && Object.keys(error.fields).some((field) => field === 'body' || field === 'guestName')) return '';
    if (error.code === 'rate-limited') return '';
    if (error.code === 'network') return this.localize.t('offline');
    return this.localize.errorMessage(error);
  }

  protected override render() {
    const t = this.localize;
    const id = this.#id;
    const length = textLength(this.text.trim());
    const left = LIMITS.commentBody.max - length;
    const bodyError = this.#fieldError('body');
    const nameError = this.guest ? this.#fieldError('guestName') : '';
    const formError = this.#formError();
    const wait = Math.ceil((this.#blockedUntil() - this.now) / 1000);
    const label =
      this.mode === 'edit' ? t.t('edit-label') : this.mode === 'reply' ? t.t('reply-label', { name: this.replyName }) : t.t('new-label');
    const submitLabel = this.mode === 'edit' ? t.t('save') : this.mode === 'reply' ? t.t('post-reply') : t.t('post');
    const preview = this.tab === 'preview';
    // The hint before the count: it ends its sentence, and the count does not ("5,000 characters left
    // Markdown: …" read as one).
    const described = [bodyError && `${id}-error`, `${id}-hint`, `${id}-count`].filter(Boolean).join(' ');

    return html`<form part="composer composer-${this.mode}" class="composer" novalidate aria-label=${label} @submit=${this.#submit}>
      ${this.guest
        ? html`<div class="field">
            <label part="label" for="${id}-name">${t.term('guest-name')}</label>
            <input
              part="name-input"
              id="${id}-name"
              class="input"
              autocomplete="nickname"
              maxlength=${LIMITS.guestName.max}
              .value=${live(this.name)}
              aria-invalid=${nameError ? 'true' : 'false'}
              aria-describedby=${nameError ? `${id}-name-error` : nothing}
              @input=${(event: Event) => (this.name = (event.target as HTMLInputElement).value)}
            />
            ${nameError ? html`<p part="field-error" class="field-error" id="${id}-name-error">${nameError}</p>` : nothing}
          </div>`
        : nothing}
      <div class="composer-head">
        <label part="label" class="label" for="${id}-text">${label}</label>
        <div part="tabs" class="tabs" role="tablist" aria-label=${t.t('composer-tabs')} @keydown=${this.#tabKey}>
          ${(['write', 'preview'] as const).map(
            (tab) => html`<button
              type="button"
              part="tab${this.tab === tab ? ' tab-selected' : ''}"
              class="tab"
              role="tab"
              id="${id}-${tab}"
              aria-selected=${this.tab === tab ? 'true' : 'false'}
              aria-controls="${id}-${tab}-panel"
              tabindex=${this.tab === tab ? '0' : '-1'}
              @click=${() => (this.tab = tab)}
            >
              ${t.t(tab)}
            </button>`,
          )}
        </div>
      </div>
      <div role="tabpanel" id="${id}-write-panel" aria-labelledby="${id}-write" ?hidden=${preview}>
        <textarea
          part="textarea"
          class="textarea"
          id="${id}-text"
          rows="3"
          dir="auto"
          placeholder=${this.mode === 'new' ? t.t('placeholder') : nothing}
          .value=${live(this.text)}
          ?readonly=${this.busy}
          aria-invalid=${bodyError || left < 0 ? 'true' : 'false'}
          aria-describedby=${described}
          @input=${this.#input}
          @keydown=${this.#keydown}
        ></textarea>
      </div>
      <div
        part="preview"
        class="preview body"
        dir="auto"
        role="tabpanel"
        id="${id}-preview-panel"
        aria-labelledby="${id}-preview"
        tabindex="0"
        ?hidden=${!preview}
      >
        ${preview ? (length ? renderMarkdown(this.text) : html`<p class="muted">${t.t('preview-empty')}</p>`) : nothing}
      </div>
      ${bodyError ? html`<p part="field-error" class="field-error" id="${id}-error">${bodyError}</p>` : nothing}
      <div part="composer-footer" class="composer-footer">
        <span part="counter" class="counter${left < 0 ? ' over' : ''}" id="${id}-count"
          >${left < 0 ? t.t('chars-over', { count: -left }) : t.t('chars-left', { count: left })}</span
        >
        <span part="hint" class="hint" id="${id}-hint">${t.t('hint')} ${t.t('shortcut', { key: mac ? '⌘' : 'Ctrl' })}</span>
        <span class="buttons">
          ${this.cancel
            ? html`<button type="button" part="cancel" class="button" @click=${() => this.cancel?.()}>${t.term('cancel')}</button>`
            : nothing}
          <button
            type="submit"
            part="submit"
            class="button primary"
            aria-disabled=${this.busy || this.late || wait > 0 ? 'true' : 'false'}
            aria-describedby=${wait > 0 ? `${id}-wait` : nothing}
          >
            ${submitLabel}
          </button>
        </span>
      </div>
      ${
        // Not a live region: a screen reader would read each second of it. The refusal that set
        // the wait was announced; the disabled button reads how long is left.
        wait > 0 ? html`<p part="notice" class="notice warning" id="${id}-wait">${t.t('rate-limited', { count: wait })}</p>` : nothing
      }
      ${formError ? html`<p part="form-error" class="field-error" role="alert">${formError}</p>` : nothing}
    </form>`;
  }
}

/**
 * Called by the writing part, not on import: a bundler drops a module imported only for its side
 * effects when the package says it has none, and the composer never got defined in a Vite build.
 */
export function defineComposer(): void {
  if (!customElements.get('plein-comments-composer')) customElements.define('plein-comments-composer', PleinCommentsComposer);
}

declare global {
  interface HTMLElementTagNameMap {
    'plein-comments-composer': PleinCommentsComposer;
  }
}
