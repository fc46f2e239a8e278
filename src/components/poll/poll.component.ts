import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators/property.js';
import { state } from 'lit/decorators/state.js';
import { supports, type Ballot, type Poll, type PollDefinition, type PollTally } from '../../adapters/contract.js';
import type { AdapterError } from '../../adapters/errors.js';
import { $config } from '../../core/config.js';
import { toAdapterError } from '../../core/errors.js';
import { PleinErrorEvent, PleinLoginRequestEvent } from '../../core/events.js';
import { PleinElement } from '../../core/plein-element.js';
import { StoreController } from '../../core/store-controller.js';
import { DEFAULT_RATING_SCALE } from '../../domain/rating-scale.js';
import { createPollStore, type PollAction, type PollStore } from '../../stores/polls/index.js';
import { readDefinition } from './definition.js';
import { PleinPollClosedEvent, PleinVoteCastEvent } from './events.js';
import { PollsLocalize } from './localize.js';
import { pollStyles } from './poll.styles.js';
import { loadRanked, type RankedModules } from './ranked.js';
import { nextTick } from './countdown.js';
import { loadExtras, type ExtrasModule } from './load-extras.js';
import { loadResults, type ResultsModule } from './load-results.js';
import { adoptPartStyles } from './part-styles.js';

type ManageModule = typeof import('./manage.js');
let manageChunk: Promise<ManageModule> | undefined;

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
 * confirmation and a polite live region announces it. Results are bars with their percentage
 * and count as text, updated live as votes arrive.
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
 * @csspart results - The list of result rows.
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

  /** The poll's id. Required. With nothing else set, the poll is read by reference. */
  @property({ reflect: true }) poll = '';
  /** `single`, `multiple`, `rating`, `ranked` or `quiz`. */
  @property() type: string | undefined;
  /** When results show: `always`, `after-vote`, `after-close` or `moderators`. */
  @property() results: string | undefined;
  /** Who may see who voted what: `public`, `secret` or `anonymous`. */
  @property() voters: string | undefined;
  /** One vote per signed-in `member`, or per `device` (guests may vote). */
  @property() integrity: string | undefined;
  /** `multiple`: the fewest options a ballot must hold. */
  @property({ type: Number }) min: number | undefined;
  /** `multiple`: the most options a ballot may hold. */
  @property({ type: Number }) max: number | undefined;
  /** `rating`: the lowest rating (default 1). */
  @property({ type: Number, attribute: 'scale-min' }) scaleMin: number | undefined;
  /** `rating`: the highest rating (default 5). */
  @property({ type: Number, attribute: 'scale-max' }) scaleMax: number | undefined;
  /** `rating`: the step between ratings (default 1). */
  @property({ type: Number, attribute: 'scale-step' }) scaleStep: number | undefined;
  /** `quiz`: the right answers' values, space-separated (or mark options with `correct`). */
  @property() correct: string | undefined;
  /** `quiz`: what to show after answering. */
  @property() explanation: string | undefined;
  /** When the poll closes, as an ISO 8601 date-time (`2026-12-31T18:00:00Z`). */
  @property() closes: string | undefined;
  /** Voters may change or remove their vote while the poll is open. */
  @property({ type: Boolean, attribute: 'allow-change' }) allowChange = false;

  @state() private choices: string[] = [];
  @state() private rating: number | null = null;
  @state() private ranking: string[] = [];
  /** A login request nobody on the page answered: show the note instead. */
  @state() private loginNote = false;
  @state() private now = Date.now();
  @state() private ranked: RankedModules | null = null;
  @state() private manage: ManageModule | null = null;
  @state() private extras: ExtrasModule | null = null;
  #extrasLoading = false;
  @state() private resultsPart: ResultsModule | null = null;
  /** The bars' chunk could not be fetched: say so, and fetch again when asked (or on the next vote). */
  @state() private resultsFailed = false;
  #resultsLoading = false;

  readonly #t = new PollsLocalize(this);
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
  /** The voter changed the selection since it was last set from their stored ballot. */
  #touched = false;
  #ballotSeen = '';
  /**
   * The ballot cast through this element in this visit: for the thank-you line, and for a quiz
   * verdict where the backend does not echo the ballot (anonymous polls).
   */
  #cast: Ballot | null = null;
  #wasClosed: boolean | undefined;
  #moderation: InstanceType<ManageModule['Moderation']> | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #focusAfterUpdate: string[] | null = null;

  /** Moves focus to the first of `selectors` that matches, once the next render is on screen. */
  #focusSoon(...selectors: string[]): void {
    this.#focusAfterUpdate = selectors;
    this.requestUpdate();
  }
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
    // Whoever reaches for the ballot may be about to vote: the bars shown after a vote come along.
    this.addEventListener('pointerenter', this.#warmResults);
    this.addEventListener('focusin', this.#warmResults);
  }

  #warmResults = (): void => this.#loadResults();

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

  protected override update(changed: PropertyValues<this>): void {
    const store = this.#store.value;
    if (store !== this.#current) this.#switchStore(store);
    const poll = store?.$poll.get() ?? null;
    if (poll) this.#syncSelection(poll);
    if (poll?.type === 'ranked' && !this.ranked) void loadRanked().then((modules) => (this.ranked = modules));
    if (!this.extras && !this.#extrasLoading && this.#needsExtras(poll)) {
      this.#extrasLoading = true;
      loadExtras()
        .then((module) => {
          adoptPartStyles(this.renderRoot as ShadowRoot, module.extrasStyles);
          this.extras = module;
        })
        // Those parts stay off screen meanwhile; the next render asks for them again.
        .catch((error: unknown) => console.warn('plein: could not load a part of <plein-poll>.', error))
        .finally(() => (this.#extrasLoading = false));
    }
    if (!this.resultsFailed && (poll ? poll.tally : this.#resultsAtOnce())) this.#loadResults();
    if (store && !this.manage && this.#needsManage(store, poll)) {
      manageChunk ??= import('./manage.js');
      void manageChunk.then((module) => {
        // Every render until the chunk is here asked for it: only the first answer applies.
        if (this.manage) return;
        adoptPartStyles(this.renderRoot as ShadowRoot, module.manageStyles);
        this.manage = module;
      });
    }
    super.update(changed);
  }

  /**
   * A quiz's verdict, a rating's distribution and a countdown: known from the read, or before it
   * from the attributes, so the chunk arrives beside the first read. A poll by reference may be
   * any of them until it is read.
   */
  #needsExtras(poll: Poll | null): boolean {
    if (poll) return poll.type === 'rating' || poll.type === 'quiz' || Boolean(poll.closesAt);
    const declared = this.#definition;
    if (!this.poll) return false;
    return declared === null || declared.type === 'rating' || declared.type === 'quiz' || declared.closesAt !== null;
  }

  /** Before the first read: whether the poll may show its results to everyone at once. */
  #resultsAtOnce(): boolean {
    return this.poll !== '' && (this.#definition === null || this.#definition.results === 'always');
  }

  #loadResults(): void {
    if (this.resultsPart || this.#resultsLoading) return;
    this.#resultsLoading = true;
    loadResults()
      .then((module) => {
        adoptPartStyles(this.renderRoot as ShadowRoot, module.resultsStyles);
        this.resultsPart = module;
      })
      .catch(() => (this.resultsFailed = true))
      .finally(() => (this.#resultsLoading = false));
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
    this.rating = null;
    this.ranking = [];
    this.#moderation?.reset();
    this.loginNote = false;
    this.#touched = false;
    this.#ballotSeen = '';
    this.#cast = null;
    this.#wasClosed = undefined;
  }

  /** Shows the stored ballot as the selection, unless the voter is choosing anew. */
  #syncSelection(poll: Poll): void {
    const seen = JSON.stringify(poll.myBallot);
    if (seen === this.#ballotSeen) return;
    this.#ballotSeen = seen;
    if (this.#touched || !poll.myBallot) return;
    if ('rating' in poll.myBallot) this.rating = poll.myBallot.rating;
    else if (poll.type === 'ranked') this.ranking = [...poll.myBallot.choices];
    else this.choices = [...poll.myBallot.choices];
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
    const focus = this.#focusAfterUpdate;
    this.#focusAfterUpdate = null;
    focus
      ?.map((selector) => this.renderRoot.querySelector<HTMLElement>(selector))
      .find((target) => target !== null)
      ?.focus();
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
      this.#announce(this.#t.t('closed-announce'));
      // The backend answers for the close: results may now be visible to everyone.
      if (by === 'time') void store.load();
    } else if (this.#wasClosed === true && !closed) {
      this.#announce(this.#t.t('reopened-announce'));
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

  // -------------------------------------------------------------------------------------------
  // Rendering

  protected override render(): TemplateResult {
    const store = this.#current;
    const poll = store?.$poll.get() ?? null;
    return html`<section part="base" class="base" aria-labelledby=${poll ? 'question' : nothing} aria-label=${poll ? nothing : this.#t.t('poll')}>
      ${$config.get().demo ? demoNote() : nothing} ${store && poll ? this.#pollView(store, poll) : this.#state(store)}
      <div class="sr-only" role="status" aria-live="polite" aria-atomic="true" id="live"></div>
    </section>`;
  }

  #state(store: PollStore | undefined): TemplateResult | typeof nothing {
    const t = this.#t;
    const adapter = this.adapter;
    if (!this.poll) return nothing;
    if (adapter && !supports(adapter, 'polls')) return html`<p part="error" class="notice">${t.t('unsupported')}</p>`;
    const status = store?.$status.get() ?? 'idle';
    if (status === 'not-found') return html`<p part="error" class="notice" role="alert">${t.t('not-found', { id: this.poll })}</p>`;
    if (status === 'error' && store) {
      const error = store.$error.get();
      if (error?.code === 'invalid' && this.#definition) {
        return this.manage ? this.manage.definitionProblems(t, this.#definition, error) : html`<p class="muted" role="status">${t.term('loading')}</p>`;
      }
      return html`<div part="error" class="notice danger" role="alert">
        <p>${t.t('load-error')} ${error ? t.errorMessage(error) : ''}</p>
        <button type="button" part="retry" class="button" @click=${() => void store.load()}>${t.term('retry')}</button>
      </div>`;
    }
    return html`<p class="muted" role="status">${t.t('loading')}</p>`;
  }

  #pollView(store: PollStore, poll: Poll): TemplateResult {
    const t = this.#t;
    const closed = store.isClosed();
    const refused = store.$definitionRefused.get();
    const moderator = !this.readonly && store.can('poll.close').allowed;
    const manage = this.manage;
    const state = closed
      ? html`<p part="status" class="chip">${t.t('closed')}</p>`
      : poll.closesAt && this.extras
        ? this.extras.countdown(t, poll.closesAt, this.now)
        : nothing;
    const voters = poll.voters === 'secret' ? nothing : html`<p class="muted small">${t.t(`voters.${poll.voters}`)}</p>`;
    return html`${refused && moderator && manage ? manage.frozenNotice(t) : nothing}
      ${state === nothing && voters === nothing ? nothing : html`<div part="header" class="header">${state} ${voters}</div>`}
      ${this.#form(store, poll, closed)} ${this.#confirmation(poll)} ${this.#results(poll, closed)}
      ${manage ? this.#moderationView(manage, store, poll, closed, moderator) : nothing}`;
  }

  /** Whether the viewer can work the ballot now; the reason shown when not. */
  #interactive(store: PollStore, poll: Poll, closed: boolean): boolean {
    if (this.readonly || closed || (poll.voted && poll.allowChange !== true)) return false;
    const decision = store.can('poll.vote');
    // An anonymous visitor may choose; pressing Vote asks the page to sign them in.
    return decision.allowed || decision.reason === 'sign-in-required';
  }

  #form(store: PollStore, poll: Poll, closed: boolean): TemplateResult {
    const t = this.#t;
    const interactive = this.#interactive(store, poll, closed);
    const pending = store.$pending.get();
    const fieldErrors = store.$fieldErrors.get();
    const problem = fieldErrors.choices ?? fieldErrors.rating;
    const errorText = problem ? this.#fieldMessage(problem) : '';
    const blocked = store.$blockedUntil.get();
    const waiting = blocked !== null && blocked > this.now;
    const hint = this.#hint(poll);
    // The ranked ballot shows its error inside itself, next to the lists.
    const ownError = errorText && poll.type !== 'ranked';
    const describedBy = [hint ? 'hint' : '', ownError ? 'field-error' : ''].filter(Boolean).join(' ');
    return html`<form part="form" class="form" novalidate @submit=${this.#onSubmit} aria-busy=${pending ? 'true' : 'false'}>
      <fieldset class="fieldset" ?disabled=${!interactive} aria-describedby=${describedBy || nothing}>
        <legend part="question" class="question" id="question"><slot name="question">${poll.question}</slot></legend>
        ${hint ? html`<p part="hint" class="muted small" id="hint">${hint}</p>` : nothing}
        ${this.#choices(poll, interactive, errorText)}
        ${ownError ? html`<p part="field-error" class="field-error" id="field-error">${errorText}</p>` : nothing}
      </fieldset>
      ${interactive
        ? html`<div part="actions" class="actions">
            <button type="submit" part="submit" class="button primary" aria-disabled=${pending || waiting ? 'true' : 'false'}>
              ${pending === 'vote' ? t.t('sending') : poll.voted ? t.t('change-vote') : t.t('vote')}
            </button>
            ${poll.voted && poll.allowChange
              ? html`<button type="button" part="remove-vote" class="button" aria-disabled=${pending ? 'true' : 'false'} @click=${this.#onRemove}>
                  ${t.t('remove-vote')}
                </button>`
              : nothing}
          </div>`
        : nothing}
      ${this.#notice(store, poll, closed)}
    </form>`;
  }

  #hint(poll: Poll): string {
    const t = this.#t;
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

  #choices(poll: Poll, interactive: boolean, error: string): TemplateResult {
    const invalid = error ? 'true' : 'false';
    if (poll.type === 'ranked') {
      const ranked = this.ranked;
      if (!ranked) return html`<p class="muted">${this.#t.term('loading')}</p>`;
      return ranked.ballot.renderRankedBallot({
        options: poll.options,
        ranking: this.ranking,
        onChange: (ranking) => {
          this.#touched = true;
          this.ranking = ranking;
        },
        disabled: !interactive,
        error,
        lang: this.effectiveLang,
      });
    }
    if (poll.type === 'rating') {
      const scale = poll.scale ?? DEFAULT_RATING_SCALE;
      const steps: number[] = [];
      for (let value = scale.min; value <= scale.max + 1e-9; value += scale.step) steps.push(Math.round(value * 1e6) / 1e6);
      return html`<div part="options" class="options scale">
        ${steps.map(
          (value) => html`<label part="option" class="option step">
            <input part="input" type="radio" name="rating" .value=${String(value)} .checked=${this.rating === value} aria-invalid=${invalid}
              @change=${() => this.#choose(value)} />
            <span>${this.#t.t('rating.step', { value })}</span>
          </label>`,
        )}
      </div>`;
    }
    const multiple = poll.type === 'multiple' || (poll.type === 'quiz' && this.#quizMultiple(poll));
    const correct = poll.correct ? new Set(poll.correct) : null;
    return html`<div part="options" class="options">
      ${poll.options.map((option) => {
        const chosen = this.choices.includes(option.value);
        const right = correct?.has(option.value) === true;
        const reveal = correct !== null && poll.type === 'quiz';
        const part = reveal ? (right ? 'option option-correct' : chosen ? 'option option-wrong' : 'option') : 'option';
        return html`<label part=${part} class="option">
          <input part="input" type=${multiple ? 'checkbox' : 'radio'} name="choice" .value=${option.value} .checked=${chosen} aria-invalid=${invalid}
            @change=${(event: Event) => this.#toggle(option.value, (event.target as HTMLInputElement).checked, multiple)} />
          <span>${option.label}${reveal && right && this.extras ? this.extras.correctMark(this.#t) : nothing}</span>
        </label>`;
      })}
    </div>`;
  }

  #toggle(value: string, on: boolean, multiple: boolean): void {
    this.#touched = true;
    this.loginNote = false;
    this.choices = multiple ? (on ? [...this.choices, value] : this.choices.filter((chosen) => chosen !== value)) : [value];
    this.#current?.clearFieldErrors();
  }

  #choose(rating: number): void {
    this.#touched = true;
    this.loginNote = false;
    this.rating = rating;
    this.#current?.clearFieldErrors();
  }

  #notice(store: PollStore, poll: Poll, closed: boolean): TemplateResult | typeof nothing {
    const t = this.#t;
    const failure = store.$lastError.get();
    if (failure && (failure.action === 'vote' || failure.action === 'remove-vote')) {
      const offline = failure.error.code === 'network';
      const text = offline ? t.t('vote-offline') : t.t('vote-failed', { reason: t.errorMessage(failure.error) });
      return html`<div part="notice" class="notice danger" role="alert">
        <p>${text}</p>
        ${offline && failure.action === 'vote'
          ? html`<button type="button" part="retry" class="button" @click=${this.#onRetry}>${t.term('retry')}</button>`
          : html`<button type="button" class="link" @click=${() => store.dismissError()}>${t.t('dismiss')}</button>`}
      </div>`;
    }
    if (this.readonly || closed) return nothing;
    // Until the visitor signs in: then the ballot they chose can be sent.
    if (this.loginNote && store.$viewer.get() === null) return html`<p part="notice" class="notice" role="note">${t.t('sign-in-note')}</p>`;
    const decision = store.can('poll.vote');
    if (!decision.allowed && decision.reason === 'members-only') return html`<p part="notice" class="notice" role="note">${t.t('guests-note')}</p>`;
    return nothing;
  }

  /** The thank-you line (focused after voting) and, in a quiz, the verdict with its explanation. */
  #confirmation(poll: Poll): TemplateResult | typeof nothing {
    const t = this.#t;
    if (!poll.voted) return nothing;
    const verdict =
      poll.type === 'quiz' && poll.correct && this.extras ? this.extras.verdict(t, poll, poll.correct, poll.myBallot ?? this.#cast) : nothing;
    // Thanks right after voting here; on a later visit, a reminder that the vote is in.
    return html`<p part="confirmation" class="confirmation" id="confirmation" tabindex="-1">${this.#cast ? t.t('voted') : t.t('voted-already')}</p>
      ${verdict}`;
  }

  #results(poll: Poll, closed: boolean): TemplateResult {
    const t = this.#t;
    const total = html`<p part="total" class="muted">${t.t('votes', { count: poll.ballotCount })}</p>`;
    const tally = poll.tally;
    if (!tally) {
      const why =
        poll.resultsWithheldUntil === 'vote' ? t.t('withheld.vote') : poll.results === 'moderators' ? t.t('withheld.moderators') : t.t('withheld.close');
      return html`<div part="withheld" class="withheld"><p>${why}</p>${total}</div>`;
    }
    return html`<section part="result" class="result-box" aria-labelledby="results-heading">
      <h2 class="results-heading" id="results-heading">${t.t('results')}</h2>
      ${total} ${this.#tallyView(poll, tally)}
      ${poll.type === 'rating' || poll.type === 'quiz' || !this.resultsPart ? nothing : this.resultsPart.leaderLine(t, poll, tally, closed)}
    </section>`;
  }

  #tallyView(poll: Poll, tally: PollTally): TemplateResult | typeof nothing {
    const t = this.#t;
    const mine = poll.myBallot ?? this.#cast;
    const runoff = this.ranked?.runoff;
    if (poll.type === 'ranked' && runoff && tally.rounds) return runoff(poll, tally, this.effectiveLang);
    const part = this.resultsPart;
    // Until the bars are here the number of votes stands alone; a failed fetch says so, with a retry.
    if (!part)
      return this.resultsFailed
        ? html`<div class="notice danger" role="alert">
            <p>${t.term('error.network')}</p>
            <button type="button" class="button" @click=${() => (this.resultsFailed = false)}>${t.term('retry')}</button>
          </div>`
        : nothing;
    if (poll.type === 'rating') return this.extras ? this.extras.ratingResults(t, poll, tally, mine, part.resultBars) : nothing;
    const chosen = new Set(mine && 'choices' in mine ? mine.choices : []);
    return part.resultBars(t, part.optionRows(poll, tally, chosen), tally.total, t.t('results'));
  }

  #moderationView(manage: ManageModule, store: PollStore, poll: Poll, closed: boolean, moderator: boolean): TemplateResult {
    this.#moderation ??= new manage.Moderation({
      element: this,
      localize: this.#t,
      store: () => this.#current,
      announce: (message) => this.#announce(message),
    });
    return this.#moderation.view(store, poll, closed, moderator, !this.readonly && poll.voters === 'public' && store.can('poll.votes').allowed);
  }

  #fieldMessage(problem: { reason: string; message: string; params?: Record<string, number | string> }): string {
    const t = this.#t;
    const params = problem.params ?? {};
    const count = params.min ?? params.max;
    if (problem.reason === 'required' && this.#current?.$poll.get()?.type === 'rating') return t.t('field.rating-required');
    const withCount = typeof count === 'number' ? { ...params, count } : params;
    return t.maybe(`field.${problem.reason}`, withCount) ?? problem.message ?? t.term('error.invalid');
  }

  // -------------------------------------------------------------------------------------------
  // Actions

  #ballot(poll: Poll): Ballot {
    if (poll.type === 'rating') return { rating: this.rating ?? Number.NaN };
    if (poll.type === 'ranked') return { choices: [...this.ranking] };
    return { choices: [...this.choices] };
  }

  #onSubmit = (event: Event): void => {
    event.preventDefault();
    const store = this.#current;
    const poll = store?.$poll.get();
    if (!store || !poll || store.$pending.get() || this.readonly) return;
    const blocked = store.$blockedUntil.get();
    if (blocked !== null && blocked > Date.now()) return;
    const decision = store.can('poll.vote');
    if (!decision.allowed && decision.reason === 'sign-in-required') {
      this.#askLogin();
      return;
    }
    void this.#send(store, poll);
  };

  async #send(store: PollStore, poll: Poll, retry = false): Promise<void> {
    this.resultsFailed = false;
    this.#loadResults();
    const ballot = retry ? null : this.#ballot(poll);
    try {
      const result = ballot ? await store.vote(ballot) : await store.retry();
      const cast = ballot ?? result.myBallot ?? this.#ballot(poll);
      this.#cast = cast;
      this.#touched = false;
      this.#focusSoon('#confirmation');
      // A ranked count is told in words too: the table is long to explore by ear.
      const summary = result.type === 'ranked' && result.tally && this.ranked ? ` ${this.ranked.summary(this.#t, result)}` : '';
      this.#announce(`${this.#t.t('voted')}${summary}`);
      this.dispatchEvent(new PleinVoteCastEvent({ poll: result, ballot: cast }));
    } catch (caught) {
      this.#voteFailed('vote', caught);
    }
  }

  #voteFailed(action: PollAction, caught: unknown): void {
    const error = toAdapterError(caught);
    const t = this.#t;
    if (error.code === 'unauthorized') this.#askLogin();
    if (error.code === 'invalid') {
      const problem = error.fields.choices ?? error.fields.rating;
      this.#announce(problem ? this.#fieldMessage(problem) : t.errorMessage(error));
      this.#focusSoon('input[part="input"]:checked', 'input[part="input"]', 'plein-ranked-ballot');
    } else {
      this.#announce(error.code === 'network' ? t.t('vote-offline') : t.t('vote-failed', { reason: t.errorMessage(error) }));
    }
    this.dispatchEvent(new PleinErrorEvent({ error, action }));
  }

  #askLogin(): void {
    // dispatchEvent answers false when a listener cancelled the (cancelable) event: the page took it.
    const handled = !this.dispatchEvent(new PleinLoginRequestEvent({ action: 'vote' }));
    this.loginNote = !handled;
    if (!handled) this.#announce(this.#t.t('sign-in-note'));
  }

  #onRetry = (): void => {
    const store = this.#current;
    const poll = store?.$poll.get();
    if (store && poll && !store.$pending.get()) void this.#send(store, poll, true);
  };

  #onRemove = (): void => {
    const store = this.#current;
    if (!store || store.$pending.get()) return;
    store.removeVote().then(
      () => {
        this.choices = [];
        this.rating = null;
        this.ranking = [];
        this.#cast = null;
        this.#touched = false;
        this.#announce(this.#t.t('vote-removed'));
        this.#focusSoon('input[part="input"]', 'plein-ranked-ballot');
      },
      (caught: unknown) => this.#voteFailed('remove-vote', caught),
    );
  };

  #announce(message: string): void {
    const live = this.renderRoot.querySelector('#live');
    if (!live) return;
    // Emptied first, so the same message twice is announced twice.
    live.textContent = '';
    setTimeout(() => (live.textContent = message), 50);
  }
}
