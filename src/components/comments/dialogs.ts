import { html, nothing, type TemplateResult } from 'lit';
import type { AdapterError } from '../../adapters/errors.js';
import { LIMITS, REPORT_REASONS } from '../../domain/limits.js';
import type { CommentsLocalize } from './localize.js';

export type Dialog = { kind: 'delete' | 'report'; key: string; error?: AdapterError; opener: HTMLElement | null };

export interface DialogActions {
  confirmDelete: (event: SubmitEvent) => void;
  sendReport: (event: SubmitEvent) => void;
}

/** The inside of the delete confirmation or the report form; the `<dialog>` itself is the owner's. */
export function dialogContent(t: CommentsLocalize, dialog: Dialog, on: DialogActions): TemplateResult {
  const error = dialog.error ? html`<p part="form-error" class="field-error" role="alert">${t.errorMessage(dialog.error)}</p>` : nothing;
  if (dialog.kind === 'delete') {
    return html`<form class="dialog-body" @submit=${on.confirmDelete}>
      <h3 part="dialog-heading" id="dialog-title">${t.t('delete-title')}</h3>
      <p part="dialog-text">${t.t('delete-text')}</p>
      ${error}
      <div class="buttons">
        <button type="button" part="cancel" class="button" data-a="close-dialog">${t.term('cancel')}</button>
        <button type="submit" part="confirm-delete" class="button danger">${t.t('delete')}</button>
      </div>
    </form>`;
  }
  return html`<form class="dialog-body" @submit=${on.sendReport}>
    <h3 part="dialog-heading" id="dialog-title">${t.t('report-title')}</h3>
    <fieldset part="reasons">
      <legend part="legend">${t.t('report-reason')}</legend>
      ${REPORT_REASONS.map(
        (reason) => html`<label part="reason" class="choice"
          ><input part="radio" type="radio" name="reason" value=${reason} required /> ${t.format(`reason.${reason}` as 'reason.spam')}</label
        >`,
      )}
    </fieldset>
    <label part="label" class="field"
      >${t.t('report-note')}<textarea part="textarea" name="note" class="textarea" rows="2" maxlength=${LIMITS.reportNote.max}></textarea
    ></label>
    ${error}
    <div class="buttons">
      <button type="button" part="cancel" class="button" data-a="close-dialog">${t.term('cancel')}</button>
      <button type="submit" part="send-report" class="button primary">${t.t('report-send')}</button>
    </div>
  </form>`;
}
