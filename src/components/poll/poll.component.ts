import { html, nothing, type CSSResult, type PropertyValues, type TemplateResult } from 'lit';
import { supports, type Ballot, type Poll, type PollDefinition, type Viewer } from '../../adapters/contract.js';
import type { AdapterError } from '../../adapters/errors.js';
import { $config } from '../../core/config.js';
import { toAdapterError } from '../../core/errors.js';
import { PleinErrorEvent } from '../../core/events.js';
import { PleinElement } from '../../core/plein-element.js';
import { StoreController } from '../../core/store-controller.js';
import { DEFAULT_RATING_SCALE } from '../../domain/rating-scale.js';
import { createPollStore, type PollStore } from '../../stores/polls/index.js';
import { nextTick } from './countdown.js';
import { readDefinition } from './definition.js';
import { PleinPollClosedEvent } from './events.js';
import type { PollHost, PollInteraction } from './interaction.js';
import { PollsLocalize } from './localize.js';
import { adoptPartStyles } from './part-styles.js';
import { PleinOption } from './option.js';
import { loadPart, part, type PartName, type Parts } from './parts.js';
import { pollStyles } from './poll.styles.js';

/** Only demo mode shows the demo note, so pages on a real backend never download it. */
let demoNoteChunk: Promise<unknown> | undefined;
function demoNote(): TemplateResult {
  demoNoteChunk ??= import('../demo-note/demo-note.js').catch((error: unknown) =>
    console.warn('plein: could not load <plein-demo-note>.', error),
  );
  return html`<plein-demo-note></plein-demo-note>`;
}

