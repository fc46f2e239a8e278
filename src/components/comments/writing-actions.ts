import { html, nothing, type TemplateResult } from 'lit';
import type { ReportInput } from '../../adapters/contract.js';
import type { AdapterError } from '../../adapters/errors.js';
import type { Decision } from '../../domain/permission-checks.js';
import { toAdapterError } from '../../core/errors.js';
import { PleinErrorEvent } from '../../core/events.js';
import type { CommentEntry, CommentsStore } from '../../stores/comments/types.js';
import type { PleinCommentsComposer } from './composer.js';
import { dialogContent, type Dialog } from './dialogs.js';
import type { DisplayNode } from './display-tree.js';
import { localStatus, lockButton, moderationButtons, reviewButton, toReview } from './acting.js';
import type { CommentContext } from './comment-template.js';
import { PleinCommentDeletedEvent, PleinCommentEditedEvent, PleinCommentPostedEvent, PleinReactionChangedEvent } from './events.js';
import type { WritingHost } from './writing-host.js';

const UNDO = { approve: 'hide', hide: 'approve', pin: 'unpin', unpin: 'pin' } as const;

/**
 * What `<plein-comments>` does when someone acts: the composers, posting and editing with their
 * refusals, the delete and report dialogs, reactions, moderation, and what follows
 * (announcements, focus, events). It comes with the writing part, so a reader who only reads never
 * downloads it.
 */
/** The edit window has passed (the Edit button went while the editor was open, say). */
const late = (decision: Decision): boolean => !decision.allowed && decision.reason === 'edit-window-passed';

export class CommentsWriting {
  /** A composer's refusal, by draft key; replaced on each change, so a render can compare it. */
  errors = new Map<string, AdapterError>();
  /** Bumped on every change of `errors`, which is not a string a block's signature can carry. */
  version = 0;
  dialog: Dialog | null = null;
  readonly #host: WritingHost;
  #countdown: ReturnType<typeof setInterval> | undefined;
  #reports: { store: CommentsStore; stop: () => void } | undefined;
  /** The comment the review button went to last. */
  #reviewed: string | undefined;
  /** How many of the store's resent posts the page has been told about. */
  #resentTold = 0;

  constructor(host: WritingHost) {
    this.#host = host;
  }

  /** Another thread or adapter: nothing open, nothing refused. */
  reset(): void {
    this.errors = new Map();
    this.dialog = null;
    this.#reviewed = undefined;
    this.#resentTold = 0;
  }

  root(store: CommentsStore, guests: boolean): TemplateResult {
    const { el, t } = this.#host;
    return html`<plein-comments-composer
        .localize=${t}
        .revision=${t.revision}
        lang=${el.effectiveLang}
        .store=${store}
        .draftKey=${'root'}
        mode="new"
        ?guest=${guests}
        .error=${this.errors.get('root') ?? null}
        .blockedUntil=${store.$postBlockedUntil.get()}
        .submit=${this.#submitRoot}
      ></plein-comments-composer>
      ${guests
        ? html`<p class="sign-in muted">
            <button type="button" part="sign-in" class="link" data-a="sign-in">${t.t('sign-in-instead')}</button>
          </p>`
        : this.#guestViewer(store)}`;
  }

