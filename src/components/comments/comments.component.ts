import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import type { CommentSort } from '../../adapters/contract.js';
import { $config } from '../../core/config.js';
import { toAdapterError } from '../../core/errors.js';
import { PleinErrorEvent, PleinLoginRequestEvent } from '../../core/events.js';
import { PleinElement } from '../../core/plein-element.js';
import { relativeParts } from '../../core/relative-time.js';
import { StoreController } from '../../core/store-controller.js';
import { THREAD_SORTS } from '../../domain/ordering.js';
import { createCommentsStore, loadCommentsReveal } from '../../stores/comments/index.js';
import type { CommentEntry, CommentsStore } from '../../stores/comments/types.js';
import { commentTemplate, signInNote, type CommentContext, type UiFlags } from './comment-template.js';
import { commentsStyles } from './comments.styles.js';
import { composerBox } from './composer-box.js';
import { blockAt, buildDisplayTree, shownReplies, updateDisplayTree, type DisplayNode, type DisplayTree } from './display-tree.js';
import { whenIdle } from './idle.js';
import type { JsonLdScript } from './jsonld-script.js';
import { ListBlocks } from './list-blocks.js';
import { ListFocus } from './list-focus.js';
import { CommentsLocalize } from './localize.js';
import type { CommentsWriting } from './writing-actions.js';
import { loadWriting, writingLoaded, writingPart } from './writing.js';

/**
 * The structured-data writer is its own chunk: only search engines read it and it is written when
 * the page is idle, so it need not delay the first render.
 */
let jsonLdChunk: Promise<typeof import('./jsonld-script.js')> | undefined;
const loadJsonLd = () => (jsonLdChunk ??= import('./jsonld-script.js'));

/** Only demo mode shows the demo note, so pages on a real backend never download it. */
let demoNoteChunk: Promise<unknown> | undefined;
function demoNote(): TemplateResult {
  demoNoteChunk ??= import('../demo-note/demo-note.js').catch((error: unknown) =>
    console.warn('plein: could not load <plein-demo-note>.', error),
  );
  return html`<plein-demo-note></plein-demo-note>`;
}

/** Comments rendered with the first frame; the rest follow in idle-time chunks. */
const FIRST_RENDER = 40;
/**
 * Main-thread time one chunk may take: well under the 50 ms that makes a task "long", leaving room
 * for a garbage collection that lands in the same task.
 */
const CHUNK_BUDGET_MS = 12;
/** A top-level comment with more replies than this starts with them collapsed. */
const COLLAPSE_AFTER = 8;
const PERMALINK = /^#plein-comment-(.+)$/;