/**
 * @summary A poll, rating, ranked-choice vote or quiz on any page, with results that show only
 * when the poll's rule allows, live updates and moderator tools, on any backend adapter.
 * @tag plein-poll
 *
 * Declarative: the attributes and `<plein-option>` children are the definition, registered on
 * first render (and frozen once votes exist):
 * ```html
 * <plein-poll poll="next-meetup" type="single" results="after-vote" closes="2026-12-31T18:00:00Z">
 *   <span slot="question">Where shall we meet next?</span>
 *   <plein-option value="utrecht">Utrecht</plein-option>
 *   <plein-option value="amsterdam">Amsterdam</plein-option>
 * </plein-poll>
 * ```
 * By reference, with only `poll`: the poll made through the server's API or CLI.
 * Unset settings default to `type="single"`, `results="always"`, `voters="secret"`,
 * `integrity="member"`, a 1–5 rating scale in steps of 1.
 *
 * Voting uses native radio buttons and checkboxes in a `<fieldset>` whose `<legend>` is the
 * question; ranked polls load a keyboard-operable ranking list. After voting, focus moves to the
 * confirmation and a polite live region announces it. A close or reopen (here, elsewhere or by
 * time) that takes the focused control away moves focus to "This poll is closed." or to the
 * question; focus elsewhere on the page stays. Results are bars with their percentage and count
 * as text, updated live as votes arrive.
 *
 * @slot question - The question (its text is the definition's `question`).
 * @slot - `<plein-option>` elements: the options of a declarative poll (not rendered themselves).
 *
 * @event {PleinVoteCastEvent} plein-vote-cast - The backend accepted the viewer's ballot (`detail.poll`, `detail.ballot`).
 * @event {PleinPollClosedEvent} plein-poll-closed - The poll went from open to closed (`detail.poll`, `detail.by`: `moderator`, `elsewhere` or `time`).
 * @event {PleinErrorEvent} plein-error - An action failed (`detail.action`: `load`, `vote`, `remove-vote`, `close`, `reopen`, `voters`, `export`); the element already shows a message.
 * @event {PleinLoginRequestEvent} plein-login-request - An anonymous visitor tried to vote in a `member` poll; call `preventDefault()` and show your sign-in.
 *
 * @csspart base - The whole widget's box.
 * @csspart header - The row with the poll's state and countdown.
 * @csspart status - "This poll is closed."
 * @csspart countdown - The time left until the poll closes (a `<time>`).
 * @csspart form - The voting form.
 * @csspart question - The `<legend>` with the question.
 * @csspart hint - How many options to choose, or the rating scale.
 * @csspart options - The list of choices.
 * @csspart option - One choice (a `<label>` around its radio button or checkbox); also `option-correct`, `option-wrong` after a quiz answer.
 * @csspart input - A radio button or checkbox.
 * @csspart field-error - What is wrong with the ballot, under the choices.
 * @csspart actions - The row of vote buttons.
 * @csspart submit - The "Vote" / "Change my vote" button.
 * @csspart remove-vote - The "Remove my vote" button.
 * @csspart notice - Notes: sign-in needed, already voted, a failed vote with its retry.
 * @csspart retry - The retry button after a failed vote or load.
 * @csspart confirmation - The thank-you line after voting (focused after a vote).
 * @csspart verdict - A quiz's right/wrong line, the explanation and the share who got it right.
 * @csspart result - The results box; the bars' rows are `result` too (also `result-mine` for the viewer's choice).
 * @csspart results-heading - The "Results" heading of the results box.
 * @csspart results - The list of result rows.
 * @csspart result-label - A result row's option, with "(your choice)".
 * @csspart result-value - A result row's percentage and number of votes.
 * @csspart bar - A result's bar (decorative; its text sits next to it).
 * @csspart total - The number of votes.
 * @csspart winner - The leading option, the winner or the tie.
 * @csspart average - A rating's average.
 * @csspart withheld - Why results are not shown yet, with the number of votes.
 * @csspart moderation - The moderator's tools.
 * @csspart close - The close / reopen button.
 * @csspart export - The CSV export buttons; also `export-voters` for the list of who voted what.
 * @csspart voters-toggle - The show / hide voters button.
 * @csspart voters - The list of who voted what.
 * @csspart error - A message about a definition, a load or an action that failed.
 *
 * @cssprop --plein-poll-background - Background of the widget (default `--plein-color-surface`).
 * @cssprop --plein-poll-color - Text colour (default `--plein-color-text`).
 * @cssprop --plein-poll-border-color - Borders (default `--plein-color-border`).
 * @cssprop --plein-poll-radius - Corner radius (default `--plein-radius-m`).
 * @cssprop --plein-poll-padding - Padding of the widget (default `--plein-space-m`).
 * @cssprop --plein-poll-gap - Space between the parts (default `--plein-space-s`).
 * @cssprop --plein-poll-accent - Buttons, selected options and bars (default `--plein-color-accent`).
 * @cssprop --plein-poll-accent-hover - The Vote button under the pointer (default `--plein-color-accent-hover`; unset too, the accent a fifth of the way to black under a light label, to white under a dark one).
 * @cssprop --plein-poll-accent-contrast - Text on the accent: the Vote button's label (default `--plein-color-accent-contrast`). Set it with the accent, at least 4.5:1 on it.
 * @cssprop --plein-poll-bar-color - The result bars (default `--plein-poll-accent`).
 * @cssprop --plein-poll-bar-track - The empty part of a bar (default `--plein-color-surface-alt`).
 * @cssprop --plein-poll-bar-height - Height of a bar (default 0.5em).
 *
 * @cssstate loading - The poll is loading.
 * @cssstate empty - Loaded, and nobody has voted yet.
 * @cssstate error - The poll could not be loaded, its definition is refused, or it does not exist.
 * @cssstate closed - The poll is closed.
 * @cssstate voted - The viewer has a ballot in the poll.
 */
export class PleinPoll extends PleinElement {
  static override styles = [PleinElement.styles, pollStyles];

  /** Defines `<plein-option>` as well: the poll reads its definition from children of that tag. */
  static override define(tag: string): void {
    PleinOption.define('plein-option');
    super.define(tag);
  }

  // Internal state is `attribute: false` (what `state: true` amounts to), which the manifest's
  // analyzer reads as "no attribute".
  static override properties = {
    poll: { reflect: true },
    type: {},
    results: {},
    voters: {},
    integrity: {},
    min: { type: Number },
    max: { type: Number },
    scaleMin: { type: Number, attribute: 'scale-min' },
    scaleMax: { type: Number, attribute: 'scale-max' },
    scaleStep: { type: Number, attribute: 'scale-step' },
    correct: {},
    explanation: {},
    closes: {},
    allowChange: { type: Boolean, attribute: 'allow-change' },
    choices: { attribute: false },
    loginNote: { attribute: false },
    now: { attribute: false },
  };

