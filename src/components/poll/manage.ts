/**
 * What only some people see in `<plein-poll>`, in a chunk of its own that the poll loads when
 * it needs it: the moderators' tools (close and reopen, CSV export, the voter list of a `public`
 * poll) and, for the site owner, what is wrong with a definition the backend refused. A
 * visitor's page never downloads this module or its strings.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Ballot, Poll, PollDefinition } from '../../adapters/contract.js';
import { isAbortError, type AdapterError, type FieldError } from '../../adapters/errors.js';
import { toAdapterError } from '../../core/errors.js';
import { PleinErrorEvent } from '../../core/events.js';
import type { LocalizeController } from '../../core/localize.js';
import { pollsManageEn, type PollsManageKey } from '../../i18n/polls-manage.en.js';
import { pollsManageNl } from '../../i18n/polls-manage.nl.js';
import type { Lookup } from '../../core/string-bundles.js';
import { findMessage } from '../../i18n/registry.js';
import type { Message } from '../../i18n/types.js';
import type { PollStore } from '../../stores/polls/index.js';
import type { PollsLocalize } from './localize.js';
export { manageStyles as styles } from './manage.styles.js';

const bundled: Record<string, Lookup> = { en: pollsManageEn, nl: pollsManageNl };

/** A string of this module in the host's language; `undefined` for a key it does not have. */
const find = (localize: LocalizeController, key: string): Message | undefined => findMessage(localize.lang, 'polls', key, bundled);

function text(localize: LocalizeController, key: PollsManageKey, params?: Record<string, string | number>): string {
  return localize.formatMessage(find(localize, key) ?? pollsManageEn[key], params);
}

// ---------------------------------------------------------------------------------------------
// The site owner: a refused definition

/** Definition fields as the site owner wrote them: attribute names, the question slot, options. */
function where(field: string): string {
  const option = /^options\.(\d+)\.(value|label)$/.exec(field);
  if (option) return `<plein-option> ${Number(option[1]) + 1} (${option[2] === 'value' ? 'value' : 'text'})`;
  const names: Record<string, string> = {
    id: 'poll',
    question: 'slot="question"',
    options: '<plein-option>',
    allowChange: 'allow-change',
    closesAt: 'closes',
    scale: 'scale-min / scale-max / scale-step',
  };
  return names[field] ?? field;
}

function explain(localize: LocalizeController, definition: PollDefinition, field: string, issue: FieldError): string {
  const root = field.split('.')[0] ?? field;
  // Both contradictions of `voters` share a reason; the definition tells which one it is.
  const specific =
    root === 'voters' && issue.reason === 'conflict' && definition.voters === 'public' && definition.integrity === 'device'
      ? 'def.voters.device'
      : `def.${root}.${issue.reason}`;
  const message = find(localize, specific) ?? find(localize, `def.${issue.reason}`);
  return message === undefined ? issue.message : localize.formatMessage(message, issue.params);
}

/**
 * The backend refused the page's definition: what to fix, for the site owner, at the top of the
 * element, one line per field under the attribute's own name.
 */
export function definitionProblems(localize: LocalizeController, definition: PollDefinition, error: AdapterError): TemplateResult {
  const fields = Object.entries(error.fields);
  return html`<div part="error" class="notice danger" role="alert">
    <p><strong>${text(localize, 'definition-error')}</strong></p>
    <p class="small">${text(localize, 'definition-hint', { id: definition.id })}</p>
    <ul class="problems">
      ${fields.length > 0
        ? fields.map(([field, issue]) => html`<li><code>${where(field)}</code>: ${explain(localize, definition, field, issue)}</li>`)
        : html`<li>${error.message}</li>`}
    </ul>
  </div>`;
}

/**
 * For moderators: the page's definition differs from the stored one, which stands: it has votes
 * (`conflict`), or it was made elsewhere by someone this viewer may not overrule (`forbidden`).
 */
export function frozenNotice(localize: LocalizeController, refused: AdapterError): TemplateResult {
  const key = refused.code === 'forbidden' ? 'definition-not-yours' : 'definition-frozen';
  return html`<p part="notice" class="notice warning" role="note">${text(localize, key)}</p>`;
}

// ---------------------------------------------------------------------------------------------
// Moderators and, for `public` polls, members