/**
 * @summary Threaded comments for a page: reading, writing with a safe Markdown subset, reactions,
 * moderation, realtime updates and permalinks, on any backend adapter.
 * @tag plein-comments
 *
 * Every comment is rendered (the first page at once, the rest in small chunks while the page is
 * idle), so the browser's find-in-page, permalinks, focus order and screen readers reach the whole
 * thread; `content-visibility: auto` keeps off-screen comments from costing layout. Collapsed
 * replies use `hidden="until-found"`, which find-in-page opens by itself.
 *
 * Acting (the composer, the report and delete dialogs, reactions, moderation, the store's posting
 * and changes) is a chunk of its own that loads at the first sign of intent: pointer over or focus
 * in the widget, a saved draft, a reply or edit asked for; a moderator's widget loads it with the
 * first page, since its controls come with it. Until then a form with the composer's parts and
 * layout stands in; what is typed there is kept as the draft, and a failed load says so and offers
 * a retry. Realtime updates load alongside the first page.
 *
 * Unless `jsonld="off"`, the element keeps a `<script type="application/ld+json">` right after
 * itself in the page (schema.org `DiscussionForumPosting` with the published comments loaded).
 *
 * Keyboard: Tab reaches every control; with focus on a comment, Up/Down move to the previous/next
 * comment and Home/End to the first/last; Ctrl/Cmd+Enter posts from the text field; Escape closes
 * an inline reply or edit.
 *
 * @event {PleinCommentPostedEvent} plein-comment-posted - The backend accepted the viewer's comment or reply (`detail.comment`).
 * @event {PleinCommentEditedEvent} plein-comment-edited - The viewer's edit was saved (`detail.comment`).
 * @event {PleinCommentDeletedEvent} plein-comment-deleted - The viewer deleted a comment (`detail.id`, `detail.thread`).
 * @event {PleinReactionChangedEvent} plein-reaction-changed - The viewer added or removed a reaction (`detail.commentId`, `key`, `on`, `reactions`).
 * @event {PleinErrorEvent} plein-error - An action failed (`detail.action`, `detail.error`); the element already shows a message.
 * @event {PleinLoginRequestEvent} plein-login-request - An anonymous visitor tried to post, reply, react or report; call `preventDefault()` and show your sign-in.
 *
 * @csspart base - The whole widget's box.
 * @csspart header - The row with the count, the sort switch and moderator controls.
 * @csspart count - The heading with the number of comments.
 * @csspart sort-label - The "Sort by" label around the sort `<select>`.
 * @csspart sort - The sort `<select>`.
 * @csspart review - For moderators: "3 to review", which goes to the next comment awaiting approval or reported.
 * @csspart lock - The moderator's close/reopen button.
 * @csspart notice - Notices: thread closed, a permalinked comment that is gone, rate limit, only members can comment or react (a sign-in the page did not offer).
 * @csspart error - A failed action's message, with its dismiss button; also the thread that could not be loaded, with its `retry`.
 * @csspart state - The loading or empty thread's message; also `state-loading`, `state-empty`.
 * @csspart list - The top-level list of comments.
 * @csspart replies - A nested list of replies.
 * @csspart show-replies - The "Show N replies" toggle of a long thread.
 * @csspart comment - A comment's `<article>`; also `highlighted` (permalink target), `pending`, `hidden`, `pinned`, `mine`, `sending`, `failed`, `deleted`.
 * @csspart avatar - The author's picture or initials.
 * @csspart meta - The line with author, chips, time and badges.
 * @csspart author - The author's name.
 * @csspart chip - A role chip; also `chip-author` (the page's author), `chip-moderator`, `chip-guest`.
 * @csspart permalink - The time, linking to the comment's anchor.
 * @csspart edited - The "edited" marker.
 * @csspart badge - A status badge; also `badge-pending`, `badge-hidden`, `badge-pinned`.
 * @csspart reports - For moderators: a reported comment's open reports ("Reported 2 times: Spam or advertising; Off topic").
 * @csspart replying-to - The "replying to" line above a flattened reply, naming the person it answers.
 * @csspart body - The comment's text.
 * @csspart reactions - The reactions bar.
 * @csspart reaction - A reaction button; also `reaction-mine` when the viewer reacted.
 * @csspart add-reaction - The button that opens the reaction picker.
 * @csspart reaction-picker - The row of reactions not given yet.
 * @csspart actions - The row of a comment's actions.
 * @csspart action - An action button; also `action-reply`, `action-edit`, `action-delete`, `action-report`, `action-approve`, `action-hide`, `action-pin`, `action-unpin`.
 * @csspart status - Sending/failed line of the viewer's unconfirmed comment.
 * @csspart retry - Retry button of a failed comment, or of a thread that could not be loaded.
 * @csspart discard - Discard button of a failed comment.
 * @csspart composer - A writing form; also `composer-new`, `composer-reply`, `composer-edit`.
 * @csspart label - A form label (the composer's, the report's note).
 * @csspart name-input - The guest's name field.
 * @csspart tabs - The write/preview tab list.
 * @csspart tab - A write/preview tab; also `tab-selected`.
 * @csspart textarea - The text field (the composer's, the report's note).
 * @csspart preview - The rendered preview.
 * @csspart counter - The characters-left count.
 * @csspart hint - The Markdown and shortcut hint.
 * @csspart composer-footer - The row with counter, hint and buttons.
 * @csspart field-error - A field's error message.
 * @csspart form-error - A composer's or dialog's error that concerns no single field.
 * @csspart submit - The post/save button.
 * @csspart cancel - The cancel button of an inline composer or a dialog.
 * @csspart sign-in - The "Sign in to comment" button for anonymous visitors ("Have an account? Sign in" where guests may post).
 * @csspart viewer - "Signed in as …" under the composer of a guest (a name-only session).
 * @csspart sign-out - The guest's "Sign out" button, which ends the guest session.
 * @csspart new-comments - The "3 new comments — show" button.
 * @csspart load-more - The "Load more comments" button.
 * @csspart dialog - The report and delete-confirmation dialog.
 * @csspart dialog-heading - The dialog's heading.
 * @csspart dialog-text - The delete confirmation's question.
 * @csspart reasons - The report's reasons (a `<fieldset>`), with its `legend`.
 * @csspart legend - The question above the report's reasons.
 * @csspart reason - One reason: a `<label>` around its `radio`.
 * @csspart radio - A reason's radio button.
 * @csspart send-report - The report's "Send report" button.
 * @csspart confirm-delete - The delete confirmation's "Delete" button.
 *
 * @cssprop --plein-comments-background - Background of the widget (default `--plein-color-surface`).
 * @cssprop --plein-comments-color - Text colour (default `--plein-color-text`).
 * @cssprop --plein-comments-border-color - Borders and thread lines (default `--plein-color-border`).
 * @cssprop --plein-comments-radius - Corner radius of boxes (default `--plein-radius-m`).
 * @cssprop --plein-comments-padding - Padding of the widget (default `--plein-space-m`).
 * @cssprop --plein-comments-gap - Space between comments (default `--plein-space-m`).
 * @cssprop --plein-comments-indent - Indentation per reply level (default 2.5em, less on narrow widgets).
 * @cssprop --plein-comments-avatar-size - Avatar width and height (default 2.25em).
 * @cssprop --plein-comments-accent - Buttons, links and chips (default `--plein-color-accent`).
 * @cssprop --plein-comments-accent-hover - A primary button under the pointer (default `--plein-color-accent-hover`; unset too, the accent a fifth of the way to black under a light label, to white under a dark one).
 * @cssprop --plein-comments-accent-contrast - Text on the accent: the primary buttons' labels, "3 new comments" (default `--plein-color-accent-contrast`). Set it with the accent, at least 4.5:1 on it.
 * @cssprop --plein-comments-highlight - Background of the permalinked comment (default `--plein-color-accent-subtle`).
 * @cssprop --plein-comments-comment-size - Estimated height of a comment not rendered yet, for the scrollbar (default 7em).
 * @cssprop --plein-comments-sticky-top - Distance of the "new comments" button from the viewport top (default 0.5em).
 *
 * @cssstate loading - The first page is loading.
 * @cssstate empty - Loaded, and there are no comments.
 * @cssstate error - The thread could not be loaded.
 * @cssstate locked - The thread is closed for new comments.
 */
export class PleinComments extends PleinElement {
  static override styles = [PleinElement.styles, commentsStyles];

  // Internal state is `attribute: false` (what `state: true` amounts to), which the manifest's
  // analyzer reads as "no attribute".
  static override properties = {
    thread: { reflect: true },
    sort: {},
    pageSize: { type: Number, attribute: 'page-size' },
    maxDepth: { type: Number, attribute: 'max-depth' },
    jsonld: {},
    limit: { attribute: false },
    replyTo: { attribute: false },
    editing: { attribute: false },
    picker: { attribute: false },
    highlighted: { attribute: false },
    gone: { attribute: false },
    epoch: { attribute: false },
    now: { attribute: false },
    writingFailed: { attribute: false },
    signInNote: { attribute: false },
  };