  /** The poll's id. Required. With nothing else set, the poll is read by reference. */
  poll = '';
  /** `single`, `multiple`, `rating`, `ranked` or `quiz`. */
  declare type: string | undefined;
  /** When results show: `always`, `after-vote`, `after-close` or `moderators`. */
  declare results: string | undefined;
  /** Who may see who voted what: `public`, `secret` or `anonymous`. */
  declare voters: string | undefined;
  /** One vote per signed-in `member`, or per `device` (guests may vote). */
  declare integrity: string | undefined;
  /** `multiple`: the fewest options a ballot must hold. */
  declare min: number | undefined;
  /** `multiple`: the most options a ballot may hold. */
  declare max: number | undefined;
  /** `rating`: the lowest rating (default 1). */
  declare scaleMin: number | undefined;
  /** `rating`: the highest rating (default 5). */
  declare scaleMax: number | undefined;
  /** `rating`: the step between ratings (default 1). */
  declare scaleStep: number | undefined;
  /** `quiz`: the right answers' values, space-separated (or mark options with `correct`). */
  declare correct: string | undefined;
  /** `quiz`: what to show after answering. */
  declare explanation: string | undefined;
  /** When the poll closes, as an ISO 8601 date-time (`2026-12-31T18:00:00Z`). */
  declare closes: string | undefined;
  /** Voters may change or remove their vote while the poll is open. */
  allowChange = false;

  // What the interaction part works with (`PollHost`): TypeScript-private, so no public API.
  /** The selection on screen: the chosen values, the ranking in order, or a rating's value as text. */
  private choices: string[] = [];
  /** A login request nobody on the page answered: show the note instead. */
  private loginNote = false;
  /**
   * The ballot cast through this element in this visit: for the thank-you line, and for a quiz
   * verdict where the backend does not echo the ballot (anonymous polls).
   */
  private cast: Ballot | null = null;
  /** The voter changed the selection since it was last set from their stored ballot. */
  private touched = false;
  private readonly t = new PollsLocalize(this);

  private now = Date.now();
  /** Parts whose chunk could not be fetched: said where they would show, fetched again on request. */
  readonly #failed = new Set<PartName>();
  /** Parts on their way for this element: one request, one warning if it fails. */
  readonly #loading = new Set<PartName>();
  /** Parts this element has asked for and has: their styles are in its shadow root. */
  readonly #using = new Set<PartName>();
  #interaction: PollInteraction | undefined;
  /** What a voter asked for before the interaction part was here: done once it is. */
  #waiting: { action: 'vote' | 'remove-vote'; act: (part: PollInteraction) => void } | undefined;

  #definition: PollDefinition | null = null;
  readonly #store = new StoreController<string, PollStore>(this, {
    key: () => this.#key(),
    create: (_key, adapter) => createPollStore(adapter, { id: this.poll, definition: this.#definition }),
    dispose: (store) => store.dispose(),
    atoms: (store) => [
      store.$poll,
      store.$status,
      store.$error,
      store.$definitionRefused,
      store.$viewer,
      store.$pending,
      store.$fieldErrors,
      store.$lastError,
      store.$blockedUntil,
      store.$voters,
    ],
  });

  #current: PollStore | undefined;
  #ballotSeen = '';
  /** Who the poll was last shown to; `undefined` before the first read. */
  #viewerShown: Viewer | null | undefined;
  #wasClosed: boolean | undefined;
  /** Whether focus was in the shadow root as the current update began (see `#keepFocus`). */
  #focusWithin = false;
  #moderation: InstanceType<Parts['manage']['Moderation']> | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #observer: MutationObserver | undefined;

