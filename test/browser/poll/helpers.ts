import { fixture } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { Viewer } from '../../../src/adapters/contract.js';
import { createMemoryAdapter, demoPeople, demoViewers, type MemoryAdapter, type MemoryAdapterOptions } from '../../../src/adapters/memory/index.js';
import '../../../src/components/poll/poll.js';
import type { PleinPoll } from '../../../src/components/poll/poll.js';
import { loadPart } from '../../../src/components/poll/parts.js';
import { $, $$, root, until } from '../support/shadow.js';

export { demoViewers };

let namespaces = 0;

/** A fresh namespace per call: tests never share data. */
export function namespace(prefix = 'test-poll'): string {
  namespaces += 1;
  return `${prefix}-${namespaces}-${Math.random().toString(36).slice(2, 8)}`;
}

const adapters: MemoryAdapter[] = [];

/** A memory adapter in its own namespace (or the given one), acting as a member unless told otherwise. */
export function memoryAdapter(options: Partial<MemoryAdapterOptions> = {}): MemoryAdapter {
  const adapter = createMemoryAdapter({ namespace: namespace(), seed: { people: [...demoPeople] }, viewer: demoViewers.member, ...options });
  adapters.push(adapter);
  return adapter;
}

/** A second instance of `adapter`'s namespace, acting as `viewer`: another person on another device. */
export function another(adapter: MemoryAdapter, viewer: Viewer | null, options: Partial<MemoryAdapterOptions> = {}): MemoryAdapter {
  return memoryAdapter({ namespace: adapter.namespace, viewer, ...options });
}

afterEach(() => {
  for (const adapter of adapters.splice(0)) adapter.dispose();
});

export { pollDefinition as definition } from '../support/poll-definition.js';

/** Renders the template (one `<plein-poll>`) and waits until its first read settled. */
export async function mount(template: TemplateResult): Promise<PleinPoll> {
  const element = await fixture<PleinPoll>(template);
  await until(() => {
    const status = element.store?.$status.get();
    return status !== undefined && status !== 'idle' && status !== 'loading';
  }, 'the poll to load');
  await element.updateComplete;
  await resultsDrawn(element);
  return element;
}

/**
 * The result bars are a chunk of their own, fetched beside the first read (or beside the vote,
 * where results wait for it): waits until they are on screen wherever the poll shows results.
 */
export async function resultsDrawn(element: PleinPoll): Promise<void> {
  await until(() => {
    const poll = element.store?.$poll.get();
    return !poll?.tally || poll.type === 'rating' || root(element).querySelector('[part~="results"], plein-runoff-table');
  }, 'the result bars');
  await element.updateComplete;
}

export { $, $$, root, until };

/** Visible text of the element's shadow root, whitespace collapsed. */
export const text = (element: PleinPoll, selector = '.base'): string => ($(element, selector).textContent ?? '').replace(/\s+/g, ' ').trim();

/** The radio button or checkbox of option `value`. */
export const input = (element: PleinPoll, value: string): HTMLInputElement => $<HTMLInputElement>(element, `input[value="${CSS.escape(value)}"]`);

/** Clicks the option's control, as a voter does. */
export async function choose(element: PleinPoll, ...values: string[]): Promise<void> {
  for (const value of values) {
    input(element, value).click();
    await element.updateComplete;
  }
}

/**
 * Presses Vote. What voting does is a part of its own, fetched when a pointer, focus or touch
 * reaches the poll, which a person's does before they press; `click()` reaches nothing first, so
 * this waits for the part explicitly (the press before it arrives is proven on its own).
 */
export async function submit(element: PleinPoll): Promise<void> {
  await interactionReady();
  $<HTMLButtonElement>(element, '[part~="submit"]').click();
  await element.updateComplete;
}

/** Waits until the interaction part (and the store's writing half beside it) is here. */
export async function interactionReady(): Promise<void> {
  await loadPart('interaction');
}

/** The result row text for option `label` ("Utrecht 67%, 2 votes"). */
export function resultRow(element: PleinPoll, label: string): string {
  const row = $$(element, 'li.result').find((item) => item.querySelector('.result-label')?.textContent?.trim().startsWith(label));
  if (!row) throw new Error(`No result row for ${label}`);
  return (row.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** What the polite live region says once its message has been placed. */
export async function announced(element: PleinPoll, expected: string | RegExp): Promise<void> {
  const matches = (said: string) => (typeof expected === 'string' ? said.includes(expected) : expected.test(said));
  await until(() => matches($(element, '#live').textContent ?? ''), `the announcement ${String(expected)}`);
}
