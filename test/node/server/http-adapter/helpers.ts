/** Small helpers shared by the HTTP adapter's own tests. */
import type { Viewer } from '../../../../src/adapters/contract.js';
import type { LiveServer } from './live-server.js';

export interface SeenRequest {
  url: URL;
  method: string;
  headers: Headers;
  at: number;
}

/** The real fetch, with a log of what went through it. */
export function recordingFetch(): { fetch: typeof fetch; requests: SeenRequest[]; events(): SeenRequest[] } {
  const requests: SeenRequest[] = [];
  return {
    requests,
    events: () => requests.filter((request) => request.url.pathname.endsWith('/events')),
    fetch: (input, init) => {
      requests.push({ url: new URL(String(input)), method: init?.method ?? 'GET', headers: new Headers(init?.headers), at: Date.now() });
      return fetch(input, init);
    },
  };
}

export async function waitFor(condition: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${ms} ms waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Posts a comment in-process (`app.request`), not over a socket: tests that cut the server's
 * connections must not cut the writer's too.
 */
export async function postDirectly(server: LiveServer, site: string, thread: string, body: string, as: Viewer): Promise<string> {
  const response = await server.app.request(`/v1/sites/${encodeURIComponent(site)}/threads/${encodeURIComponent(thread)}/comments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${await server.token(site, as)}` },
    body: JSON.stringify({ body }),
  });
  const text = await response.text();
  if (response.status !== 201) throw new Error(`post: ${response.status} ${text}`);
  return (JSON.parse(text) as { comment: { id: string } }).comment.id;
}