export interface ManageContext {
  localize: LocalizeController;
  store: PollStore;
  poll: Poll;
  closed: boolean;
  /** Offer close/reopen and export. */
  moderator: boolean;
  /** The viewer may list who voted what (a `public` poll). */
  listable: boolean;
  showVoters: boolean;
  onClose: () => void;
  onToggleVoters: () => void;
  onMoreVoters: () => void;
  onExport: (kind: ExportKind) => void;
  /** The export being prepared (the voters' pages are on their way), if any. */
  exporting: ExportKind | null;
}

export type ExportKind = 'results' | 'voters';

export function manageView(c: ManageContext): TemplateResult {
  const { localize, store, poll, moderator, listable } = c;
  const busy = store.$pending.get() ? 'true' : 'false';
  const exporting = (kind: ExportKind): string => (c.exporting === kind ? 'true' : 'false');
  const exportLabel = (kind: ExportKind): string => text(localize, c.exporting === kind ? 'exporting' : kind === 'results' ? 'export-csv' : 'export-voters');
  return html`<div part="moderation" class="moderation">
      ${moderator
        ? html`<button type="button" part="close" class="button" aria-disabled=${busy} @click=${c.onClose}>
            ${text(localize, c.closed ? 'reopen-poll' : 'close-poll')}
          </button>`
        : nothing}
      ${moderator && poll.tally
        ? html`<button type="button" part="export" class="button" aria-disabled=${exporting('results')} @click=${() => c.onExport('results')}>
            ${exportLabel('results')}
          </button>`
        : nothing}
      ${moderator && listable
        ? html`<button type="button" part="export export-voters" class="button" aria-disabled=${exporting('voters')} @click=${() => c.onExport('voters')}>
            ${exportLabel('voters')}
          </button>`
        : nothing}
      ${listable
        ? html`<button type="button" part="voters-toggle" class="button" aria-expanded=${c.showVoters ? 'true' : 'false'} aria-controls="voters"
            @click=${c.onToggleVoters}>${text(localize, c.showVoters ? 'hide-voters' : 'show-voters')}</button>`
        : nothing}
    </div>
    ${listable && c.showVoters ? voterList(c) : nothing}`;
}

function voterList(c: ManageContext): TemplateResult {
  const { localize, poll } = c;
  const voters = c.store.$voters.get();
  const labels = new Map(poll.options.map((option) => [option.value, option.label]));
  const list = new Intl.ListFormat(localize.lang, { type: 'conjunction' });
  const describe = (ballot: Ballot): string =>
    'rating' in ballot
      ? localize.number(ballot.rating)
      : poll.type === 'ranked'
        ? ballot.choices.map((value, index) => `${localize.number(index + 1)}. ${labels.get(value) ?? value}`).join(', ')
        : list.format(ballot.choices.map((value) => labels.get(value) ?? value));
  return html`<section class="voters" id="voters" aria-labelledby="voters-heading">
    <h3 class="results-heading" id="voters-heading">${text(localize, 'voters-heading')}</h3>
    ${!voters || (voters.loading && voters.items.length === 0)
      ? html`<p class="muted" role="status">${localize.term('loading')}</p>`
      : voters.items.length === 0
        ? html`<p class="muted">${text(localize, 'voters-empty')}</p>`
        : html`<ul part="voters" class="voter-list">
            ${voters.items.map((vote) => html`<li><strong>${vote.voter.name}</strong>: ${describe(vote.ballot)}</li>`)}
          </ul>`}
    ${voters?.cursor
      ? html`<button type="button" class="button" aria-disabled=${voters.loading ? 'true' : 'false'} @click=${c.onMoreVoters}>${text(localize, 'voters-more')}</button>`
      : nothing}
  </section>`;
}

/**
 * Downloads the results, or every voter of a `public` poll: the store fetches the pages not on
 * screen first, and if one fails nothing is downloaded.
 */
export async function exportCsv(localize: LocalizeController, store: PollStore, poll: Poll, kind: ExportKind): Promise<void> {
  const [csv, votes] = await Promise.all([import('./csv.js'), kind === 'voters' ? store.allVoters() : []]);
  const content = kind === 'results' ? csv.resultsCsv(localize, poll) : csv.votersCsv(localize, poll, votes);
  csv.downloadCsv(content, csv.csvFileName(poll, kind));
}