  /** The poll store in use: its atoms and actions drive this element. */
  get store(): PollStore | undefined {
    return this.#store.value;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Options and the question are children: a change to them is a change of definition.
    this.#observer ??= new MutationObserver((records) => {
      if (records.some((record) => record.target !== this || record.type === 'childList')) this.requestUpdate();
    });
    this.#observer.observe(this, { childList: true, subtree: true, characterData: true, attributes: true });
    // Whoever reaches for the ballot may be about to vote: what voting does, and the bars shown
    // after a vote, come along (and parts that failed to load are tried again).
    for (const type of ['pointerenter', 'focusin', 'touchstart']) this.addEventListener(type, this.#warm, { passive: true });
  }

  #warm = (): void => {
    // The next update asks again for any part that failed here.
    if (this.#failed.size > 0) this.requestUpdate();
    this.#failed.clear();
    this.#part('results');
    const store = this.#current;
    const poll = store?.$poll.get();
    // Only where this viewer can vote (or may, once the poll is read): a closed poll never needs it.
    if (store && (poll ? this.#interactive(store, poll, store.isClosed()) : !this.readonly)) this.#part('interaction');
  };

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer?.disconnect();
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #key(): string | null {
    if (!this.poll) return null;
    this.#definition = readDefinition(this, this);
    // Compared as text: an equal definition read again must not replace the store.
    return `${this.poll}\n${JSON.stringify(this.#definition)}`;
  }

  /**
   * Part `name` once it is here (its styles join this shadow root first); until then `undefined`,
   * and the part is fetched (unless it failed here: then it waits for a retry), with a render when
   * it arrives.
   */
  #part<K extends PartName>(name: K): Parts[K] | undefined {
    const module = part(name);
    if (!module) {
      if (this.#failed.has(name) || this.#loading.has(name)) return undefined;
      this.#loading.add(name);
      loadPart(name)
        .catch((error: unknown) => {
          console.warn(`plein: could not load a part of <plein-poll> (${name}).`, error);
          this.#failed.add(name);
        })
        .finally(() => {
          this.#loading.delete(name);
          this.requestUpdate();
        });
      return undefined;
    }
    const styles = (module as { styles?: CSSResult }).styles;
    if (!this.#using.has(name)) {
      this.#using.add(name);
      if (styles) adoptPartStyles(this.renderRoot as ShadowRoot, styles);
    }
    return module;
  }

  /** Part `name` if this element asked for it and it is here (rendering never fetches). */
  #has<K extends PartName>(name: K): Parts[K] | undefined {
    return this.#using.has(name) ? part(name) : undefined;
  }

  protected override update(changed: PropertyValues<this>): void {
    const store = this.#store.value;
    if (store !== this.#current) this.#switchStore(store);
    const poll = store?.$poll.get() ?? null;
    const declared = this.#definition;
    if (store && poll) this.#followViewer(store.$viewer.get());
    if (poll) this.#syncSelection(poll);
    // Each part arrives beside the first read when the poll (or, before the read, its attributes)
    // shows it needs it; a poll by reference may need any until it is read.
    const is = (type: string): boolean => (poll ? poll.type === type : !declared || declared.type === type);
    if (this.poll) {
      // The ranked chunks are large: a poll by reference waits for its read to ask for them.
      if ((poll ?? declared)?.type === 'ranked') this.#part('ranked');
      // A quiz's verdict, a rating's distribution, a countdown.
      if (is('rating') || is('quiz') || (poll ? poll.closesAt : !declared || declared.closesAt)) this.#part('extras');
      if (poll ? poll.tally : !declared || declared.results === 'always') this.#part('results');
    }
    if (store && this.#needsManage(store, poll)) this.#part('manage');
    // A failed vote or a refused ballot is told by the interaction part: here already when this
    // element sent it, not when something else drove the store.
    const action = store?.$lastError.get()?.action;
    if (store && (action === 'vote' || action === 'remove-vote' || Object.keys(store.$fieldErrors.get()).length > 0)) this.#part('interaction');
    this.#focusWithin = !!this.shadowRoot?.activeElement;
    super.update(changed);
  }

  /** Moderators' tools, voter lists and definition problems are a chunk most visitors never need. */
  #needsManage(store: PollStore, poll: Poll | null): boolean {
    if (!poll) return store.$status.get() === 'error' && store.$error.get()?.code === 'invalid' && this.#definition !== null;
    if (this.readonly) return false;
    return store.can('poll.close').allowed || (poll.voters === 'public' && store.can('poll.votes').allowed);
  }

  #switchStore(store: PollStore | undefined): void {
    this.#current = store;
    this.choices = [];
    this.#moderation?.reset();
    this.loginNote = false;
    this.touched = false;
    this.#ballotSeen = '';
    this.cast = null;
    this.#wasClosed = undefined;
    this.#viewerShown = undefined;
  }

  /**
   * Someone else now (signed in or out here or in another tab): what the last person chose, cast
   * or opened is theirs. Only a visitor's choice that is not cast yet stays, as they may have
   * signed in to cast it. Their own ballot follows from the store's read for them.
   */
  #followViewer(viewer: Viewer | null): void {
    const before = this.#viewerShown;
    this.#viewerShown = viewer;
    if (before === undefined || before?.id === viewer?.id) return;
    if (before !== null || this.cast !== null) {
      this.choices = [];
      this.touched = false;
    }
    this.cast = null;
    this.#ballotSeen = '';
    this.#moderation?.reset();
  }

  /**
   * Shows the stored ballot as the selection, unless the voter is choosing anew; a ballot taken
   * back elsewhere (another tab of theirs) takes its choice with it.
   */
  #syncSelection(poll: Poll): void {
    const seen = JSON.stringify(poll.myBallot ?? null);
    if (seen === this.#ballotSeen) return;
    const hadBallot = this.#ballotSeen !== '' && this.#ballotSeen !== 'null';
    this.#ballotSeen = seen;
    if (this.touched) return;
    if (poll.myBallot) this.choices = 'rating' in poll.myBallot ? [String(poll.myBallot.rating)] : [...poll.myBallot.choices];
    else if (hadBallot) this.choices = [];
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const store = this.#current;
    const status = store?.$status.get() ?? 'idle';
    const poll = store?.$poll.get() ?? null;
    const closed = store?.isClosed() === true;
    this.setCustomState('loading', status === 'loading' && !poll);
    this.setCustomState('error', status === 'error' || status === 'not-found');
    this.setCustomState('empty', poll !== null && poll.ballotCount === 0);
    this.setCustomState('closed', closed);
    this.setCustomState('voted', poll?.voted === true);
    if (store && poll) this.#watchClosing(store, poll, closed);
    if (status === 'error') this.#reportLoadError(store);
  }

  #reportedLoadError: AdapterError | null = null;

  #reportLoadError(store: PollStore | undefined): void {
    const error = store?.$error.get() ?? null;
    if (!error || error === this.#reportedLoadError) return;
    this.#reportedLoadError = error;
    this.dispatchEvent(new PleinErrorEvent({ error, action: 'load' }));
  }

  /** Fires `plein-poll-closed` on the change, and keeps the countdown (or the rate-limit wait) moving. */
  #watchClosing(store: PollStore, poll: Poll, closed: boolean): void {
    if (this.#wasClosed === false && closed) {
      const by = this.#moderation?.closing ? 'moderator' : poll.status === 'open' ? 'time' : 'elsewhere';
      this.dispatchEvent(new PleinPollClosedEvent({ poll, by }));
      this.announce(this.t.t('closed-announce'));
      this.#keepFocus('[part~="status"]');
      // The backend answers for the close: results may now be visible to everyone.
      if (by === 'time') void store.load();
    } else if (this.#wasClosed === true && !closed) {
      this.announce(this.t.t('reopened-announce'));
      this.#keepFocus('#question');
    }
    this.#wasClosed = closed;
    clearTimeout(this.#timer);
    const blocked = store.$blockedUntil.get();
    const delay = Math.min(
      closed || !poll.closesAt ? Infinity : nextTick(Date.parse(poll.closesAt) - Date.now()),
      blocked && blocked > Date.now() ? blocked - Date.now() + 50 : Infinity,
    );
    if (Number.isFinite(delay)) this.#timer = setTimeout(() => (this.now = Date.now()), delay);
  }

  /**
   * A close takes the ballot's controls from under the visitor's focus (Vote goes, the choices are
   * disabled), a reopen the closed line: the browser drops focus to the page's body, and the
   * keyboard and screen reader user loses their place. Focus lost from this shadow root moves to
   * `selector` instead; focus anywhere else on the page stays where it is.
   */
  #keepFocus(selector: string): void {
    const active = this.shadowRoot?.activeElement;
    if (this.#focusWithin && (!active || active.matches(':disabled'))) this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  // -------------------------------------------------------------------------------------------
  // Rendering

  protected override render(): TemplateResult {
    const store = this.#current;
    const poll = store?.$poll.get() ?? null;
    return html`<section part="base" class="base" aria-labelledby=${poll ? 'question' : nothing} aria-label=${poll ? nothing : this.t.t('poll')}>
      ${$config.get().demo ? demoNote() : nothing} ${store && poll ? this.#pollView(store, poll) : this.#state(store)}
      <div class="sr-only" role="status" aria-live="polite" aria-atomic="true" id="live"></div>
    </section>`;
  }

  #state(store: PollStore | undefined): TemplateResult | typeof nothing {
    const t = this.t;
    const adapter = this.adapter;
    if (!this.poll) return nothing;
    if (adapter && !supports(adapter, 'polls')) return html`<p part="error" class="notice">${t.t('unsupported')}</p>`;
    const status = store?.$status.get() ?? 'idle';
    if (status === 'not-found') return html`<p part="error" class="notice" role="alert">${t.t('not-found', { id: this.poll })}</p>`;
    if (status === 'error' && store) {
      const error = store.$error.get();
      if (error?.code === 'invalid' && this.#definition) {
        const manage = this.#has('manage');
        return manage ? manage.definitionProblems(t, this.#definition, error) : this.#awaiting('manage');
      }
      return html`<div part="error" class="notice danger" role="alert">
        <p>${t.t('load-error')} ${error ? t.errorMessage(error) : ''}</p>
        <button type="button" part="retry" class="button" @click=${() => void store.load()}>${t.term('retry')}</button>
      </div>`;
    }
    return html`<p class="muted" role="status">${t.t('loading')}</p>`;
  }

  #pollView(store: PollStore, poll: Poll): TemplateResult {
    const t = this.t;
    const closed = store.isClosed();
    const refused = store.$definitionRefused.get();
    const moderator = !this.readonly && store.can('poll.close').allowed;
    const manage = this.#has('manage');
    const extras = this.#has('extras');
    const state = closed
      ? html`<p part="status" class="chip" tabindex="-1">${t.t('closed')}</p>`
      : poll.closesAt && extras
        ? extras.countdown(t, poll.closesAt, this.now)
        : nothing;
    const voters = poll.voters === 'secret' ? nothing : html`<p class="muted small">${t.t(`voters.${poll.voters}`)}</p>`;
    this.#moderation ??= manage && new manage.Moderation({ element: this, localize: t, store: () => this.#current, announce: (message) => this.announce(message) });
    return html`${refused && moderator && manage ? manage.frozenNotice(t, refused) : nothing}
      ${state === nothing && voters === nothing ? nothing : html`<div part="header" class="header">${state} ${voters}</div>`}
      ${this.#form(store, poll, closed)} ${this.#confirmation(poll)} ${this.#results(poll, closed)}
      ${this.#moderation?.view(store, poll, closed, moderator, !this.readonly && poll.voters === 'public' && store.can('poll.votes').allowed) ?? nothing}`;
  }

  /** Whether the viewer can work the ballot now; the reason shown when not. */
  #interactive(store: PollStore, poll: Poll, closed: boolean): boolean {
    if (this.readonly || closed || (poll.voted && poll.allowChange !== true)) return false;
    const decision = store.can('poll.vote');
    // An anonymous visitor may choose; pressing Vote asks the page to sign them in.
    return decision.allowed || decision.reason === 'sign-in-required';
  }

  #form(store: PollStore, poll: Poll, closed: boolean): TemplateResult {
    const t = this.t;
    const interactive = this.#interactive(store, poll, closed);
    const pending = store.$pending.get();
    const fieldErrors = store.$fieldErrors.get();
    const problem = fieldErrors.choices ?? fieldErrors.rating;
    const errorText = (problem && this.#i()?.fieldMessage(problem)) || '';
    const blocked = store.$blockedUntil.get();
    const waiting = blocked !== null && blocked > this.now;
    const hint = this.#hint(poll);
    // The ranked ballot shows its error inside itself, next to the lists.
    const ownError = errorText && poll.type !== 'ranked';
    const describedBy = [hint ? 'hint' : '', ownError ? 'field-error' : ''].filter(Boolean).join(' ');
    return html`<form part="form" class="form" novalidate @submit=${this.#onSubmit} aria-busy=${pending ? 'true' : 'false'}>
      <fieldset class="fieldset" ?disabled=${!interactive} aria-describedby=${describedBy || nothing}>
        <legend part="question" class="question" id="question" tabindex="-1"><slot name="question">${poll.question}</slot></legend>
        ${hint ? html`<p part="hint" class="muted small" id="hint">${hint}</p>` : nothing}
        ${this.#choices(poll, interactive, errorText)}
        ${ownError ? html`<p part="field-error" class="field-error" id="field-error">${errorText}</p>` : nothing}
      </fieldset>
      ${poll.type === 'ranked' && this.#failed.has('ranked') ? this.#awaiting('ranked') : nothing}
      ${interactive
        ? html`<div part="actions" class="actions">
            <button type="submit" part="submit" class="button primary" aria-disabled=${pending || waiting ? 'true' : 'false'}>
              ${t.t(pending === 'vote' ? 'sending' : poll.voted ? 'change-vote' : 'vote')}
            </button>
            ${poll.voted && poll.allowChange
              ? html`<button type="button" part="remove-vote" class="button" aria-disabled=${pending ? 'true' : 'false'} @click=${() => this.#act('remove-vote', (i) => i.remove())}>
                  ${t.t('remove-vote')}
                </button>`
              : nothing}
          </div>`
        : nothing}
      ${this.#notice(store, closed)}
    </form>`;
  }

  #hint(poll: Poll): string {
    const t = this.t;
    const count = poll.options.length;
    if (poll.type === 'multiple') {
      const min = poll.min ?? 1;
      const max = poll.max ?? count;
      if (min === max) return t.t('hint.exactly', { count: min });
      return min <= 1 ? t.t('hint.up-to', { count: max }) : t.t('hint.range', { min, max });
    }
    if (poll.type === 'quiz' && this.#quizMultiple(poll)) return t.t('hint.quiz-multiple');
    if (poll.type === 'rating') {
      const scale = poll.scale ?? DEFAULT_RATING_SCALE;
      return t.t('rating.scale', { min: scale.min, max: scale.max });
    }
    return '';
  }

  #quizMultiple(poll: Poll): boolean {
    const correct = poll.correct ?? this.#definition?.correct;
    return correct ? correct.length > 1 : poll.answers === 'several';
  }

  #choices(poll: Poll, interactive: boolean, error: string): TemplateResult | typeof nothing {
    const invalid = error ? 'true' : 'false';
    const extras = this.#has('extras');
    if (poll.type === 'ranked') {
      const ranked = this.#has('ranked');
      // A failure is told after the fieldset, whose disabling would take its retry along.
      if (!ranked) return this.#failed.has('ranked') ? nothing : this.#awaiting('ranked');
      return ranked.ballot.renderRankedBallot({
        options: poll.options,
        ranking: this.choices,
        onChange: (ranking) => {
          this.touched = true;
          this.choices = ranking;
        },
        disabled: !interactive,
        error,
        lang: this.effectiveLang,
      });
    }
    const rating = poll.type === 'rating';
    const scale = poll.scale ?? DEFAULT_RATING_SCALE;
    const steps: number[] = [];
    if (rating) for (let value = scale.min; value <= scale.max + 1e-9; value += scale.step) steps.push(Math.round(value * 1e6) / 1e6);
    const multiple = poll.type === 'multiple' || (poll.type === 'quiz' && this.#quizMultiple(poll));
    // Once a quiz reveals its answers (and its part is here): which are right, and the voter's wrong one.
    const reveal = poll.type === 'quiz' && poll.correct ? extras?.reveal(poll.correct, this.t) : undefined;
    // A rating's steps are its options: the value as text, the number as the label.
    const options = rating ? steps.map((step) => ({ value: String(step), label: this.t.t('rating.step', { value: step }) })) : poll.options;
    return html`<div part="options" class=${rating ? 'options scale' : 'options'} @change=${this.#onChange}>
      ${options.map((option) => {
        const chosen = this.choices.includes(option.value);
        const [part, mark] = reveal?.(option.value, chosen) ?? ['option', nothing];
        return html`<label part=${part} class=${rating ? 'option step' : 'option'}>
          <input part="input" type=${multiple ? 'checkbox' : 'radio'} name=${rating ? 'rating' : 'choice'} .value=${option.value} .checked=${chosen}
            aria-invalid=${invalid} />
          <span>${option.label}${mark}</span>
        </label>`;
      })}
    </div>`;
  }

  /** A choice made: a radio button selects its value alone, a checkbox adds or removes its own. */
  #onChange = ({ target }: Event): void => {
    const { value, checked, type } = target as HTMLInputElement;
    this.touched = true;
    this.loginNote = false;
    this.choices = type === 'checkbox' ? (checked ? [...this.choices, value] : this.choices.filter((chosen) => chosen !== value)) : [value];
    this.#current?.clearFieldErrors();
  };

  #notice(store: PollStore, closed: boolean): TemplateResult | typeof nothing {
    if (this.#failed.has('interaction')) return this.#failedNotice(() => this.#act(this.#waiting?.action ?? 'vote', this.#waiting?.act ?? (() => undefined)), 'notice');
    const after = this.#i()?.notice(store, this.loginNote && !this.readonly && !closed) ?? nothing;
    if (after !== nothing || this.readonly || closed) return after;
    const decision = store.can('poll.vote');
    if (!decision.allowed && decision.reason === 'members-only') return html`<p part="notice" class="notice" role="note">${this.t.t('guests-note')}</p>`;
    return nothing;
  }

  /** The thank-you line (focused after voting) and, in a quiz, the verdict with its explanation. */
  #confirmation(poll: Poll): TemplateResult | typeof nothing {
    const t = this.t;
    const extras = this.#has('extras');
    if (!poll.voted) return nothing;
    const verdict = poll.type === 'quiz' && poll.correct && extras ? extras.verdict(t, poll, poll.correct, poll.myBallot ?? this.cast) : nothing;
    // Thanks right after voting here; on a later visit, a reminder that the vote is in.
    return html`<p part="confirmation" class="confirmation" id="confirmation" tabindex="-1">${this.cast ? this.#i()?.thanks() : t.t('voted-already')}</p>
      ${verdict}`;
  }

  #results(poll: Poll, closed: boolean): TemplateResult {
    const t = this.t;
    const total = html`<p part="total" class="muted">${t.t('votes', { count: poll.ballotCount })}</p>`;
    const tally = poll.tally;
    if (!tally) {
      const why = poll.resultsWithheldUntil === 'vote' ? 'withheld.vote' : poll.results === 'moderators' ? 'withheld.moderators' : 'withheld.close';
      return html`<div part="withheld" class="withheld"><p>${t.t(why)}</p>${total}</div>`;
    }
    const bars = this.#has('results');
    const runoff = poll.type === 'ranked' && tally.rounds ? this.#has('ranked')?.runoff : undefined;
    // Until the bars are here the number of votes stands alone; a failed fetch says so, with a retry.
    // Not a landmark: the poll is one, named by its question, and several polls' "Results" would
    // be landmarks of one name.
    return html`<div part="result" class="result-box">
      <h2 part="results-heading" class="results-heading">${t.t('results')}</h2>
      ${total} ${runoff?.(poll, tally, this.effectiveLang) ?? nothing}
      ${bars
        ? bars.tallyView(t, poll, tally, poll.myBallot ?? this.cast, closed, this.#has('extras'), !runoff)
        : !runoff && this.#failed.has('results')
          ? this.#failedNotice(() => this.loadResults())
          : nothing}
    </div>`;
  }

  /** Where part `name` shows once it is here: loading until then, or what failed, with a retry. */
  #awaiting(name: PartName): TemplateResult {
    return this.#failed.has(name)
      ? this.#failedNotice(() => {
          // The next update asks for the part again.
          this.#failed.delete(name);
          this.requestUpdate();
        })
      : html`<p class="muted" role="status">${this.t.term('loading')}</p>`;
  }

  /** A part of this element that could not be fetched: say so, with a retry. */
  #failedNotice(retry: () => void, name?: string): TemplateResult {
    const t = this.t;
    return html`<div part=${name ?? nothing} class="notice danger" role="alert">
      <p>${t.term('error.network')}</p>
      <button type="button" part=${name ? 'retry' : nothing} class="button" @click=${retry}>${t.term('retry')}</button>
    </div>`;
  }

  // -------------------------------------------------------------------------------------------
  // Acting: the interaction part, loaded on intent

  #onSubmit = (event: Event): void => {
    event.preventDefault();
    this.#act('vote', (i) => i.submit());
  };

  /** This element's interaction, once the part is here. */
  #i(): PollInteraction | undefined {
    // The part works on this element's TypeScript-private members, which `PollHost` names.
    if (!this.#interaction && part('interaction')) this.#interaction = this.#part('interaction')?.createInteraction(this as unknown as PollHost);
    return this.#interaction;
  }

  /**
   * Runs `act` with the interaction: at once when the part is here, else once it arrives. A failed
   * fetch keeps it for the retry, and the choice stays on screen.
   */
  #act(action: 'vote' | 'remove-vote', act: (interaction: PollInteraction) => void): void {
    const interaction = this.#i();
    if (interaction) return act(interaction);
    this.#waiting = { action, act };
    this.#failed.delete('interaction');
    loadPart('interaction').then(
      () => {
        const waiting = this.#waiting;
        this.#waiting = undefined;
        const ready = this.#i();
        if (waiting && ready) waiting.act(ready);
      },
      (error: unknown) => {
        this.#failed.add('interaction');
        this.requestUpdate();
        // For the page, a press that could not be carried out is a failed action like any other.
        this.dispatchEvent(new PleinErrorEvent({ error: toAdapterError(error), action }));
      },
    );
  }

  /** Fetches the result bars (again, if they failed): a vote may reveal them. */
  private loadResults(): void {
    this.#failed.delete('results');
    this.#part('results');
    this.requestUpdate();
  }

  private summary(poll: Poll): string {
    return this.#has('ranked')?.summary(this.t, poll) ?? '';
  }

  private announce(message: string): void {
    const live = this.renderRoot.querySelector('#live');
    if (!live) return;
    // Emptied first, so the same message twice is announced twice.
    live.textContent = '';
    setTimeout(() => (live.textContent = message), 50);
  }
}
