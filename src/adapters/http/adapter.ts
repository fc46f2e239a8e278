/**
 * `createHttpAdapter`: the adapter contract over the reference server's REST + SSE API
 * (`/v1/sites/{site}/…`, described at `/v1/openapi.json`). Every method is one request (two for a
 * guest's first step: the proof-of-work challenge, then the call); realtime is one multiplexed
 * event stream (see `realtime.ts`).
 */
import {
  topics,
  type AdapterWith,
  type Capabilities,
  type Comment,
  type ModerationItem,
  type Page,
  type ReactionSummary,
  type Thread,
  type Viewer,
} from '../contract.js';
import { defineAdapter } from '../define.js';
import { AdapterError } from '../errors.js';
import { validateGuestName } from '../../domain/limits.js';
import { GuestSessions, parse, type StoredGuest } from './guest-session.js';
import { Identity } from './identity.js';
import { resolveRealtimeOptions, siteBaseUrl, type HttpAdapterOptions } from './options.js';
import { DeviceToken, fetchWithDevice, pollMethods } from './polls.js';
import { RealtimeChannel } from './realtime.js';
import { Transport } from './transport.js';

/** What the reference server implements, hence what this adapter declares. */
export const HTTP_CAPABILITIES = {
  session: true,
  guests: true,
  comments: true,
  reactions: true,
  reports: true,
  polls: true,
  moderation: true,
  realtime: true,
} as const satisfies Capabilities;

export type HttpAdapter = AdapterWith<keyof typeof HTTP_CAPABILITIES> & {
  /** Closes the event stream, aborts requests in flight and drops every listener. */
  dispose(): void;
};

const threadPath = (id: string) => `/threads/${encodeURIComponent(id)}`;
const commentPath = (id: string) => `/comments/${encodeURIComponent(id)}`;