  /** The thread's id, usually one per page (e.g. the page's path). Required. */
  thread = '';

  /** `newest`, `oldest` or `top` (most reactions). The reader can change it; unset, `newest`. */
  declare sort: CommentSort | undefined;

  /** Top-level comments per page (replies come with their comment). Unset, the backend's default. */
  declare pageSize: number | undefined;

  /** Levels of nested replies; deeper replies are listed at this level with "replying to" and the name of the person they answer. */
  maxDepth = 3;

  /** `off` stops the element from writing schema.org JSON-LD next to itself. */
  jsonld = 'on';

  private limit = 0;
  private replyTo: string | null = null;
  private editing: string | null = null;
  private picker: string | null = null;
  private highlighted: string | null = null;
  /** The page's permalink names a comment this thread does not (or no longer) hold. */
  private gone = false;
  /** Bumped when something every comment shows changed (language, viewer, thread facts). */
  private epoch = 0;
  private now = Date.now();
  /** The writing part could not be loaded; the composer box says so and offers a retry. */
  private writingFailed = false;
  /**
   * Where an anonymous visitor asked to comment (`root`, or a comment's entry key for a reply) or
   * to react, and the page answered no sign-in request: a note there says only members can.
   */
  private signInNote: { key: string; about: 'comment' | 'react' } | null = null;