  /**
   * Who a guest posts as, and the way out of it (a shared computer, a mistyped name): the guest's
   * session is the adapter's to end. A member's is the site's, which shows its own.
   */
  #guestViewer(store: CommentsStore): TemplateResult | typeof nothing {
    const viewer = store.$viewer.get();
    if (!viewer?.guest || !store.adapter.supports.session) return nothing;
    const { t } = this.#host;
    return html`<p part="viewer" class="sign-in muted viewer">
      ${t.term('signed-in-as', { name: viewer.name })} ·
      <button type="button" part="sign-out" class="link" data-a="sign-out">${t.term('sign-out')}</button>
    </p>`;
  }

  reply(store: CommentsStore, node: DisplayNode, guests: boolean): TemplateResult {
    const { el, t } = this.#host;
    const key = node.entry.key;
    const draftKey = `reply:${node.entry.comment.id}` as const;
    return html`<plein-comments-composer
      class="inline"
      .localize=${t}
      .revision=${t.revision}
      lang=${el.effectiveLang}
      .store=${store}
      .draftKey=${draftKey}
      mode="reply"
      .replyName=${node.entry.comment.author.name}
      ?guest=${guests}
      .error=${this.errors.get(draftKey) ?? null}
      .blockedUntil=${store.$postBlockedUntil.get()}
      .submit=${(text: string, guestName: string | undefined) => this.#post(store, text, guestName, node.entry.comment.id, draftKey)}
      .cancel=${() => this.#closeInline('reply', key)}
    ></plein-comments-composer>`;
  }

  editor(store: CommentsStore, node: DisplayNode): TemplateResult {
    const { el, t } = this.#host;
    const { entry } = node;
    const draftKey = `edit:${entry.comment.id}` as const;
    return html`<plein-comments-composer
      class="inline"
      .localize=${t}
      .revision=${t.revision}
      lang=${el.effectiveLang}
      .store=${store}
      .draftKey=${draftKey}
      mode="edit"
      .initial=${entry.comment.body}
      .error=${this.errors.get(draftKey) ?? null}
      .late=${late(store.can('comment.edit', entry.comment))}
      .submit=${(text: string) => this.#edit(store, entry, text, draftKey)}
      .cancel=${() => this.#closeInline('edit', entry.key)}
    ></plein-comments-composer>`;
  }

  dialogTemplate(): TemplateResult {
    const dialog = this.dialog;
    const content = dialog
      ? dialogContent(this.#host.t, dialog, { confirmDelete: this.#confirmDelete, sendReport: this.#sendReport })
      : nothing;
    return html`<dialog part="dialog" class="dialog" id="dialog" aria-labelledby="dialog-title" @close=${this.closeDialog}>${content}</dialog>`;
  }

  openDialog(dialog: Dialog): void {
    this.dialog = dialog;
    this.#host.el.requestUpdate();
  }

  /**
   * A click on a comment's or the thread's control (`data-a`), once the element has asked an
   * anonymous visitor to sign in where that comes first.
   */
  act(action: string, node: DisplayNode | undefined, target: HTMLElement): void {
    const host = this.#host;
    const store = host.store();
    if (!store) return;
    if (action === 'lock') {
      const locked = !store.$thread.get()?.locked;
      store.setLocked(locked).then(
        () => host.announce(host.t.t(locked ? 'done.lock' : 'done.unlock')),
        (error: unknown) => host.failed('lock', error),
      );
      return;
    }
    if (action === 'close-dialog') return this.closeDialog();
    if (action === 'review') return this.#nextToReview(store);
    if (action === 'sign-out') {
      store.signOut().then(
        // The button is gone; the name field that took its place is what comes next.
        () => {
          host.announce(host.t.t('signed-out'));
          this.focusComposer('root', 'name');
        },
        (error: unknown) => host.failed('sign-out', error),
      );
      return;
    }
    if (!node) return;
    const { entry } = node;
    const { key } = entry;
    const { id } = entry.comment;
    switch (action) {
      case 'reply':
        host.set({ replyTo: key });
        return this.focusComposer(`reply:${id}`);
      case 'edit':
        host.set({ editing: key });
        return this.focusComposer(`edit:${id}`);
      case 'delete':
      case 'report':
        return this.openDialog({ kind: action, key, opener: target });
      case 'approve':
      case 'hide':
      case 'pin':
      case 'unpin':
        // Pinning moves the comment (and its element); keep focus on the control that replaced this one.
        host.after(() => this.#control(`[data-a="${UNDO[action]}"][data-k="${CSS.escape(key)}"]`));
        store.moderate(id, action).then(
          () => host.announce(host.t.t(`done.${action}`, { name: entry.comment.author.name })),
          (error: unknown) => host.failed('moderate', error),
        );
        return;
      case 'picker':
        return host.set({ picker: host.picker() === key ? null : key });
      case 'react':
        return this.#react(store, node, target.dataset.r ?? '', target);
      case 'retry':
        return this.retry(store, entry);
      case 'discard':
        if (entry.localId) {
          const next = this.#neighbour(key);
          host.after(() => (next ? host.focus(next) : this.#byId('heading')?.focus()));
          store.discard(entry.localId);
        }
    }
  }

  /** A moderator's buttons for a comment. */
  moderation(store: CommentsStore, node: DisplayNode): TemplateResult[] {
    return moderationButtons(this.#host.t, store, node);
  }

  /** The moderator's tools in the header: what waits for review, and the close/reopen switch. */
  headerTools(store: CommentsStore, readonly: boolean): TemplateResult {
    const { t } = this.#host;
    return html`${reviewButton(t, store, toReview(store, this.#host.tree()))}${lockButton(t, store, store.$thread.get(), readonly)}`;
  }

  /** The sending or failed line of the viewer's unconfirmed comment. */
  status(context: CommentContext, node: DisplayNode): TemplateResult {
    return localStatus(context, node);
  }

  #react(store: CommentsStore, node: DisplayNode, reaction: string, target: HTMLElement): void {
    if (!reaction) return;
    const host = this.#host;
    const on = target.getAttribute('aria-pressed') !== 'true';
    const { key } = node.entry;
    const { id } = node.entry.comment;
    if (host.picker() === key) {
      host.set({ picker: null });
      // The picked reaction moves into the bar: keep focus there rather than losing it.
      host.after(() => this.#control(`[data-a="react"][data-k="${CSS.escape(key)}"][data-r="${CSS.escape(reaction)}"]`));
    } else if (!on && (host.el.renderRoot as ShadowRoot).activeElement === target) {
      // The last one taken back leaves the bar, button and all: focus goes to adding one.
      host.after(() => {
        if ((host.el.renderRoot as ShadowRoot).activeElement?.getAttribute('data-r') !== reaction) this.#control(`[data-a="picker"][data-k="${CSS.escape(key)}"]`);
      });
    }
    store.react(id, reaction, on).then(
      (reactions) => host.el.dispatchEvent(new PleinReactionChangedEvent({ commentId: id, key: reaction, on, reactions })),
      (error: unknown) => host.failed('react', error),
    );
  }

  /** Shows and focuses the next comment waiting for review after the last one visited, round and round. */
  #nextToReview(store: CommentsStore): void {
    const host = this.#host;
    const nodes = toReview(store, host.tree());
    const last = host.tree().byKey.get(this.#reviewed ?? '')?.index ?? -1;
    const next = nodes.find((node) => node.index > last) ?? nodes[0];
    if (!next) return;
    const { key } = next.entry;
    this.#reviewed = key;
    host.reveal(key);
    host.after(() => host.focus(key, true));
  }

  /** The key of the comment to focus when `key` goes away: the next one, else the previous. */
  #neighbour(key: string): string | null {
    const all = this.#host.articles();
    const index = all.findIndex((article) => article.dataset.k === key);
    return (all[index + 1] ?? all[index - 1])?.dataset.k ?? null;
  }

  #control(selector: string): void {
    this.#host.el.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** The element left the page: no more ticking. */
  disconnected(): void {
    clearInterval(this.#countdown);
    this.#countdown = undefined;
    this.#stopReports();
  }

  /** After the element's update: shows or closes the rendered `<dialog>` to match, ticks a rate limit's countdown. */
  updated(): void {
    this.#syncCountdown();
    this.#tellResent();
    this.#syncReports();
    const element = this.#byId<HTMLDialogElement>('dialog');
    if (!element) return;
    if (this.dialog && !element.open) {
      element.showModal();
      // The report's first reason; in the delete confirmation, Cancel, the choice that destroys nothing.
      element.querySelector<HTMLElement>('input, [data-a="close-dialog"]')?.focus();
    } else if (!this.dialog && element.open) element.close();
  }

  /** Closes the dialog (Cancel, Escape, a report sent) and returns focus to what opened it. */
  readonly closeDialog = (): void => {
    const opener = this.dialog?.opener;
    this.dialog = null;
    this.#host.el.requestUpdate();
    const element = this.#byId<HTMLDialogElement>('dialog');
    if (element?.open) element.close();
    if (opener?.isConnected) opener.focus();
  };

  /** Focuses the composer for `draftKey` once rendered (after opening, after a refusal). */
  focusComposer(draftKey: string, field?: 'name'): void {
    this.#host.after(() => {
      for (const composer of this.#host.el.renderRoot.querySelectorAll<PleinCommentsComposer>('plein-comments-composer')) {
        if (composer.draftKey === draftKey) composer.focusInput(field);
      }
    });
  }

  /**
   * Replaces the composer box with the composer, keeping the caret where the reader had it, and
   * sends what the box was submitted with when `takeSubmit` says so.
   */
  async swapIn(takeSubmit: () => boolean): Promise<void> {
    const { el } = this.#host;
    const box = el.renderRoot.querySelector<HTMLTextAreaElement>('form.box textarea');
    if (!box) return;
    const focused = (el.renderRoot as ShadowRoot).activeElement === box;
    const { selectionStart, selectionEnd } = box;
    el.requestUpdate();
    await el.updateComplete;
    const composer = el.renderRoot.querySelector<PleinCommentsComposer>('plein-comments-composer[mode="new"]');
    if (!composer) return;
    await composer.updateComplete;
    const field = composer.querySelector('textarea');
    if (focused && field) {
      field.focus();
      field.setSelectionRange(selectionStart, selectionEnd);
    }
    if (takeSubmit()) composer.querySelector('form')?.requestSubmit();
  }

  retry(store: CommentsStore, entry: CommentEntry): void {
    if (entry.localId) store.retry(entry.localId).then((posted) => this.#posted(posted, entry.key, entry.comment.body), () => undefined);
  }

  /** Back online: send what waits, and tell the page about each comment that got through. */
  async online(): Promise<void> {
    const store = this.#host.store();
    if (!store) return;
    const waiting = store.$items.get().filter((entry) => entry.local === 'failed');
    await store.retryAll();
    for (const before of waiting) {
      const entry = store.$items.get().find((item) => item.key === before.key);
      if (entry && !entry.local) this.#posted(entry.comment, entry.key);
    }
  }

  /** Posts an earlier page kept, which the store sent again on its own: the page hears of each as of any other. */
  #tellResent(): void {
    const resent = this.#host.store()?.$resent.get() ?? [];
    for (const comment of resent.slice(this.#resentTold)) {
      const entry = this.#host.store()?.$items.get().find((item) => item.comment.id === comment.id);
      this.#posted(comment, entry?.key ?? comment.id);
    }
    this.#resentTold = resent.length;
  }

  /** While posting is refused for a while (rate limit), the seconds left count down on screen. */
  #syncCountdown(): void {
    const blocked = this.#host.store()?.$postBlockedUntil.get() ?? null;
    if (!blocked || blocked <= Date.now() || this.#countdown !== undefined) return;
    this.#countdown = setInterval(() => {
      this.#host.el.requestUpdate();
      const until = this.#host.store()?.$postBlockedUntil.get();
      if (!until || until <= Date.now()) this.disconnected();
    }, 1000);
  }

  /** A moderator sees the reports on the comments: listened to while the viewer moderates here. */
  #syncReports(): void {
    const store = this.#host.store();
    const moderates = store?.can('moderation.approve').allowed === true;
    if (this.#reports && (!moderates || this.#reports.store !== store)) this.#stopReports();
    if (moderates && store && !this.#reports) this.#reports = { store, stop: store.$reports.listen(() => this.#host.refresh()) };
  }

  #stopReports(): void {
    this.#reports?.stop();
    this.#reports = undefined;
  }

  #byId<E extends HTMLElement>(id: string): E | null {
    return (this.#host.el.renderRoot as ShadowRoot).getElementById(id) as E | null;
  }

  #setError(key: string, error: AdapterError | null): void {
    const errors = new Map(this.errors);
    if (error) errors.set(key, error);
    else errors.delete(key);
    this.version += 1;
    this.errors = errors;
    this.#host.el.requestUpdate();
  }

  readonly #submitRoot = (text: string, guestName: string | undefined): Promise<boolean> => {
    const store = this.#host.store();
    return store ? this.#post(store, text, guestName, null, 'root') : Promise.resolve(false);
  };

  async #post(store: CommentsStore, text: string, guestName: string | undefined, parentId: string | null, draftKey: string): Promise<boolean> {
    const host = this.#host;
    const t = host.t;
    const localId = `local-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    this.#setError(draftKey, null);
    if (parentId) {
      const root = host.tree().byId.get(parentId)?.root;
      if (root) host.expand(root.entry.comment.id);
    }
    const pending = store.post({ body: text, parentId, guestName, localId });
    // The optimistic entry is in the thread now; make sure it is rendered, and go there.
    host.reveal(localId);
    if (parentId) host.set({ replyTo: null });
    try {
      const comment = await pending;
      this.#posted(comment, localId, text);
      return true;
    } catch (caught) {
      const error = toAdapterError(caught);
      host.el.dispatchEvent(new PleinErrorEvent({ error, action: parentId ? 'reply' : 'post-comment' }));
      const kept = host.tree().byKey.has(localId) || store.$items.get().some((entry) => entry.key === localId);
      if (kept) {
        // It waits in the thread as "not sent" with Retry; the composer is free again.
        host.announce(`${t.t('failed')} ${error.code === 'network' ? t.t('offline') : t.errorMessage(error)}`);
        host.after(() => this.#typing(text) || host.focus(localId));
        return true;
      }
      host.announce(t.t('not-posted', { reason: t.errorMessage(error) }));
      this.#setError(draftKey, error);
      if (parentId) {
        const parent = host.tree().byId.get(parentId);
        if (parent) host.set({ replyTo: parent.entry.key });
      }
      this.focusComposer(draftKey);
      return false;
    }
  }

  /** `sent`: the reader just sent it from a composer; a background resend must not move their focus. */
  #posted(comment: CommentEntry['comment'], key: string, sent?: string): void {
    const host = this.#host;
    const t = host.t;
    host.announce(comment.status === 'pending' ? t.t('posted-pending') : t.t('posted'));
    host.el.dispatchEvent(new PleinCommentPostedEvent({ comment }));
    if (sent !== undefined) host.after(() => this.#typing(sent) || host.focus(key));
    host.el.requestUpdate();
  }

  /** The reader is writing something new (not `sent`) in the field with focus: an answer arriving now leaves them there. */
  #typing(sent: string): boolean {
    const active = (this.#host.el.renderRoot as ShadowRoot).activeElement;
    return (active instanceof HTMLTextAreaElement || active instanceof HTMLInputElement) && active.value !== '' && active.value !== sent;
  }

  async #edit(store: CommentsStore, entry: CommentEntry, text: string, draftKey: string): Promise<boolean> {
    const host = this.#host;
    this.#setError(draftKey, null);
    try {
      const comment = await store.edit(entry.comment.id, text);
      host.set({ editing: null });
      host.announce(host.t.t('saved'));
      host.el.dispatchEvent(new PleinCommentEditedEvent({ comment }));
      host.after(() => host.focus(entry.key));
      return true;
    } catch (caught) {
      const error = toAdapterError(caught);
      this.#setError(draftKey, error);
      host.el.dispatchEvent(new PleinErrorEvent({ error, action: 'edit' }));
      this.focusComposer(draftKey);
      return false;
    }
  }

  #closeInline(kind: 'reply' | 'edit', key: string): void {
    this.#host.set(kind === 'reply' ? { replyTo: null } : { editing: null });
    // Back to the button that opened it.
    this.#host.after(() => this.#host.el.renderRoot.querySelector<HTMLElement>(`[data-a="${kind}"][data-k="${CSS.escape(key)}"]`)?.focus());
  }

  readonly #confirmDelete = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const host = this.#host;
    const store = host.store();
    const dialog = this.dialog;
    const node = dialog && host.tree().byKey.get(dialog.key);
    if (!store || !dialog || !node) return;
    const id = node.entry.comment.id;
    const next = this.#neighbour(dialog.key);
    try {
      await store.remove(id);
      this.dialog = null;
      host.el.requestUpdate();
      host.announce(host.t.t('deleted-announce'));
      host.el.dispatchEvent(new PleinCommentDeletedEvent({ id, thread: store.thread }));
      // The placeholder when replies keep it, else the next comment, else the heading.
      host.after(() => {
        if (host.tree().byKey.has(dialog.key)) host.focus(dialog.key);
        else if (next) host.focus(next);
        else this.#byId('heading')?.focus();
      });
    } catch (caught) {
      const error = toAdapterError(caught);
      this.openDialog({ ...dialog, error });
      host.el.dispatchEvent(new PleinErrorEvent({ error, action: 'delete' }));
    }
  };

  readonly #sendReport = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const host = this.#host;
    const store = host.store();
    const dialog = this.dialog;
    const node = dialog && host.tree().byKey.get(dialog.key);
    if (!store || !dialog || !node) return;
    const data = new FormData(event.target as HTMLFormElement);
    const note = String(data.get('note') ?? '').trim();
    const input: ReportInput = { reason: String(data.get('reason') ?? 'other') as ReportInput['reason'] };
    if (note) input.note = note;
    try {
      await store.report(node.entry.comment.id, input);
      this.closeDialog();
      host.announce(host.t.t('reported'));
    } catch (caught) {
      const error = toAdapterError(caught);
      this.openDialog({ ...dialog, error });
      host.el.dispatchEvent(new PleinErrorEvent({ error, action: 'report' }));
    }
  };
}