export function createHttpAdapter(options: HttpAdapterOptions): HttpAdapter {
  const baseUrl = siteBaseUrl(options.endpoint, options.site);
  const baseFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const fetchImpl = fetchWithDevice(baseFetch, baseUrl, new DeviceToken(baseUrl));
  const guests = new GuestSessions(baseUrl, options.guestStorage);
  const identity = new Identity(options.token, guests);

  /** The viewer last reported to `session` listeners: `undefined` until known. */
  let knownViewer: string | null | undefined;
  const viewerKey = (viewer: Viewer | null) => (viewer ? `${viewer.guest ? 'guest' : 'member'}:${viewer.id}` : null);

  /** Nobody to verify (no member token, no guest session) is an anonymous visitor, known without asking. */
  async function readViewer(): Promise<Viewer | null> {
    const credentials = await identity.current();
    if (credentials.kind === 'anonymous' && !transport.disposed) return null;
    const { data } = await transport.request<{ viewer: Viewer | null }>('GET', '/viewer', { credentials });
    return data.viewer ?? null;
  }

  /** First pages of threads on their way, asked with their thread (see `getThread`). */
  const firstPages = new Map<string, Promise<Page<Comment> & { thread?: Thread }>>();

  /** The viewer read on its way, shared: the widgets of a page all ask for it as it opens. */
  let viewerRead: Promise<Viewer | null> | undefined;

  function viewerChanged(viewer: Viewer | null, { reconnect }: { reconnect: boolean }): void {
    // A read sent for the identity before answers for that one: later callers ask anew.
    viewerRead = undefined;
    knownViewer = viewerKey(viewer);
    realtime.emitViewer(viewer);
    if (reconnect) realtime.identityChanged();
  }

  function guestRejected(): void {
    if (identity.forgetGuest()) viewerChanged(null, { reconnect: true });
  }

  const transport = new Transport(baseUrl, fetchImpl, identity, {
    guestRejected,
    credentialsUsed: (credentials) => realtime.credentialsUsed(credentials),
  });
  const realtime = new RealtimeChannel({
    transport,
    identity,
    fetchImpl,
    options: resolveRealtimeOptions(options.realtime),
    guestRejected,
  });

  function startGuest(session: StoredGuest): Viewer {
    identity.startGuest(session);
    viewerChanged(session.viewer, { reconnect: true });
    return session.viewer;
  }

  // The solver (ALTCHA, about 1.3 kB) is needed only when a guest signs in: it downloads while the
  // challenge is on its way, not with every page that reads.
  async function proof(signal: AbortSignal | undefined): Promise<string> {
    const solver = import('./proof-of-work.js');
    // Should the challenge fail first, a failed download must not surface as an unhandled rejection.
    solver.catch(() => undefined);
    const { data: challenge } = await transport.request<unknown>('GET', '/guest/challenge', { anonymous: true, signal });
    return (await solver).solveProofOfWork(challenge, signal);
  }

  // Another tab of the site started or ended the guest session this one shares.
  const onStorage = (event: StorageEvent) => {
    if (event.key !== guests.key && event.key !== null) return;
    const viewer = event.key === null ? null : (parse(event.newValue)?.viewer ?? null);
    void identity.current().then((credentials) => {
      // A member's token wins over any guest session, whatever the other tab did.
      if (credentials.kind !== 'member' && viewerKey(viewer) !== knownViewer) viewerChanged(viewer, { reconnect: true });
    }, () => undefined);
  };
  globalThis.addEventListener?.('storage', onStorage);

  const adapter: HttpAdapter = {
    name: 'http',
    supports: { ...HTTP_CAPABILITIES },

    getViewer(callOptions) {
      const signal = callOptions?.signal;
      if (signal?.aborted) return Promise.reject(signal.reason);
      const read = (viewerRead ??= readViewer().then(
        (viewer) => {
          if (viewerRead === read) viewerRead = undefined;
          // The site's token may name someone else now (the member signed in or out on the site).
          if (knownViewer !== undefined && viewerKey(viewer) !== knownViewer) viewerChanged(viewer, { reconnect: true });
          knownViewer = viewerKey(viewer);
          return viewer;
        },
        (error: unknown) => {
          if (viewerRead === read) viewerRead = undefined;
          throw error;
        },
      ));
      if (!signal) return read;
      // A caller that gives up stops waiting; the others still get the answer.
      return new Promise<Viewer | null>((resolve, reject) => {
        const abort = (): void => reject(signal.reason);
        signal.addEventListener('abort', abort, { once: true });
        read.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
      });
    },

    async signOut(callOptions) {
      callOptions?.signal?.throwIfAborted();
      // A member's session belongs to the site (its token); what the adapter owns is the guest's.
      if (identity.forgetGuest()) viewerChanged(null, { reconnect: true });
    },

    async signInAsGuest(input, callOptions) {
      const signal = callOptions?.signal;
      signal?.throwIfAborted();
      // The server judges the name before the proof-of-work; so does this, and spares the work.
      const issues = validateGuestName(input?.name);
      if (Object.keys(issues).length > 0) throw AdapterError.invalid(issues);
      const altcha = await proof(signal);
      const { data } = await transport.request<StoredGuest>('POST', '/guest', { anonymous: true, signal, body: { name: input.name, altcha } });
      signal?.throwIfAborted();
      return startGuest(data);
    },

    async getThread(id, callOptions) {
      // A store asks for a thread and its first page together: let a first page asked in the same
      // task answer both (`withThread`), one request instead of two.
      await null;
      const page = firstPages.get(id);
      const shared = page && (await page.catch(() => undefined))?.thread;
      callOptions?.signal?.throwIfAborted();
      if (shared) return shared;
      const { data } = await transport.request<Thread | null>('GET', threadPath(id), {
        signal: callOptions?.signal,
        nullIfMissing: true,
        topic: topics.thread(id),
      });
      return data;
    },

    async listComments(request, callOptions) {
      const first = !request.cursor && !request.parentId;
      const read = transport.request<Page<Comment> & { thread?: Thread }>('GET', `${threadPath(request.thread)}/comments`, {
        signal: callOptions?.signal,
        topic: topics.thread(request.thread),
        query: {
          sort: request.sort,
          parentId: request.parentId,
          cursor: request.cursor,
          limit: request.limit,
          withReplies: request.withReplies === true,
          ...(first ? { withThread: true } : {}),
        },
      });
      const page = read.then(({ data }) => data);
      if (first) {
        firstPages.set(request.thread, page);
        const done = () => void (firstPages.get(request.thread) === page && firstPages.delete(request.thread));
        page.then(done, done);
      }
      const { thread: _thread, ...rest } = await page;
      return rest;
    },

    async getComment(id, callOptions) {
      const { data, position } = await transport.request<Comment | null>('GET', commentPath(id), { signal: callOptions?.signal, nullIfMissing: true });
      if (data) transport.readOf(topics.thread(data.thread), position);
      return data;
    },

    async postComment(input, callOptions) {
      const signal = callOptions?.signal;
      signal?.throwIfAborted();
      const asGuest = typeof input.guestName === 'string' && (await identity.current()).kind === 'anonymous';
      const body = {
        body: input.body,
        parentId: input.parentId ?? null,
        ...(asGuest ? { guestName: input.guestName, altcha: await proof(signal) } : {}),
      };
      const { data } = await transport.request<{ comment: Comment; guest: StoredGuest | null }>('POST', `${threadPath(input.thread)}/comments`, {
        signal,
        body,
      });
      if (data.guest) startGuest(data.guest);
      return data.comment;
    },

    async editComment(id, input, callOptions) {
      const { data } = await transport.request<Comment>('PATCH', commentPath(id), { signal: callOptions?.signal, body: { body: input.body } });
      return data;
    },

    async deleteComment(id, callOptions) {
      await transport.request('DELETE', commentPath(id), { signal: callOptions?.signal });
    },

    async react(commentId, key, on, callOptions) {
      const { data } = await transport.request<{ reactions: ReactionSummary[] }>('POST', `${commentPath(commentId)}/reactions`, {
        signal: callOptions?.signal,
        body: { key, on },
      });
      return data.reactions;
    },

    async report(commentId, input, callOptions) {
      await transport.request('POST', `${commentPath(commentId)}/reports`, {
        signal: callOptions?.signal,
        body: { reason: input.reason, ...(input.note === undefined ? {} : { note: input.note }) },
      });
    },

    async listModerationQueue(request, callOptions) {
      const { data } = await transport.request<Page<ModerationItem>>('GET', '/moderation/queue', {
        signal: callOptions?.signal,
        query: { scope: request.scope, cursor: request.cursor, limit: request.limit },
        topic: topics.moderation(),
      });
      return data;
    },

    async moderate(target, action, callOptions) {
      await transport.request('POST', '/moderation/actions', { signal: callOptions?.signal, body: { target, action } });
    },

    async lock(scope, locked, callOptions) {
      await transport.request('POST', '/moderation/locks', { signal: callOptions?.signal, body: { scope, locked } });
    },

    ...pollMethods(transport),

    subscribe(topic, onEvent) {
      return realtime.subscribe(topic, onEvent);
    },

    dispose() {
      globalThis.removeEventListener?.('storage', onStorage);
      realtime.dispose();
      transport.dispose();
    },
  };
  return defineAdapter(adapter);
}
