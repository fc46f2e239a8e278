/**
 * Polls over the reference server's API, and the device token polls with `device` integrity
 * count visitors without an account by.
 *
 * The device token is 128 random bits, kept in `localStorage` under the site's key (like the
 * guest session: every tab of the site is one device), or for the adapter's lifetime where there
 * is no `localStorage` (Node, sandboxed frames). It goes only with poll requests and with event
 * streams that carry a poll topic, as `X-Plein-Device`. It is a convenience for honest visitors,
 * not an identity: clearing storage makes a new device, which is why the server also caps device
 * ballots per IP hash.
 */
import { topics, type Ballot, type Page, type PageRequest, type Poll, type PollDefinition, type PollMethods, type PollVote } from '../contract.js';
import type { Transport } from './transport.js';

export const DEVICE_HEADER = 'X-Plein-Device';

function randomToken(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const WELL_FORMED = /^[A-Za-z0-9_-]{22,128}$/;

export class DeviceToken {
  readonly key: string;
  #token: string | null = null;

  constructor(baseUrl: string) {
    this.key = `plein:http:device:${baseUrl}`;
  }

  #storage(): Pick<Storage, 'getItem' | 'setItem'> | null {
    try {
      return globalThis.localStorage ?? null;
    } catch {
      return null;
    }
  }

  /** The device's token, made on first use. Storage failures cost only the persistence. */
  get(): string {
    const storage = this.#storage();
    try {
      const stored = storage?.getItem(this.key) ?? null;
      if (stored !== null && WELL_FORMED.test(stored)) return (this.#token = stored);
    } catch {
      // Unreadable storage: this adapter's own token stands in.
    }
    this.#token ??= randomToken();
    try {
      storage?.setItem(this.key, this.#token);
    } catch {
      // Full or refused: the token lives as long as the adapter.
    }
    return this.#token;
  }
}

/** `fetch` that adds the device header to poll requests and to event streams carrying a poll topic. */
export function fetchWithDevice(fetchImpl: typeof fetch, baseUrl: string, device: DeviceToken): typeof fetch {
  const polls = `${baseUrl}/polls`;
  const events = `${baseUrl}/events?`;
  const pollTopic = `topics=${encodeURIComponent(topics.poll(''))}`;
  return (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const concernsPolls = url.startsWith(polls) || (url.startsWith(events) && url.includes(pollTopic));
    if (!concernsPolls) return fetchImpl(input, init);
    const headers = new Headers(init?.headers);
    headers.set(DEVICE_HEADER, device.get());
    return fetchImpl(input, { ...init, headers });
  };
}

const pollPath = (id: string) => `/polls/${encodeURIComponent(id)}`;

export function pollMethods(transport: Transport): PollMethods {
  return {
    async getPoll(id, callOptions) {
      const { data } = await transport.request<Poll | null>('GET', pollPath(id), { signal: callOptions?.signal, nullIfMissing: true, topic: topics.poll(id) });
      return data;
    },

    async ensurePoll(definition: PollDefinition, callOptions) {
      const { data } = await transport.request<Poll>('PUT', pollPath(definition.id), { signal: callOptions?.signal, body: definition, topic: topics.poll(definition.id) });
      return data;
    },

    async vote(id, ballot: Ballot, callOptions) {
      const { data } = await transport.request<Poll>('POST', `${pollPath(id)}/votes`, { signal: callOptions?.signal, body: ballot });
      return data;
    },

    async removeVote(id, callOptions) {
      const { data } = await transport.request<Poll>('DELETE', `${pollPath(id)}/votes/mine`, { signal: callOptions?.signal });
      return data;
    },

    async closePoll(id, closed, callOptions) {
      const { data } = await transport.request<Poll>('POST', `${pollPath(id)}/close`, { signal: callOptions?.signal, body: { closed } });
      return data;
    },

    async listPollVotes(id, request: PageRequest = {}, callOptions) {
      const { data } = await transport.request<Page<PollVote>>('GET', `${pollPath(id)}/votes`, {
        signal: callOptions?.signal,
        query: { cursor: request.cursor, limit: request.limit },
      });
      return data;
    },
  };
}
