import { fixture, html } from '@open-wc/testing';
import { nothing } from 'lit';
import type { Viewer } from '../../../src/adapters/contract.js';
import {
  createMemoryAdapter,
  demoPeople,
  demoViewers,
  type MemoryAdapter,
  type MemoryAdapterOptions,
  type MemorySeed,
  type SeedComment,
  type SeedThread,
} from '../../../src/adapters/memory/index.js';
import '../../../src/components/comments/comments.js';
import type { PleinComments } from '../../../src/components/comments/comments.js';
import { writingLoaded } from '../../../src/components/comments/writing.js';
import { $, $$, root, until } from '../support/shadow.js';

export { demoPeople, demoViewers };

const MINUTE = 60_000;
export const ago = (minutes: number): string => new Date(Date.now() - minutes * MINUTE).toISOString();

let namespaces = 0;

/** A fresh namespace per call: tests never share data. */
export function namespace(prefix = 'test-comments'): string {
  namespaces += 1;
  return `${prefix}-${namespaces}-${Math.random().toString(36).slice(2, 8)}`;
}

export interface Setup {
  seed?: MemorySeed;
  viewer?: Viewer | null;
  thread?: string;
  adapter?: Partial<MemoryAdapterOptions>;
  /** Another adapter instead of a new memory one (e.g. a second instance of a namespace). */
  use?: MemoryAdapter;
  /** Show no intent to write, so the composer box stays until the test acts. */
  untouched?: boolean;
  attributes?: { maxDepth?: number; readonly?: boolean; pageSize?: number; lang?: string; jsonld?: string; sort?: string };
}

export interface Mounted {
  element: PleinComments;
  adapter: MemoryAdapter;
}

const adapters: MemoryAdapter[] = [];

export function memoryAdapter(options: Partial<MemoryAdapterOptions> & { seed?: MemorySeed }): MemoryAdapter {
  const adapter = createMemoryAdapter({ namespace: namespace(), seed: { people: [...demoPeople] }, viewer: demoViewers.member, ...options });
  adapters.push(adapter);
  return adapter;
}

/** Renders `<plein-comments>` on a fresh memory adapter and waits until the first page is shown. */
export async function mount(setup: Setup = {}): Promise<Mounted> {
  const adapter =
    setup.use ??
    memoryAdapter({
      ...(setup.seed ? { seed: setup.seed } : {}),
      viewer: setup.viewer === undefined ? demoViewers.member : setup.viewer,
      ...setup.adapter,
    });
  const a = setup.attributes ?? {};
  const element = await fixture<PleinComments>(html`<plein-comments
    thread=${setup.thread ?? 'thread'}
    .adapter=${adapter}
    max-depth=${a.maxDepth ?? nothing}
    page-size=${a.pageSize ?? nothing}
    lang=${a.lang ?? nothing}
    sort=${a.sort ?? nothing}
    jsonld=${a.jsonld ?? 'off'}
    ?readonly=${a.readonly}
  ></plein-comments>`);
  await until(() => element.store?.$status.get() !== 'loading' && element.store?.$status.get() !== 'idle');
  await element.updateComplete;
  if (!setup.untouched) await writingArrived(element);
  return { element, adapter };
}

afterEach(() => {
  for (const adapter of adapters.splice(0)) adapter.dispose();
  // Posts a test left unsent would be shown, and sent, by the next test's widget on the same thread.
  for (const key of Object.keys(localStorage)) if (key.startsWith('plein:unsent:')) localStorage.removeItem(key);
});

/**
 * The writing part (composer, dialogs, the store's posting and changes) loads on a reader's first
 * sign of intent; until then a box with the same parts stands in for the composer. Tests act like
 * that reader (focus in the widget) and wait for it, so actions are optimistic at once as before.
 */
export async function writingArrived(element: PleinComments): Promise<void> {
  if (!root(element).querySelector('form.box') && (element.readonly || !element.store?.$viewer.get())) return;
  element.dispatchEvent(new FocusEvent('focusin'));
  await until(() => writingLoaded() && !root(element).querySelector('form.box'), 'the writing part to arrive');
  await element.updateComplete;
}

export { $, $$, root, until };

export function article(element: PleinComments, id: string): HTMLElement {
  return $(element, `#plein-comment-${CSS.escape(id)}`);
}

/** The action button `action` of comment `id`. */
export function action(element: PleinComments, id: string, name: string): HTMLButtonElement {
  return $<HTMLButtonElement>(element, `#plein-comment-${CSS.escape(id)} [data-a="${name}"]`);
}

export function composer(element: PleinComments, mode: 'new' | 'reply' | 'edit' = 'new'): HTMLFormElement {
  return $<HTMLFormElement>(element, `form[part~="composer-${mode}"]`);
}

/** Types into a composer's text field the way a person does (input events). */
export function type(field: HTMLTextAreaElement | HTMLInputElement, text: string): void {
  field.value = text;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

export const text = (node: Node | null | undefined): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Waits for the element, and anything it rendered into, to finish updating. */
export async function settled(element: PleinComments): Promise<void> {
  for (let round = 0; round < 3; round++) {
    await element.updateComplete;
    await Promise.all($$<HTMLElement & { updateComplete?: Promise<unknown> }>(element, 'plein-comments-composer').map((c) => c.updateComplete));
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

export function comment(id: string, fields: Partial<SeedComment> = {}): SeedComment {
  return { id, thread: 'thread', author: 'demo-ada', createdAt: ago(30), body: `Comment ${id}`, ...fields };
}

export function seed(comments: SeedComment[], thread: Partial<SeedThread> = {}): MemorySeed {
  return { people: [...demoPeople], threads: [{ id: 'thread', ...thread }], comments };
}