  readonly #localize = new CommentsLocalize(this);
  readonly #comments = new StoreController<string, CommentsStore>(this, {
    key: () => (this.thread ? `${this.thread}\n${this.pageSize ?? ''}` : null),
    create: (_key, adapter) => createCommentsStore(adapter, { thread: this.thread, sort: this.sort, pageSize: this.pageSize }),
    dispose: (store) => store.dispose(),
    atoms: (store) => [
      store.$thread,
      store.$items,
      store.$status,
      store.$error,
      store.$hasMore,
      store.$loadingMore,
      store.$incoming,
      store.$viewer,
      store.$lastError,
      store.$postBlockedUntil,
      store.$resent,
    ],
  });

  #store: CommentsStore | undefined;
  #tree: DisplayTree = buildDisplayTree([], 3);
  readonly #list = new ListBlocks();
  /** The next data replaces the whole list (a new sort): render it like a first page. */
  #fresh = false;
  #treeOf: { items: readonly CommentEntry[]; maxDepth: number } | null = null;
  /** Top-level comments whose replies the reader opened, and those that start collapsed. */
  #expanded = new Set<string>();
  #collapsed = new Set<string>();
  #decided = new Set<string>();
  #chunk = 40;
  /** Comments the pending chunk adds, to learn what one costs. */
  #growth = 0;
  #cancelChunk: (() => void) | null = null;
  #updateStarted = 0;
  #loadingAll: AbortController | null = null;
  #jsonld: JsonLdScript | null = null;
  #cancelJsonLd: (() => void) | null = null;
  #jsonLdFor: readonly CommentEntry[] | null = null;
  #jsonLdCount: number | undefined;
  #incomingSeen = 0;
  #environment = '';
  #who = '';
  #focusAfterUpdate: (() => void) | null = null;
  #pendingHash: string | null = null;
  /** Aborted when the element leaves the page: its listeners and its clock go with it. */
  #connected: AbortController | undefined;
  #lastStatus = '';
  readonly #focus = new ListFocus(this);
  #writingRequested = false;
  /** Unconfirmed comments of the viewer are in the thread. */
  #hasLocal = false;
  #boxShown = false;
  #composerSwapped = false;
  /** The composer box was submitted before the composer arrived: submit through it then. */
  #submitWhenWriting = false;
  #writing: CommentsWriting | undefined;

  /** The comments store in use: its atoms and actions (post, react, …) drive this element. */
  get store(): CommentsStore | undefined {
    return this.#comments.value;
  }

  /**
   * A widget under 30em wide gets the tighter layout (`narrow` on the base). Measured rather than
   * a container query: a size container has no width of its own where its width comes from its
   * content (a fit-content box, a wrapping column flexbox), and grew thousands of pixels tall there.
   * What is measured is a line as wide as the element and no height: the element itself changes
   * height with its layout, in the frame it was measured, which browsers report as an error.
   */
  protected override firstUpdated(): void {
    const base = this.renderRoot.querySelector('.base');
    const width = this.renderRoot.querySelector('.width');
    if (typeof ResizeObserver === 'function' && width) {
      new ResizeObserver(() => base?.classList.toggle('narrow', this.offsetWidth < 30 * parseFloat(getComputedStyle(this).fontSize))).observe(width);
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const { signal } = (this.#connected = new AbortController());
    window.addEventListener('hashchange', this.#onHashChange, { signal });
    window.addEventListener('online', this.#onOnline, { signal });
    this.addEventListener('pointerenter', this.#onIntent, { signal });
    this.addEventListener('focusin', this.#onIntent, { signal });
    this.#pendingHash = location.hash;
    // A permalink is opened once the first page is here: what finds it should be here by then.
    if (PERMALINK.test(location.hash)) loadCommentsReveal().catch(() => undefined);
    // Relative times ("3 minutes ago") move on; only the comments whose text changes re-render.
    const ticker = setInterval(() => (this.now = Date.now()), 60_000);
    signal.addEventListener('abort', () => clearInterval(ticker));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#connected?.abort();
    this.#cancelChunk?.();
    this.#cancelChunk = null;
    this.#loadingAll?.abort();
    this.#loadingAll = null;
    this.#writing?.disconnected();
    this.#removeJsonLd();
  }

  #removeJsonLd(): void {
    this.#cancelJsonLd?.();
    this.#cancelJsonLd = null;
    this.#jsonLdFor = null;
    this.#jsonld?.remove();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.#updateStarted = performance.now();
  }

  /** Runs after the store controller picked the store for the current thread and adapter. */
  protected override update(changed: PropertyValues<this>): void {
    const store = this.#comments.value;
    if (store !== this.#store) this.#switchStore(store);
    if (store && changed.has('sort') && this.sort && THREAD_SORTS.includes(this.sort) && this.sort !== store.$sort.get()) {
      this.#resort(this.sort);
    }
    this.#syncTree();
    // What every comment's rendering depends on (not the comment count, which changes often).
    const thread = store?.$thread.get();
    const viewer = store?.$viewer.get();
    const who = viewer ? `${viewer.id}:${viewer.roles.join()}` : '';
    // A note that asked the visitor before to sign in is not for whoever is here now.
    if (who !== this.#who) this.signInNote = null;
    this.#who = who;
    const environment = [
      this.effectiveLang,
      this.#localize.revision,
      this.readonly,
      who,
      thread ? `${thread.locked}:${thread.guests}:${thread.ownerId}:${thread.reactions.join()}` : '',
      this.maxDepth,
      // A moderator's buttons come with the writing part.
      this.#moderates(store) && writingLoaded(),
    ].join('|');
    if (environment !== this.#environment) {
      this.#environment = environment;
      this.epoch += 1;
    }
    super.update(changed);
  }

  #switchStore(store: CommentsStore | undefined): void {
    this.#store = store;
    this.#loadingAll?.abort();
    this.#loadingAll = null;
    this.limit = 0;
    this.replyTo = this.editing = this.picker = this.highlighted = this.signInNote = null;
    this.#writing?.reset();
    this.#expanded.clear();
    this.#collapsed.clear();
    this.#decided.clear();
    this.#incomingSeen = 0;
    this.#lastStatus = '';
    this.#treeOf = null;
    this.#list.reset();
    this.#fresh = false;
    this.#pendingHash = location.hash;
  }

  /** Rebuilds the on-screen tree when the items changed, keeping what is rendered rendered. */
  #syncTree(): void {
    const store = this.#store;
    const items = store?.$items.get() ?? [];
    const maxDepth = Math.max(0, Math.floor(Number.isFinite(this.maxDepth) ? this.maxDepth : 3));
    const before = this.#treeOf;
    if (before && before.items === items && before.maxDepth === maxDepth) return;
    // What was rendered, before the tree (possibly extended in place) changes under it.
    const previousTotal = this.#tree.order.length;
    const lastShown = this.#tree.order[Math.min(this.limit, previousTotal) - 1]?.entry.key;
    const tree = (this.#tree = updateDisplayTree(this.#tree, items, maxDepth));
    this.#treeOf = { items, maxDepth };
    this.#list.split(tree);

    for (const root of this.#tree.roots) {
      const id = root.entry.comment.id;
      if (this.#decided.has(id)) continue;
      this.#decided.add(id);
      if (root.descendants > COLLAPSE_AFTER) this.#collapsed.add(id);
    }

    const total = this.#tree.order.length;
    if (store?.$status.get() !== 'ready') return;
    if (this.limit === 0 || this.#fresh) {
      this.#fresh = false;
      this.limit = Math.min(total, FIRST_RENDER);
      return;
    }
    // Keep every comment on screen on screen (comments inserted above count), and let a few
    // arrivals at the end in at once; pages that come in the background go through the chunks.
    const kept = lastShown === undefined ? undefined : this.#tree.byKey.get(lastShown);
    let limit = kept ? kept.index + 1 : Math.min(this.limit, total);
    const complete = this.limit >= previousTotal;
    if (complete && total - limit <= 20) limit = total;
    this.limit = limit;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const store = this.#store;
    const status = store?.$status.get() ?? 'idle';
    const items = this.#tree.order.length;
    const locked = store?.$thread.get()?.locked === true;
    this.setCustomState('loading', status === 'loading' && items === 0);
    this.setCustomState('error', status === 'error');
    this.setCustomState('empty', status === 'ready' && items === 0);
    this.setCustomState('locked', locked);

    // Size the next chunk from what this one cost here, so each stays within its time budget on
    // this machine: chunks as big as allowed mean fewer frames, and every frame costs more as the
    // document grows.
    if (this.#growth > 0) {
      const perComment = (performance.now() - this.#updateStarted) / this.#growth;
      const fits = CHUNK_BUDGET_MS / Math.max(perComment, 0.005);
      // Shrinks at once, grows by half at most: one cheap chunk says little about the next.
      this.#chunk = Math.round(Math.min(400, this.#chunk * 1.5, Math.max(10, fits)));
      this.#growth = 0;
    }
    if ((this.limit < items || this.#list.deferred) && !this.#cancelChunk) {
      this.#cancelChunk = whenIdle(() => {
        this.#cancelChunk = null;
        if (this.#list.deferred) {
          this.requestUpdate();
          return;
        }
        const limit = Math.min(this.#tree.order.length, this.limit + this.#chunk);
        this.#growth = limit - this.limit;
        this.limit = limit;
      });
    }

    if (store && status !== this.#lastStatus) this.#statusChanged(store, status);
    // What only the writing part shows: a moderator's controls, the status of an unconfirmed comment.
    if (status === 'ready' && (this.#hasLocal || this.#moderates(store))) this.#wantWriting();
    this.#announceIncoming(store);
    this.#scheduleJsonLd(store);
    this.#writing?.updated();

    const focus = this.#focusAfterUpdate;
    this.#focusAfterUpdate = null;
    focus?.();
  }

  #statusChanged(store: CommentsStore, status: string): void {
    this.#lastStatus = status;
    if (status === 'error') {
      const error = store.$error.get();
      if (error) this.dispatchEvent(new PleinErrorEvent({ error, action: 'load' }));
      return;
    }
    if (status !== 'ready') return;
    if (this.#pendingHash) void this.#openPermalink(this.#pendingHash);
    // Someone who left a draft or an unsent comment is about to write again.
    if (store.drafts.get('root') || store.$items.get().some((entry) => entry.local === 'failed')) this.#wantWriting();
    if (!this.#loadingAll) {
      const controller = (this.#loadingAll = new AbortController());
      // After the first paint: the reader sees the first page before the rest is fetched.
      whenIdle(() => {
        if (controller.signal.aborted) return;
        store
          .loadAll({ signal: controller.signal })
          .catch((error: unknown) => {
            if (!controller.signal.aborted) this.#failed('load-all', error);
          })
          .finally(() => {
            // Done or failed: the next (re)load, a new sort say, starts it again.
            if (this.#loadingAll === controller) this.#loadingAll = null;
          });
      }, 500);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Rendering

  protected override render(): TemplateResult {
    const store = this.#store;
    const t = this.#localize;
    const status = store?.$status.get() ?? 'idle';
    const thread = store?.$thread.get() ?? null;
    const viewer = store?.$viewer.get() ?? null;
    const total = this.#tree.order.length;
    const count = thread?.commentCount ?? total;
    const sort = store?.$sort.get() ?? this.sort ?? 'newest';
    const lastError = store?.$lastError.get();
    // Failures with no place of their own: posts, edits, reports and deletions show theirs where
    // they were made, the background loading next to "Load more".
    const showError = lastError && ['react', 'moderate', 'lock', 'reveal', 'sign-out'].includes(lastError.action);

    return html`<div class="width"></div>
      <section part="base" class="base" aria-labelledby="heading" @click=${this.#onClick}>
      ${$config.get().demo ? demoNote() : nothing}
      <div part="header" class="header">
        <h2 part="count" class="count" id="heading" tabindex="-1">${status === 'ready' || thread ? t.t('count', { count }) : t.t('heading')}</h2>
        <label part="sort-label" class="sort">
          <span>${t.t('sort')}</span>
          <select part="sort" @change=${this.#onSort} ?disabled=${!store}>
            ${THREAD_SORTS.map((value) => html`<option value=${value} ?selected=${value === sort}>${t.t(`sort.${value}`)}</option>`)}
          </select>
        </label>
        ${store && this.#w()?.headerTools(store, this.readonly)}
      </div>
      ${thread?.locked ? html`<p part="notice" class="notice" role="note">${t.t('locked')}</p>` : nothing}
      ${this.gone ? html`<p part="notice" class="notice" role="note">${t.t('permalink-gone')}</p>` : nothing}
      ${showError
        ? html`<div part="error" class="notice danger" role="alert">
            <span>${t.t('action-failed', { reason: t.errorMessage(lastError.error) })}</span>
            <button type="button" class="link" data-a="dismiss">${t.term('close')}</button>
          </div>`
        : nothing}
      ${store && status !== 'error' ? this.#rootComposer(store, viewer !== null) : nothing}
      ${this.signInNote?.key === 'root' ? signInNote(t, viewer, 'c') : nothing}
      ${this.#body(store, status)}
      <div class="sr-only" role="status" aria-live="polite" aria-atomic="true" id="live"></div>
      ${this.#writing?.dialogTemplate()}
    </section>`;
  }

  #body(store: CommentsStore | undefined, status: string): TemplateResult {
    const t = this.#localize;
    if (!store || (status !== 'ready' && this.#tree.order.length === 0)) {
      if (status === 'error') {
        const error = store?.$error.get();
        return html`<div part="error" class="notice danger state" role="alert">
          <p>${t.t('load-error')} ${error ? t.errorMessage(error) : ''}</p>
          <button type="button" part="retry" class="button" data-a="reload">${t.term('retry')}</button>
        </div>`;
      }
      return html`<p part="state state-loading" class="state muted" role="status">${t.t('loading')}</p>`;
    }
    const incoming = store.$incoming.get();
    const context = this.#context(store);
    const limit = this.limit;
    const ui = this.#blockUi(context);
    const blocks = this.#list.blocks.filter((block) => block.start < limit);
    this.#list.begin({ tree: this.#tree, epoch: this.epoch, limit, now: this.now }, Math.max(this.#chunk, FIRST_RENDER));
    const hasMore = store.$hasMore.get();
    const lastError = store.$lastError.get();
    // Always there and zero-high, so the button appearing shifts nothing below it.
    return html`<div class="incoming">
        ${incoming > 0
          ? html`<button type="button" part="new-comments" class="pill" data-a="incoming">${t.t('incoming', { count: incoming })}</button>`
          : nothing}
      </div>
      ${this.#tree.order.length === 0 && status === 'ready'
        ? html`<p part="state state-empty" class="state muted">${t.t('empty')}</p>`
        : // A list of blocks of list items: each block is one box the browser can skip while it is
          // off-screen (content-visibility), which keeps every frame cheap in a long thread. The
          // blocks are generic elements, which assistive technology passes over.
          html`<div part="list" class="list" id="list" role="list" aria-labelledby="heading" @keydown=${this.#focus.onKeyDown} @focusin=${this.#focus.onFocusIn}>
            ${blocks.map((block, index) =>
              guard([this.#list.schedule(index, ui.get(index) ?? '', () => this.#urgent(ui, index))], () => {
                const roots = block.roots.filter((node) => node.index < limit);
                const size = Math.min(limit, block.end) - block.start;
                return html`<div class="block" .style=${`contain-intrinsic-size: auto calc(${size} * var(--plein-comments-comment-size, 7em))`}
                  >${repeat(roots, (node) => node.entry.key, (node) => this.#item(context, node))}</div
                >`;
              }),
            )}
          </div>`}
      ${hasMore
        ? html`<div class="more">
            ${lastError?.action === 'load-all' || lastError?.action === 'load-more'
              ? html`<p class="danger-text" role="alert">${t.errorMessage(lastError.error)}</p>`
              : nothing}
            <button type="button" part="load-more" class="button" data-a="more" aria-disabled=${store.$loadingMore.get() ? 'true' : 'false'}>
              ${store.$loadingMore.get() ? t.t('loading-more') : t.t('load-more')}
            </button>
          </div>`
        : nothing}`;
  }

  #context(store: CommentsStore): CommentContext {
    const blocked = store.$postBlockedUntil.get();
    const context: CommentContext = {
      localize: this.#localize,
      store,
      viewer: store.$viewer.get(),
      thread: store.$thread.get(),
      readonly: this.readonly,
      guests: this.#guestsWelcome(store),
      now: this.now,
      wait: blocked ? Math.max(0, Math.ceil((blocked - Date.now()) / 1000)) : 0,
      editor: (node) => this.#w()?.editor(store, node) ?? nothing,
      status: (node) => this.#w()?.status(context, node) ?? nothing,
      moderation: (node) => this.#w()?.moderation(store, node) ?? [],
    };
    return context;
  }

  /** Whether block `index` renders now, whatever the budget: the reader has it open or works in it. */
  #urgent(ui: Map<number, string>, index: number): boolean {
    const roving = this.#focus.roving;
    return ui.has(index) || (roving !== null && roving.closest('.block') === this.#byId('list')?.children[index]);
  }

  /** Per block, the view state of its comments: open composers, highlight, picker, countdowns. */
  #blockUi(context: CommentContext): Map<number, string> {
    const ui = new Map<number, string>();
    const mark = (node: DisplayNode | undefined, flag: string) => {
      if (!node) return;
      const index = blockAt(this.#list.blocks, node.index);
      ui.set(index, `${ui.get(index) ?? ''}${node.entry.key}:${flag};`);
    };
    const byKey = this.#tree.byKey;
    if (this.replyTo) mark(byKey.get(this.replyTo), `r${context.wait}`);
    if (this.editing) mark(byKey.get(this.editing), 'e');
    if (this.picker) mark(byKey.get(this.picker), 'p');
    if (this.highlighted) mark(this.#tree.byId.get(this.highlighted), 'h');
    if (this.signInNote) mark(byKey.get(this.signInNote.key), this.signInNote.about[0] as string);
    const writing = this.#writing;
    for (const key of writing?.errors.keys() ?? []) mark(this.#tree.byId.get(key.slice(key.indexOf(':') + 1)), `x${writing?.version}`);
    for (const id of this.#expanded) mark(this.#tree.byId.get(id), 'o');
    this.#hasLocal = false;
    for (const node of this.#tree.order) {
      if (!node.entry.local) continue;
      this.#hasLocal = true;
      mark(node, `l${context.wait}${writingLoaded()}`);
    }
    return ui;
  }

  #item(context: CommentContext, node: DisplayNode): TemplateResult {
    const { entry } = node;
    const key = entry.key;
    const id = entry.comment.id;
    const limit = this.limit;
    const children = node.children.filter((child) => child.index < limit);
    const collapsed = node.level === 0 && this.#collapsed.has(id) && !this.#expanded.has(id);
    const ui = this.#ui(key, id);
    // The time text changes at most once per unit shown ("3 minutes" → "4 minutes").
    const age = relativeParts(Date.parse(entry.comment.createdAt) - this.now, this.now);
    // An unconfirmed comment's status line comes with the writing part and counts down a rate limit.
    const local = entry.local && `${entry.local === 'failed' ? context.wait : 0}${writingLoaded()}`;
    const comment = guard([entry, this.epoch, ui, age?.value, age?.unit, local, node.flattened, ui && this.#writing?.errors], () =>
      commentTemplate(context, node, ui),
    );
    // One part for everything under the comment (whitespace-free, like the comment itself).
    const after: TemplateResult[] = [];
    const writing = this.replyTo === key && this.#w();
    if (writing) after.push(writing.reply(context.store, node, context.guests));
    if (children.length > 0) {
      if (node.level === 0 && this.#collapsed.has(id)) {
        after.push(
          html`<button type="button" part="show-replies" class="link toggle" data-a="replies" data-k=${key} aria-expanded=${collapsed ? 'false' : 'true'}
            >${this.#localize.t(collapsed ? 'show-replies' : 'hide-replies', { count: shownReplies(node) })}</button
          >`,
        );
      }
      after.push(
        html`<ol part="replies" class="replies" hidden=${collapsed ? 'until-found' : nothing} @beforematch=${this.#onBeforeMatch} data-k=${key}
          >${repeat(children, (child) => child.entry.key, (child) => this.#item(context, child))}</ol
        >`,
      );
    }
    return node.level === 0
      ? html`<div class="item" role="listitem">${comment}${after}</div>`
      : html`<li class="item">${comment}${after}</li>`;
  }

  #ui(key: string, id: string): UiFlags {
    let flags = '';
    if (this.editing === key) flags += 'e';
    if (this.highlighted === id) flags += 'h';
    if (this.picker === key) flags += 'p';
    if (this.signInNote?.key === key) flags += this.signInNote.about[0];
    return flags;
  }

  #moderates(store: CommentsStore | undefined): boolean {
    return !!store && (store.can('moderation.approve').allowed || store.can('thread.lock').allowed);
  }

  #guestsWelcome(store: CommentsStore): boolean {
    return store.$viewer.get() === null && store.$thread.get()?.guests === true && store.adapter.supports.guests === true;
  }

  #rootComposer(store: CommentsStore, signedIn: boolean): TemplateResult | typeof nothing {
    if (this.readonly) return nothing;
    const t = this.#localize;
    const decision = store.can('comment.post');
    const guests = this.#guestsWelcome(store);
    if (!decision.allowed && !(decision.reason === 'sign-in-required' && guests)) {
      if (signedIn || decision.reason !== 'sign-in-required') return nothing;
      return html`<p class="sign-in">
        <button type="button" part="sign-in" class="button primary" data-a="sign-in">${t.t('sign-in')}</button>
      </p>`;
    }
    // Once the box is on screen, only the writing part's swapIn replaces it: it carries focus and caret over.
    if (!writingLoaded() || (this.#boxShown && !this.#composerSwapped)) {
      this.#boxShown = true;
      return composerBox(t, {
        draft: store.drafts.get('root'),
        failed: this.writingFailed,
        input: (event) => store.drafts.set('root', (event.target as HTMLTextAreaElement).value),
        submit: this.#submitBox,
      });
    }
    return this.#w()?.root(store, guests) ?? nothing;
  }

  // -------------------------------------------------------------------------------------------
  // Interaction

  readonly #onClick = (event: MouseEvent): void => {
    // A comment's time links to it; for the hash the page has already, the browser neither fires
    // hashchange nor finds the id inside this shadow root, so the widget goes there itself.
    const link = (event.target as Element).closest('a.time');
    if (link instanceof HTMLAnchorElement && link.hash === location.hash) void this.#openPermalink(link.hash);
    const target = (event.target as Element).closest<HTMLElement>('[data-a]');
    if (!target || target.getAttribute('aria-disabled') === 'true') return;
    const store = this.#store;
    if (!store) return;
    const action = target.dataset.a ?? '';
    const node = this.#tree.byKey.get(target.dataset.k ?? '');
    switch (action) {
      case 'reload':
        void store.load();
        return;
      case 'more':
        void store.loadMore().then(
          () => (this.limit = this.#tree.order.length),
          (error: unknown) => this.#failed('load-more', error),
        );
        return;
      case 'incoming':
        return this.#showIncoming(store);
      case 'dismiss':
        return store.dismissError();
      case 'sign-in':
        return this.#askSignIn('post-comment', 'root', 'comment');
      case 'load-writing':
        void this.#loadWriting();
        return;
      case 'replies':
        if (node) this.#toggleReplies(node.entry.comment.id);
        return;
      case 'picker':
      case 'react':
        // An anonymous visitor is asked to sign in, without loading what only acting needs.
        if (store.$viewer.get() === null) return this.#askSignIn('react', node?.entry.key ?? '', 'react');
        break;
      case 'reply':
        if (!store.can('comment.post').allowed && !this.#guestsWelcome(store)) return this.#askSignIn('reply', node?.entry.key ?? '', 'comment');
    }
    // Everything else is acting: the writing part does it, at once when it is here.
    this.#whenWriting(() => this.#w()?.act(action, node, target));
  };

  /**
   * Asks the page to sign the visitor in for `action`. A page that takes it calls `preventDefault`
   * (`dispatchEvent` then answers false); where none does, a note at `key` says only members can.
   */
  #askSignIn(action: string, key: string, about: 'comment' | 'react'): void {
    if (!this.dispatchEvent(new PleinLoginRequestEvent({ action }))) return;
    this.signInNote = { key, about };
    this.#announce(this.#localize.t(`sign-in-note.${about}`));
  }

  #toggleReplies(id: string): void {
    if (this.#expanded.has(id)) this.#expanded.delete(id);
    else this.#expanded.add(id);
    this.requestUpdate();
  }

  /** Find-in-page is about to reveal a match inside collapsed replies: keep them open. */
  readonly #onBeforeMatch = (event: Event): void => {
    const key = (event.currentTarget as HTMLElement).dataset.k ?? '';
    const node = this.#tree.byKey.get(key);
    if (node) {
      this.#expanded.add(node.root.entry.comment.id);
      this.requestUpdate();
    }
  };

  #showIncoming(store: CommentsStore): void {
    const shown = store.showIncoming();
    this.#incomingSeen = 0;
    const first = shown[0];
    if (!first) return;
    this.#focusAfterUpdate = () => {
      const node = this.#tree.byKey.get(first.key);
      if (node && node.index >= this.limit) {
        this.limit = node.index + 1;
        this.#focusAfterUpdate = () => this.#focus.focus(first.key, true);
        return;
      }
      this.#focus.focus(first.key, true);
    };
  }

  readonly #onSort = (event: Event): void => {
    const sort = (event.target as HTMLSelectElement).value as CommentSort;
    this.sort = sort;
  };

  #resort(sort: CommentSort): void {
    const store = this.#store;
    if (!store) return;
    // The list stays as it is until the new order arrives, which then renders like a first page.
    this.#fresh = true;
    void store.setSort(sort);
  }

  // -------------------------------------------------------------------------------------------
  // Focus, keyboard and announcements

  /** By id through the root's id map: a selector query would walk ten thousand comments. */
  #byId<E extends HTMLElement = HTMLElement>(id: string): E | null {
    return (this.renderRoot as ShadowRoot).getElementById(id) as E | null;
  }

  /** Makes sure the comment with entry `key` is rendered (its thread open), e.g. a fresh post. */
  #revealKey(key: string): void {
    const node = this.#tree.byKey.get(key) ?? this.#rebuildAndFind(key);
    if (!node) return;
    this.#expanded.add(node.root.entry.comment.id);
    if (node.index >= this.limit) this.limit = node.index + 1;
    this.requestUpdate();
  }

  #rebuildAndFind(key: string): DisplayNode | undefined {
    this.#syncTree();
    return this.#tree.byKey.get(key);
  }

  #announce(message: string): void {
    const live = this.#byId('live');
    if (!live) return;
    // Emptied first, so the same message twice is announced twice.
    live.textContent = '';
    setTimeout(() => (live.textContent = message), 50);
  }

  #announceIncoming(store: CommentsStore | undefined): void {
    const incoming = store?.$incoming.get() ?? 0;
    if (incoming > this.#incomingSeen) this.#announce(this.#localize.t('incoming-announce', { count: incoming }));
    this.#incomingSeen = incoming;
  }

  #failed(action: string, caught: unknown): void {
    const error = toAdapterError(caught);
    this.dispatchEvent(new PleinErrorEvent({ error, action }));
    this.#announce(this.#localize.t('action-failed', { reason: this.#localize.errorMessage(error) }));
  }

  /** Back online: load the writing part if it failed, and send what waits. */
  readonly #onOnline = (): void => {
    if (this.writingFailed || this.#store?.$items.get().some((entry) => entry.local === 'failed')) {
      this.#whenWriting(() => void this.#w()?.online());
    }
  };

  // -------------------------------------------------------------------------------------------
  // The writing part, loaded on intent

  /** The writing part's half of this element, once the part is here. */
  #w(): CommentsWriting | undefined {
    return (this.#writing ??= writingPart()?.createWriting({
      el: this,
      t: this.#localize,
      store: () => this.#store,
      tree: () => this.#tree,
      set: (view) => Object.assign(this, view),
      picker: () => this.picker,
      failed: (action, error) => this.#failed(action, error),
      announce: (message) => this.#announce(message),
      focus: (key, scroll) => this.#focus.focus(key, scroll),
      // The update that runs it is this one, not some later one that would move focus unasked.
      after: (focus) => {
        this.#focusAfterUpdate = focus;
        this.requestUpdate();
      },
      reveal: (key) => this.#revealKey(key),
      expand: (id) => this.#expanded.add(id),
      refresh: () => this.epoch++,
      articles: () => this.#focus.articles(),
    }));
  }

  readonly #onIntent = (): void => this.#wantWriting();

  /**
   * Starts loading the writing part when this viewer may act here (post, react, report, moderate);
   * anonymous readers and read-only widgets never pay for it.
   */
  #wantWriting(): void {
    const store = this.#store;
    if (this.#writingRequested || this.readonly || !store) return;
    if (store.$viewer.get() === null && !this.#guestsWelcome(store) && !store.$items.get().some((entry) => entry.local)) return;
    void this.#loadWriting();
  }

  /** Runs `open` at once when the composer is there, else as soon as it arrives. */
  #whenWriting(open: () => void): void {
    if (writingLoaded()) open();
    else void this.#loadWriting().then((loaded) => loaded && open());
  }

  async #loadWriting(): Promise<boolean> {
    this.#writingRequested = true;
    try {
      await loadWriting();
    } catch (error) {
      console.warn('plein: could not load the comment form.', error);
      this.writingFailed = true;
      this.#submitWhenWriting = false;
      this.#announce(this.#localize.t('writing-failed'));
      return false;
    }
    if (this.writingFailed) this.writingFailed = false;
    this.#composerSwapped = true;
    await this.#w()?.swapIn(() => {
      const submit = this.#submitWhenWriting;
      this.#submitWhenWriting = false;
      return submit;
    });
    return true;
  }

  readonly #submitBox = (event: SubmitEvent): void => {
    event.preventDefault();
    this.#submitWhenWriting = true;
    void this.#loadWriting();
  };

  // -------------------------------------------------------------------------------------------
  // Permalinks

  readonly #onHashChange = (): void => {
    void this.#openPermalink(location.hash);
  };

  async #openPermalink(hash: string): Promise<void> {
    const match = PERMALINK.exec(hash);
    const store = this.#store;
    if (!match?.[1] || !store) return;
    this.#pendingHash = null;
    let id: string;
    try {
      id = decodeURIComponent(match[1]);
    } catch {
      return;
    }
    let entry: CommentEntry | null;
    try {
      entry = await store.reveal(id);
    } catch (error) {
      this.#failed('reveal', error);
      return;
    }
    if (store !== this.#store) return;
    // Said only by the page's one thread: with several, the link may be another thread's.
    if (!entry) {
      this.highlighted = null;
      this.gone = document.querySelectorAll('plein-comments').length === 1;
      if (this.gone) this.#announce(this.#localize.t('permalink-gone'));
      return;
    }
    this.gone = false;
    this.#syncTree();
    this.#revealKey(entry.key);
    this.highlighted = id;
    await this.updateComplete;
    this.#focus.focus(entry.key, true);
  }

  // -------------------------------------------------------------------------------------------
  // JSON-LD and timers

  #scheduleJsonLd(store: CommentsStore | undefined): void {
    if (this.jsonld === 'off' || !store || store.$status.get() !== 'ready') {
      if (this.jsonld === 'off') this.#removeJsonLd();
      return;
    }
    const items = store.$items.get();
    // The count comes apart from the list (a deletion's, say): it is written too.
    const count = store.$thread.get()?.commentCount;
    if ((items === this.#jsonLdFor && count === this.#jsonLdCount) || this.#cancelJsonLd) return;
    // Built when the page is idle, at most about once a second while pages stream in.
    this.#cancelJsonLd = whenIdle(() => {
      this.#cancelJsonLd = null;
      const current = store.$items.get();
      this.#jsonLdFor = current;
      this.#jsonLdCount = store.$thread.get()?.commentCount;
      if (!this.isConnected || this.jsonld === 'off') return;
      loadJsonLd().then(
        ({ JsonLdScript }) => {
          // Removed, switched off or superseded while the chunk loaded.
          if (this.#jsonLdFor !== current || !this.isConnected || this.jsonld === 'off') return;
          (this.#jsonld ??= new JsonLdScript(this)).write(current, store.$thread.get()?.commentCount ?? current.length);
        },
        (error: unknown) => console.warn('plein: could not load the structured data writer.', error),
      );
    }, 1000);
  }
}
