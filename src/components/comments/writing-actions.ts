import { html, nothing, type TemplateResult } from 'lit';
import type { ReportInput } from '../../adapters/contract.js';
import type { AdapterError } from '../../adapters/errors.js';
import { toAdapterError } from '../../core/errors.js';
import { PleinErrorEvent } from '../../core/events.js';
import type { CommentEntry, CommentsStore } from '../../stores/comments/types.js';
import type { PleinCommentsComposer } from './composer.js';
import { dialogContent, type Dialog } from './dialogs.js';
import type { DisplayNode } from './display-tree.js';
import { PleinCommentDeletedEvent, PleinCommentEditedEvent, PleinCommentPostedEvent } from './events.js';
import type { WritingHost } from './writing-host.js';

/**
 * What `<plein-comments>` does when someone writes: the composers, posting and editing with their
 * refusals, the delete and report dialogs, and what follows (announcements, focus, events). It
 * comes with the writing part, so a reader who only reads never downloads it.
 */
export class CommentsWriting {
  /** A composer's refusal, by draft key; replaced on each change, so a render can compare it. */
  errors = new Map<string, AdapterError>();
  /** Bumped on every change of `errors`, which is not a string a block's signature can carry. */
  version = 0;
  dialog: Dialog | null = null;
  readonly #host: WritingHost;

  constructor(host: WritingHost) {
    this.#host = host;
  }

  /** Another thread or adapter: nothing open, nothing refused. */
  reset(): void {
    this.errors = new Map();
    this.dialog = null;
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
            <button type="button" part="sign-in" class="link" data-a="sign-in">${t.t('sign-in')}</button>
          </p>`
        : nothing}`;
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

  /** After the element's update: shows or closes the rendered `<dialog>` to match. */
  updated(): void {
    const element = this.#byId<HTMLDialogElement>('dialog');
    if (!element) return;
    if (this.dialog && !element.open) {
      element.showModal();
      element.querySelector<HTMLElement>('input, .button.danger')?.focus();
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
  focusComposer(draftKey: string): void {
    this.#host.after(() => {
      for (const composer of this.#host.el.renderRoot.querySelectorAll<PleinCommentsComposer>('plein-comments-composer')) {
        if (composer.draftKey === draftKey) composer.focusInput();
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
    if (entry.localId) store.retry(entry.localId).then((posted) => this.#posted(posted, entry.key), () => undefined);
  }

  /** Back online: send what waits, and tell the page about each comment that got through. */
  async online(): Promise<void> {
    const store = this.#host.store();
    if (!store) return;
    const waiting = store.$items.get().filter((entry) => entry.local === 'failed');
    await store.retryAll();
    for (const before of waiting) {
      const entry = store.$items.get().find((item) => item.key === before.key);
      if (entry && !entry.local) this.#posted(entry.comment, entry.key, false);
    }
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
      this.#posted(comment, localId);
      return true;
    } catch (caught) {
      const error = toAdapterError(caught);
      host.el.dispatchEvent(new PleinErrorEvent({ error, action: parentId ? 'reply' : 'post-comment' }));
      const kept = host.tree().byKey.has(localId) || store.$items.get().some((entry) => entry.key === localId);
      if (kept) {
        // It waits in the thread as "not sent" with Retry; the composer is free again.
        host.announce(`${t.t('failed')} ${error.code === 'network' ? t.t('offline') : t.errorMessage(error)}`);
        host.after(() => host.focus(localId));
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

  /** `focus`: the reader just acted on it; a background resend must not move their focus. */
  #posted(comment: CommentEntry['comment'], key: string, focus = true): void {
    const host = this.#host;
    const t = host.t;
    host.announce(comment.status === 'pending' ? t.t('posted-pending') : t.t('posted'));
    host.el.dispatchEvent(new PleinCommentPostedEvent({ comment }));
    if (focus) host.after(() => host.focus(key));
    host.el.requestUpdate();
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
    const next = host.neighbour(dialog.key);
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
