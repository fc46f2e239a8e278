import { html, nothing, type TemplateResult } from 'lit';
import type { CommentsLocalize } from './localize.js';

export interface ComposerBox {
  /** The text already written (the saved draft). */
  draft: string;
  /** The writing part could not be loaded: say so, with a retry. */
  failed: boolean;
  input: (event: Event) => void;
  submit: (event: SubmitEvent) => void;
}

/**
 * The new-comment form as a reader first sees it, before the writing part has loaded: the same
 * parts and layout as the composer, so nothing moves when it is replaced. What is typed here is
 * saved as the draft the composer starts from; a submit waits for the composer and goes through it.
 */
export function composerBox(t: CommentsLocalize, box: ComposerBox): TemplateResult {
  const label = t.t('new-label');
  return html`<form part="composer composer-new" class="composer box" novalidate aria-label=${label} @submit=${box.submit}>
    <div class="composer-head"><label part="label" class="label" for="box-text">${label}</label></div>
    <textarea
      part="textarea"
      class="textarea"
      id="box-text"
      rows="3"
      dir="auto"
      placeholder=${t.t('placeholder')}
      .value=${box.draft}
      @input=${box.input}
    ></textarea>
    <div part="composer-footer" class="composer-footer">
      <span class="buttons"><button type="submit" part="submit" class="button primary">${t.t('post')}</button></span>
    </div>
    ${box.failed
      ? html`<p part="form-error" class="field-error" role="alert">
          ${t.t('writing-failed')} <button type="button" class="link" data-a="load-writing">${t.term('retry')}</button>
        </p>`
      : nothing}
  </form>`;
}
