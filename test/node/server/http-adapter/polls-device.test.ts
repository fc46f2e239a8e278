/**
 * The HTTP adapter's device token for `device`-integrity polls: 128 random bits, shared by every
 * adapter of the site through `localStorage` when there is one, one per adapter without it, and
 * sent only where polls need it.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { createHttpAdapter } from '../../../../src/http.js';
import { DeviceToken, fetchWithDevice } from '../../../../src/adapters/http/polls.js';

const ENDPOINT = 'https://comments.example';
const BASE = `${ENDPOINT}/v1/sites/blog`;

/** A fetch that records what it was asked and answers every request with "not found". */
function recorder() {
  const requests: { url: string; device: string | null }[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    requests.push({ url: String(input), device: new Headers(init?.headers).get('X-Plein-Device') });
    return new Response(JSON.stringify({ error: { code: 'not-found', message: 'Not found.' } }), { status: 404, headers: { 'Content-Type': 'application/json' } });
  };
  return { requests, fetch };
}

function memoryStorage(): Storage {
  const values = new Map<string, string>();
  return {
    get length() {
      return values.size;
    },
    clear: () => values.clear(),
    key: (index) => [...values.keys()][index] ?? null,
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, String(value)),
    removeItem: (key) => void values.delete(key),
  };
}

describe('HTTP adapter device token', () => {
  const original = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
  afterEach(() => {
    if (original) Object.defineProperty(globalThis, 'localStorage', original);
    else delete (globalThis as { localStorage?: Storage }).localStorage;
  });

  it('sends one 128-bit token with poll requests, the same for every adapter of the site sharing localStorage', async () => {
    const storage = memoryStorage();
    Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true, writable: true });
    const { requests, fetch } = recorder();
    const first = createHttpAdapter({ endpoint: ENDPOINT, site: 'blog', fetch, guestStorage: null });
    const second = createHttpAdapter({ endpoint: ENDPOINT, site: 'blog', fetch, guestStorage: null });
    try {
      assert.equal(await first.getPoll('meetup'), null);
      assert.equal(await second.getPoll('meetup'), null);
    } finally {
      first.dispose();
      second.dispose();
    }
    const [one, two] = requests;
    assert.match(one!.device ?? '', /^[A-Za-z0-9_-]{22}$/, '16 random bytes, base64url');
    assert.equal(two!.device, one!.device);
    assert.equal(storage.getItem(`plein:http:device:${BASE}`), one!.device);
  });

  it('gives each adapter its own device where there is no localStorage', async () => {
    delete (globalThis as { localStorage?: Storage }).localStorage;
    const { requests, fetch } = recorder();
    const adapters = [1, 2].map(() => createHttpAdapter({ endpoint: ENDPOINT, site: 'blog', fetch, guestStorage: null }));
    try {
      for (const adapter of adapters) {
        await adapter.getPoll('meetup');
        await adapter.getPoll('meetup');
      }
    } finally {
      for (const adapter of adapters) adapter.dispose();
    }
    const devices = requests.map((request) => request.device);
    assert.equal(devices[0], devices[1], 'one adapter keeps its device');
    assert.equal(devices[2], devices[3]);
    assert.notEqual(devices[0], devices[2]);
  });

  it('names the device to poll requests and poll event streams only', async () => {
    delete (globalThis as { localStorage?: Storage }).localStorage;
    const { requests, fetch } = recorder();
    const send = fetchWithDevice(fetch, BASE, new DeviceToken(BASE));
    await send(`${BASE}/polls/meetup/votes`, { method: 'POST' });
    await send(`${BASE}/events?topics=thread%3Apost-1&topics=poll%3Ameetup`);
    await send(`${BASE}/events?topics=thread%3Apost-1`);
    await send(`${BASE}/threads/post-1/comments`);
    await send(`${BASE}/viewer`);
    assert.deepEqual(
      requests.map((request) => request.device !== null),
      [true, true, false, false, false],
    );
  });
});