/** What the moderators' tools need of `<plein-poll>`. */
export interface ModerationHost {
  element: ReactiveControllerHost & EventTarget;
  localize: PollsLocalize;
  /** The poll store in use now. */
  store(): PollStore | undefined;
  /** Says `message` in the element's polite live region. */
  announce(message: string): void;
}

/** The moderators' tools of one `<plein-poll>`: what they remember between renders and what their buttons do. */
export class Moderation {
  readonly #host: ModerationHost;
  #showVoters = false;
  /** A failed export: said as such, over the store's failed page of voters that caused it. */
  #exportError: AdapterError | null = null;
  #exporting: ExportKind | null = null;
  /**
   * From pressing close until the render that shows the change, so `plein-poll-closed` says a
   * moderator closed the poll.
   */
  closing = false;

  constructor(host: ModerationHost) {
    this.#host = host;
  }

  /** Another poll, adapter or viewer: the voter list starts hidden. */
  reset(): void {
    this.#showVoters = false;
  }

  view(store: PollStore, poll: Poll, closed: boolean, moderator: boolean, listable: boolean): TemplateResult {
    const t = this.#host.localize;
    const failure = store.$lastError.get();
    const exportError = this.#exportError;
    const shown =
      exportError ?? (failure && (failure.action === 'close' || failure.action === 'reopen' || failure.action === 'voters') ? failure.error : null);
    return html`${manageView({
      localize: t,
      store,
      poll,
      closed,
      moderator,
      listable,
      showVoters: this.#showVoters,
      onClose: this.#onClose,
      onToggleVoters: this.#onVoters,
      onMoreVoters: this.#onMoreVoters,
      onExport: (kind) => this.#export(store, poll, kind),
      exporting: this.#exporting,
    })}
    ${shown
      ? html`<div part="error" class="notice danger" role="alert">
          <p>${text(t, shown === exportError ? 'export-failed' : 'action-failed', { reason: t.errorMessage(shown) })}</p>
          <button type="button" class="link" @click=${() => this.#dismiss(store, shown)}>
            ${text(t, 'dismiss')}
          </button>
        </div>`
      : nothing}`;
  }

  #setExportError(error: AdapterError | null): void {
    this.#exportError = error;
    this.#host.element.requestUpdate();
  }

  /** Dismisses `shown`, and the store's record of it when it is the same failure. */
  #dismiss(store: PollStore, shown: AdapterError): void {
    if (shown === this.#exportError) this.#setExportError(null);
    if (store.$lastError.get()?.error === shown) store.dismissError();
  }

  #fail(error: AdapterError, action: 'close' | 'reopen' | 'voters' | 'export'): void {
    this.#host.element.dispatchEvent(new PleinErrorEvent({ error, action }));
  }

  #onClose = (): void => {
    const { element, localize, announce } = this.#host;
    const store = this.#host.store();
    if (!store || store.$pending.get()) return;
    const closing = !store.isClosed();
    this.closing = true;
    store
      .setClosed(closing)
      .catch((caught: unknown) => {
        const error = toAdapterError(caught);
        announce(text(localize, 'action-failed', { reason: localize.errorMessage(error) }));
        this.#fail(error, closing ? 'close' : 'reopen');
      })
      .finally(() => {
        // After the render that shows the change, so `plein-poll-closed` says who closed it.
        void element.updateComplete.then(() => (this.closing = false));
      });
  };

  #onVoters = (): void => {
    this.#showVoters = !this.#showVoters;
    this.#host.element.requestUpdate();
    if (this.#showVoters && !this.#host.store()?.$voters.get()) this.#onMoreVoters();
  };

  #onMoreVoters = (): void => {
    this.#host
      .store()
      ?.loadVoters()
      .catch((caught: unknown) => this.#fail(toAdapterError(caught), 'voters'));
  };

  #export(store: PollStore, poll: Poll, kind: ExportKind): void {
    if (this.#exporting) return;
    if (this.#exportError) this.#dismiss(store, this.#exportError);
    this.#exporting = kind;
    this.#host.element.requestUpdate();
    exportCsv(this.#host.localize, store, poll, kind)
      .catch((caught: unknown) => {
        // The poll went away (another poll or adapter, or the element left the page).
        if (isAbortError(caught)) return;
        const error = toAdapterError(caught);
        this.#setExportError(error);
        this.#fail(error, 'export');
      })
      .finally(() => {
        this.#exporting = null;
        this.#host.element.requestUpdate();
      });
  }
}
