/**
 * The few endpoints of the Plein API the browser tests need, answered in the page (the real
 * server runs in Node; its behaviour is tested there, against the adapter, in
 * test/node/server/http-adapter). What matters here is the browser side: Web Crypto solving a
 * real ALTCHA challenge (created and verified by altcha-lib, as the server does), localStorage,
 * and fetch streams read as Server-Sent Events.
 */
import { createChallenge, randomInt, verifySolution, type Payload } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/sha';
import type { Viewer } from '../../../src/adapter.js';

const SECRET = 'browser-test-secret-0123456789';
const KEY_SECRET = 'browser-test-key-secret-0123456789';

export interface SeenRequest {
  method: string;
  path: string;
  headers: Headers;
  credentials?: RequestCredentials | undefined;
}

/** A member token as a site signs one, unsigned: the fake server only reads its claims. */
export function memberToken(viewer: { id: string; name: string }, expiresInSeconds: number): string {
  const part = (value: unknown) => btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${part({ alg: 'HS256' })}.${part({ sub: viewer.id, name: viewer.name, roles: ['member'], exp: Math.floor(Date.now() / 1000) + expiresInSeconds })}.signature`;
}

function memberOf(token: string): Viewer | null {
  try {
    const claims = JSON.parse(atob((token.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/'))) as { sub: string; name: string };
    return { id: claims.sub, name: claims.name, avatarUrl: null, roles: ['member'] };
  } catch {
    return null;
  }
}

export interface FakeStream {
  lastEventId: string | null;
  topics: string[];
  /** Sends raw text; split it anywhere to test reassembly. */
  send(text: string): void;
  end(): void;
}

export class FakeServer {
  readonly requests: SeenRequest[] = [];
  readonly streams: FakeStream[] = [];
  readonly guests = new Map<string, Viewer>();
  #waiters: (() => void)[] = [];
  #guestCount = 0;

  /** What the site's own token URL (`/plein-token`, any host) answers. */
  tokenAnswer: () => Response = () => new Response(null, { status: 204 });

  readonly fetch: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    const method = init?.method ?? 'GET';
    const headers = new Headers(init?.headers);
    const path = url.pathname.replace(/^\/v1\/sites\/[^/]+/, '');
    this.requests.push({ method, path, headers, credentials: init?.credentials });
    init?.signal?.throwIfAborted();
    if (path === '/plein-token') return this.tokenAnswer();
    if (path === '/guest/challenge') return json(await createChallenge({ algorithm: 'SHA-256', cost: 1, counter: randomInt(3000), deriveKey, expiresAt: Math.floor(Date.now() / 1000) + 60, hmacSignatureSecret: SECRET, hmacKeySignatureSecret: KEY_SECRET }));
    if (path === '/guest' && method === 'POST') return this.#startGuest(String(init?.body));
    if (path === '/viewer') {
      const token = headers.get('Authorization')?.replace(/^Bearer /, '') ?? '';
      const viewer = this.guests.get(token) ?? (token.includes('.') ? memberOf(token) : null);
      return json({ viewer }, 200, { 'X-Plein-Event-Id': '100' });
    }
    if (path === '/events') return this.#stream(url, headers, init?.signal ?? undefined);
    return json({ error: { code: 'not-found', message: 'No such endpoint.' } }, 404);
  };

  async #startGuest(body: string): Promise<Response> {
    const { name, altcha } = JSON.parse(body) as { name: string; altcha: string };
    const payload = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(altcha), (char) => char.charCodeAt(0)))) as Payload;
    const result = await verifySolution({ challenge: payload.challenge, solution: payload.solution, deriveKey, hmacSignatureSecret: SECRET, hmacKeySignatureSecret: KEY_SECRET });
    if (!result.verified) return json({ error: { code: 'invalid', message: 'Bad proof.', fields: { altcha: { reason: 'captcha-failed', message: 'Bad proof.' } } } }, 400);
    const token = `guest-token-${++this.#guestCount}`;
    const viewer: Viewer = { id: `guest:${this.#guestCount}`, name: name.trim(), avatarUrl: null, roles: [], guest: true };
    this.guests.set(token, viewer);
    return json({ token, viewer, expiresAt: new Date(Date.now() + 3600_000).toISOString() }, 201);
  }

  #stream(url: URL, headers: Headers, signal: AbortSignal | undefined): Response {
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    let open = true;
    const body = new ReadableStream<Uint8Array>({
      start: (c) => void (controller = c),
      cancel: () => void (open = false),
    });
    const encoder = new TextEncoder();
    const stream: FakeStream = {
      lastEventId: headers.get('Last-Event-ID'),
      topics: url.searchParams.getAll('topics'),
      send: (text) => open && controller.enqueue(encoder.encode(text)),
      end: () => {
        if (!open) return;
        open = false;
        controller.close();
      },
    };
    signal?.addEventListener('abort', () => {
      if (!open) return;
      open = false;
      controller.error(signal.reason);
    });
    this.streams.push(stream);
    for (const wake of this.#waiters.splice(0)) wake();
    return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream; charset=utf-8' } });
  }

  /** Resolves with the `count`-th stream opened (1-based), waiting for it if need be. */
  async stream(count: number, ms = 3000): Promise<FakeStream> {
    const deadline = Date.now() + ms;
    while (this.streams.length < count) {
      if (Date.now() > deadline) throw new Error(`Stream ${count} was not opened within ${ms} ms.`);
      await new Promise<void>((resolve) => {
        this.#waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
    return this.streams[count - 1]!;
  }
}

function json(value: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}
