import { css, html, LitElement, render, type TemplateResult } from 'lit';
import { defineAdapter } from '../../../src/adapters/define.js';
import type { PleinAdapter, RealtimeEvent, Viewer } from '../../../src/adapters/contract.js';
import { configure } from '../../../src/core/config.js';
import { LocalizeController } from '../../../src/core/localize.js';
import { PleinElement } from '../../../src/core/plein-element.js';

export interface FakeAdapter extends PleinAdapter {
  /** Delivers a realtime event to every subscriber of `topic`. */
  emit(topic: string, event: RealtimeEvent): void;
  readonly calls: string[];
  listenerCount(topic: string): number;
}

export interface FakeOptions {
  viewer?: Viewer | null;
  realtime?: boolean;
  guests?: boolean;
  /** Replaces getViewer, e.g. to fail or to resolve late. */
  getViewer?: (signal: AbortSignal | undefined) => Promise<Viewer | null>;
  signOut?: () => Promise<void>;
}

/** A small real adapter (it passes `defineAdapter`), with a hand on its realtime channel. */
export function fakeAdapter(name: string, options: FakeOptions = {}): FakeAdapter {
  const listeners = new Map<string, Set<(event: RealtimeEvent) => void>>();
  const calls: string[] = [];
  let viewer = options.viewer ?? null;
  const adapter = {
    name,
    supports: { session: true, realtime: options.realtime ?? false, guests: options.guests ?? false },
    calls,
    async getViewer({ signal }: { signal?: AbortSignal } = {}) {
      calls.push('getViewer');
      return options.getViewer ? options.getViewer(signal) : viewer;
    },
    async signOut() {
      calls.push('signOut');
      if (options.signOut) await options.signOut();
      viewer = null;
    },
    async signInAsGuest({ name: guestName }: { name: string }) {
      calls.push('signInAsGuest');
      viewer = { id: `guest-${guestName}`, name: guestName, roles: [], guest: true };
      return viewer;
    },
    subscribe(topic: string, onEvent: (event: RealtimeEvent) => void) {
      const set = listeners.get(topic) ?? new Set();
      listeners.set(topic, set);
      set.add(onEvent);
      return () => set.delete(onEvent);
    },
    emit(topic: string, event: RealtimeEvent) {
      for (const listener of listeners.get(topic) ?? []) listener(event);
    },
    listenerCount: (topic: string) => listeners.get(topic)?.size ?? 0,
  };
  return defineAdapter(adapter);
}

export const ada: Viewer = { id: 'u1', name: 'Ada', roles: ['member'] };

export function resetConfig(): void {
  configure({ adapter: null, lang: null, theme: 'auto', demo: false });
}

let counter = 0;

/** A fresh tag per call: the registry is page-wide and tests must not depend on each other. */
export function uniqueTag(prefix = 'test-plein'): string {
  counter += 1;
  return `${prefix}-${counter}-${Math.random().toString(36).slice(2, 7)}`;
}

/** A minimal Plein widget that renders what the base class resolved. */
export class ProbeElement extends PleinElement {
  private readonly localize = new LocalizeController(this);
  renders = 0;

  static override styles = [
    PleinElement.styles,
    css`
      [part='base'] {
        background: var(--_color-surface);
        color: var(--_color-text);
      }
    `,
  ];

  protected override render(): TemplateResult {
    this.renders += 1;
    return html`<p part="base" lang=${this.effectiveLang} dir=${this.dir}>
      <span class="term">${this.localize.term('loading')}</span>
      <span class="adapter">${this.adapter?.name ?? 'none'}</span>
      <button type="button">${this.localize.term('retry')}</button>
    </p>`;
  }
}

export const probeTag = 'test-plein-probe';
ProbeElement.define(probeTag);

/** A plain Lit element (not a PleinElement) using LocalizeController. */
export class PlainLocalized extends LitElement {
  readonly localize = new LocalizeController(this);
  protected override render(): TemplateResult {
    return html`<span>${this.localize.term('close')}</span>`;
  }
}
customElements.define('test-plain-localized', PlainLocalized);

declare global {
  interface HTMLElementTagNameMap {
    'test-plein-probe': ProbeElement;
    'test-plain-localized': PlainLocalized;
  }
}

/** Waits for the page observer's microtask and the element's update. */
export async function settle(element?: LitElement): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await element?.updateComplete;
}

const containers: HTMLElement[] = [];

/**
 * Renders a template whose root is a plain element. `fixture()` waits for an animation frame for
 * those, which a background tab (tests run two pages at once) may not get.
 */
export async function mount<T extends Element>(template: TemplateResult): Promise<T> {
  const container = document.createElement('div');
  document.body.append(container);
  containers.push(container);
  render(template, container);
  await Promise.all(
    [...container.querySelectorAll('*')].map((node) => (node as Partial<LitElement>).updateComplete),
  );
  return container.firstElementChild as T;
}

afterEach(() => {
  for (const container of containers.splice(0)) container.remove();
});
