import { css, html } from 'lit';
import { LocalizeController } from '../../src/core/localize.js';
import { PleinElement } from '../../src/core/plein-element.js';
import { StoreController } from '../../src/core/store-controller.js';
import { sessionStoreFor, type SessionStore } from '../../src/stores/session.js';
import '../../src/components/avatar/avatar.js';

// Story-only wording; the product dictionaries have no "not signed in" line (yet).
const anonymous: Record<string, string> = { en: 'Not signed in', nl: 'Niet ingelogd' };

/**
 * Story-only: shows who the adapter in scope says is signed in, read through the session store
 * like a real widget would, so a story can prove which provider an element belongs to.
 */
export class PleinStoryViewer extends PleinElement {
  static override styles = [
    PleinElement.styles,
    css`
      .base {
        display: flex;
        align-items: center;
        gap: var(--_space-xs);
      }
      .meta {
        color: var(--_color-muted);
        font-size: var(--_font-size-s);
      }
    `,
  ];

  private readonly localize = new LocalizeController(this);

  private readonly session = new StoreController<string, SessionStore>(this, {
    key: () => 'session',
    create: (_key, adapter) => sessionStoreFor(adapter),
    atoms: (store) => [store.$viewer, store.$status],
  });

  protected override render() {
    const store = this.session.value;
    const status = store?.$status.get();
    if (!store || status === 'idle' || status === 'loading') {
      return html`<div part="base" class="base">${this.localize.term('loading')}</div>`;
    }
    const viewer = store.$viewer.get();
    const lang = this.localize.lang.split('-')[0] ?? 'en';
    return html`<div part="base" class="base">
      <plein-avatar name=${viewer?.name ?? ''} .src=${viewer?.avatarUrl ?? null} decorative size="32"></plein-avatar>
      <span>
        ${viewer ? this.localize.term('signed-in-as', { name: viewer.name }) : (anonymous[lang] ?? anonymous.en)}
        <span class="meta">(${store.adapter.name}${'namespace' in store.adapter ? ` · ${String(store.adapter.namespace)}` : ''})</span>
      </span>
    </div>`;
  }
}

PleinStoryViewer.define('plein-story-viewer');

declare global {
  interface HTMLElementTagNameMap {
    'plein-story-viewer': PleinStoryViewer;
  }
}
