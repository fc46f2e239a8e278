import { html, render } from 'lit';
import '../src/components/avatar/avatar.js';
import '../src/components/demo-note/demo-note.js';
import '../src/components/popup/popup.js';
import '../src/components/provider/provider.js';
import '../src/components/time/time.js';
import type { PleinTime } from '../src/components/time/time.js';
import { createMemoryAdapter, demoPeople, demoViewers } from '../src/memory.js';
import { sessionStoreFor } from '../src/stores/session.js';

type ViewerKey = keyof typeof demoViewers;

function $<K extends keyof HTMLElementTagNameMap>(selector: K): HTMLElementTagNameMap[K];
function $<T extends HTMLElement = HTMLElement>(selector: string): T;
function $(selector: string): Element {
  const element = document.querySelector(selector);
  if (!element) throw new Error(`demo: ${selector} is missing from index.html`);
  return element;
}
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

// Persisted, so the demo's data (and later its comments) survive a reload, as the note says.
const adapter = createMemoryAdapter({ namespace: 'plein-demo', persist: true, viewer: demoViewers.member });
$('plein-provider').adapter = adapter;

// Page settings: every change is made on <html> only, as a host site would; nothing tells the
// elements, they notice by themselves.
const controls = $<HTMLFormElement>('.controls');
function apply(input: HTMLInputElement | HTMLSelectElement): void {
  const root = document.documentElement;
  if (input.name === 'scheme') root.style.colorScheme = input.value;
  if (input.name === 'lang') root.lang = input.value;
  if (input.name === 'rtl') root.dir = (input as HTMLInputElement).checked ? 'rtl' : 'ltr';
  if (input.name === 'viewer') adapter.setViewer(demoViewers[input.value as ViewerKey]);
}
controls.addEventListener('change', (event) => apply(event.target as HTMLInputElement | HTMLSelectElement));

// Settings can come from the address too (?scheme=dark&lang=nl&rtl&viewer=admin&open), to link a state.
const params = new URLSearchParams(location.search);
for (const control of controls.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')) {
  const value = params.get(control.name);
  if (value === null) continue;
  if (control instanceof HTMLInputElement && control.type === 'checkbox') control.checked = value !== 'false';
  else if (control instanceof HTMLInputElement) control.checked = control.value === value;
  else control.value = value;
  if (!(control instanceof HTMLInputElement) || control.checked || control.type === 'checkbox') apply(control);
}

// The viewer line reads the session store, exactly what widgets do.
const session = sessionStoreFor(adapter);
session.$viewer.subscribe((viewer) => {
  render(
    viewer
      ? html`<plein-avatar name=${viewer.name} .src=${viewer.avatarUrl ?? null} decorative></plein-avatar>
          <span>${viewer.name} <span class="muted">(${viewer.roles.join(', ')})</span></span>`
      : html`<plein-avatar></plein-avatar><span class="muted">Anonymous visitor</span>`,
    $('#viewer'),
  );
});

const opened = Date.now();
render(
  demoPeople.map(
    (person, index) => html`<li>
      <plein-avatar name=${person.name} decorative></plein-avatar>
      <span>${person.name}</span>
      <plein-time class="muted" .date=${opened - index * index * 37 * MINUTE}></plein-time>
    </li>`,
  ),
  $('#people'),
);

$<PleinTime>('#opened').date = opened;
$<PleinTime>('#yesterday').date = opened - DAY;
$<PleinTime>('#next-week').date = opened + 7 * DAY;

const trigger = $<HTMLButtonElement>('#popup-trigger');
const popup = $('plein-popup');
trigger.addEventListener('click', () => {
  popup.open = !popup.open;
  trigger.setAttribute('aria-expanded', String(popup.open));
});
popup.addEventListener('plein-popup-hide', () => trigger.setAttribute('aria-expanded', 'false'));
if (params.has('open')) trigger.click();
