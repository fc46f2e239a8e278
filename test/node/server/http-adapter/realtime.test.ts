/**
 * The HTTP adapter's realtime against a live server: one multiplexed stream, reopened when
 * subscriptions change, reconnected with backoff, resumed with Last-Event-ID so that no event is
 * lost or repeated when the server ends or cuts the stream, heartbeats, and clean disposal.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { topics, type Comment, type Poll, type PollDefinition, type RealtimeEvent, type Viewer } from '../../../../src/adapters/contract.js';
import { createHttpAdapter, type HttpAdapter, type HttpAdapterOptions } from '../../../../src/http.js';
import { postDirectly, recordingFetch, sleep, waitFor } from './helpers.js';
import { personas, sharedStorage, sqlite, startLiveServer, type LiveServer } from './live-server.js';

const SITE = 'realtime-site';

function addedBodies(adapter: HttpAdapter, thread: string): { bodies: string[]; events: RealtimeEvent[]; stop: () => void } {
  const bodies: string[] = [];
  const events: RealtimeEvent[] = [];
  const stop = adapter.subscribe(topics.thread(thread), (event) => {
    events.push(event);
    if (event.type === 'comment-added') bodies.push(event.comment.body);
  });
  return { bodies, events, stop };
}

describe('HTTP adapter realtime against a live server', () => {
  let server: LiveServer;
  const adapters: HttpAdapter[] = [];
  const open = (viewer: Viewer | null, extra: Partial<HttpAdapterOptions> = {}) => {
    const adapter = createHttpAdapter({
      endpoint: server.url,
      site: SITE,
      token: viewer ? () => server.token(SITE, viewer) : null,
      guestStorage: null,
      ...extra,
      realtime: { debounceMs: 10, ...extra.realtime },
    });
    adapters.push(adapter);
    return adapter;
  };
  const streams = () => server.app.plein.streams.size;

  before(async () => {
    // Without the thread cache a read's X-Plein-Event-Id is exact. A cached thread folds later
    // writes in but keeps the position it was loaded at (a lower bound: resuming from it may
    // repeat those writes' events, never miss one), which would blur "nothing from before the read".
    server = await startLiveServer(sqlite, { config: { streams: { retryMs: 50, heartbeatMs: 40 }, threadCacheMs: 0 } });
    await server.prepare(SITE, [], { guests: true });
  });
  afterEach(async () => {
    for (const adapter of adapters.splice(0)) adapter.dispose();
    await waitFor(() => streams() === 0, 2000, 'every stream to close');
  });
  after(() => server.close());

  it('multiplexes every subscribed topic over one stream', async () => {
    const recorder = recordingFetch();
    const reader = open(null, { fetch: recorder.fetch });
    const heard = ['mux-a', 'mux-b', 'mux-c'].map((thread) => addedBodies(reader, thread));
    await waitFor(() => streams() === 1, 2000, 'the stream');
    for (const thread of ['mux-a', 'mux-b', 'mux-c']) await postDirectly(server, SITE, thread, `On ${thread}`, personas.member);
    await waitFor(() => heard.every((topic) => topic.bodies.length === 1), 2000, 'one comment on each topic');
    assert.deepEqual(
      heard.map((topic) => topic.bodies),
      [['On mux-a'], ['On mux-b'], ['On mux-c']],
    );
    assert.equal(recorder.events().length, 1, 'one stream request');
    assert.deepEqual(recorder.events()[0]!.url.searchParams.getAll('topics'), ['thread:mux-a', 'thread:mux-b', 'thread:mux-c']);
    assert.equal(streams(), 1);
  });

  it('reopens the stream once for changes made together, and closes it when the last subscription ends', async () => {
    const recorder = recordingFetch();
    const reader = open(null, { fetch: recorder.fetch });
    const first = addedBodies(reader, 'change-a');
    await waitFor(() => streams() === 1 && recorder.events().length === 1, 2000, 'the first stream');
    const second = addedBodies(reader, 'change-b');
    const third = addedBodies(reader, 'change-c');
    await waitFor(() => recorder.events().length === 2, 2000, 'the reopened stream');
    assert.deepEqual(recorder.events()[1]!.url.searchParams.getAll('topics'), ['thread:change-a', 'thread:change-b', 'thread:change-c']);
    await waitFor(() => streams() === 1, 2000, 'the old stream to close');
    await postDirectly(server, SITE, 'change-a', 'Still heard', personas.member);
    await waitFor(() => first.bodies.length === 1, 2000, 'the first topic on the new stream');
    for (const subscription of [first, second, third]) subscription.stop();
    await waitFor(() => streams() === 0, 2000, 'the stream to close');
    await sleep(100);
    assert.equal(recorder.events().length, 2, 'no stream is opened for no topics');
  });

  it('delivers what happened between a read and the subscription, and nothing from before the read', async () => {
    const reader = open(null);
    await postDirectly(server, SITE, 'read-first', 'Before the read', personas.member);
    await reader.listComments({ thread: 'read-first' });
    await postDirectly(server, SITE, 'read-first', 'After the read', personas.member);
    const heard = addedBodies(reader, 'read-first');
    await waitFor(() => heard.bodies.length >= 1, 2000, 'the comment after the read');
    await postDirectly(server, SITE, 'read-first', 'Live', personas.member);
    await waitFor(() => heard.bodies.length >= 2, 2000, 'the live comment');
    await sleep(50);
    assert.deepEqual(heard.bodies, ['After the read', 'Live']);
  });

  it('starts a topic subscribed while its read is on its way where that read stands, asking the server nothing more', async () => {
    const recorder = recordingFetch();
    const reader = open(null, { fetch: recorder.fetch });
    await postDirectly(server, SITE, 'read-beside', 'Before the read', personas.member);
    const read = reader.listComments({ thread: 'read-beside' });
    const heard = addedBodies(reader, 'read-beside');
    const page = await read;
    assert.deepEqual(
      page.items.map((comment) => comment.body),
      ['Before the read'],
    );
    await waitFor(() => streams() === 1, 2000, 'the stream');
    await postDirectly(server, SITE, 'read-beside', 'Live', personas.member);
    await waitFor(() => heard.bodies.length >= 1, 2000, 'the live comment');
    await sleep(50);
    assert.deepEqual(heard.bodies, ['Live']);
    const paths = recorder.requests.map((request) => request.url.pathname.replace(/^.*\/sites\/[^/]+/, ''));
    assert.deepEqual(paths, ['/threads/read-beside/comments', '/events'], 'no request to learn where the journal stands');
  });

  it("starts a page's poll where its registration stands, so the poll and a thread read beside it share one stream", async () => {
    const definition: PollDefinition = {
      id: 'page-poll',
      type: 'single',
      question: 'Tea or coffee?',
      options: [
        { value: 'tea', label: 'Tea' },
        { value: 'coffee', label: 'Coffee' },
      ],
      results: 'always',
      voters: 'secret',
      integrity: 'device',
    };
    // Without localStorage every adapter is a device of its own.
    const earlier = open(null);
    await earlier.ensurePoll(definition);
    await earlier.vote('page-poll', { choices: ['tea'] });

    const recorder = recordingFetch();
    const reader = open(null, { fetch: recorder.fetch });
    const registered = reader.ensurePoll(definition);
    const updates: Poll[] = [];
    reader.subscribe(topics.poll('page-poll'), (event) => {
      if (event.type === 'poll-updated') updates.push(event.poll);
    });
    const read = reader.listComments({ thread: 'page-thread' });
    const heard = addedBodies(reader, 'page-thread');
    assert.equal((await registered).ballotCount, 1);
    await read;
    await waitFor(() => streams() === 1 && recorder.events().length === 1, 2000, 'the stream');

    await open(null).vote('page-poll', { choices: ['coffee'] });
    await postDirectly(server, SITE, 'page-thread', 'Live', personas.member);
    await waitFor(() => updates.length >= 1 && heard.bodies.length >= 1, 2000, 'the vote and the comment');
    await sleep(50);
    assert.deepEqual(
      updates.map((poll) => poll.ballotCount),
      [2],
      'the vote before the registration is not replayed',
    );
    assert.deepEqual(heard.bodies, ['Live']);
    const paths = recorder.requests.map((request) => `${request.method} ${request.url.pathname.replace(/^.*\/sites\/[^/]+/, '')}`);
    assert.deepEqual(paths, ['PUT /polls/page-poll', 'GET /threads/page-thread/comments', 'GET /events'], 'one stream, and no request to learn where the journal stands');
    assert.deepEqual(recorder.events()[0]!.url.searchParams.getAll('topics'), ['poll:page-poll', 'thread:page-thread']);
  });

  it('adding a topic replays what it missed since its read, without repeating what the other topics heard', async () => {
    const reader = open(null);
    await reader.getThread('late-b');
    const a = addedBodies(reader, 'early-a');
    await waitFor(() => streams() === 1, 2000, 'the stream');
    for (const body of ['A1', 'A2', 'A3']) await postDirectly(server, SITE, 'early-a', body, personas.member);
    await waitFor(() => a.bodies.length === 3, 2000, 'the first topic’s comments');
    for (const body of ['B1', 'B2']) await postDirectly(server, SITE, 'late-b', body, personas.member);
    const b = addedBodies(reader, 'late-b');
    await waitFor(() => b.bodies.length === 2, 2000, 'what the new topic missed since its read');
    await postDirectly(server, SITE, 'early-a', 'A4', personas.member);
    await waitFor(() => a.bodies.length === 4, 2000, 'the first topic, live on the new stream');
    await sleep(50);
    assert.deepEqual(a.bodies, ['A1', 'A2', 'A3', 'A4']);
    assert.deepEqual(b.bodies, ['B1', 'B2']);
  });

  it('resumes with Last-Event-ID after the server ends the stream, losing and repeating nothing', async () => {
    const recorder = recordingFetch();
    const reader = open(null, { fetch: recorder.fetch });
    const heard = addedBodies(reader, 'ended');
    await waitFor(() => streams() === 1, 2000, 'the stream');
    const posted: string[] = [];
    const post = async () => {
      posted.push(`Comment ${posted.length}`);
      await postDirectly(server, SITE, 'ended', posted.at(-1)!, personas.member);
    };
    for (let round = 0; round < 4; round++) {
      for (let index = 0; index < 3; index++) await post();
      server.app.plein.streams.endAll(20);
      // While the adapter waits out the retry: these come only through the resume.
      for (let index = 0; index < 3; index++) await post();
      await waitFor(() => streams() === 1, 2000, 'the reconnected stream');
    }
    await waitFor(() => heard.bodies.length >= posted.length, 5000, 'every comment');
    await sleep(100);
    assert.deepEqual(heard.bodies, posted);
    const reconnects = recorder.events().slice(1);
    assert.ok(reconnects.length >= 4, `${reconnects.length} reconnects`);
    for (const request of reconnects) assert.match(request.headers.get('Last-Event-ID') ?? '', /^\d+$/, 'each reconnect resumes');
  });

  it('reconnects with a fresh token when the server ends a stream at its token\'s expiry, missing nothing', async () => {
    const recorder = recordingFetch();
    const tokens: string[] = [];
    // Tokens valid for one second, as a site handing out short-lived JWTs would.
    const reader = open(personas.moderator, {
      fetch: recorder.fetch,
      token: async () => {
        const token = await server.token(SITE, personas.moderator, { exp: Math.floor(Date.now() / 1000) + 1 });
        tokens.push(token);
        return token;
      },
    });
    const heard = addedBodies(reader, 'expiring');
    await waitFor(() => recorder.events().length === 1, 2000, 'the stream');
    await postDirectly(server, SITE, 'expiring', 'before the expiry', personas.member);
    await waitFor(() => recorder.events().length >= 2, 3000, 'the reconnect after the expiry');
    await postDirectly(server, SITE, 'expiring', 'after the expiry', personas.member);
    await waitFor(() => heard.bodies.length >= 2, 3000, 'both comments');
    assert.deepEqual(heard.bodies, ['before the expiry', 'after the expiry']);
    const [first, second] = recorder.events();
    assert.notEqual(first!.headers.get('Authorization'), second!.headers.get('Authorization'), 'the reconnect carries a fresh token');
    assert.match(second!.headers.get('Last-Event-ID') ?? '', /^\d+$/);
  });

  it('tells listeners to read their data again when the server no longer holds the events they missed', async () => {
    const reader = open(null);
    const heard = addedBodies(reader, 'pruned');
    await waitFor(() => streams() === 1, 2000, 'the stream');
    await postDirectly(server, SITE, 'pruned', 'seen live', personas.member);
    await waitFor(() => heard.bodies.length === 1, 2000, 'the live comment');
    await server.stopListening();
    for (const body of ['missed 1', 'missed 2', 'missed 3']) await postDirectly(server, SITE, 'pruned', body, personas.member);
    await server.store.pruneEvents(new Date(Date.now() + 60_000).toISOString(), 1);
    await server.listen();
    await waitFor(() => heard.events.some((event) => event.type === 'resync'), 5000, 'the resync');
    assert.deepEqual(heard.events.find((event) => event.type === 'resync'), { type: 'resync', topic: topics.thread('pruned') });
  });

  it('reconnects with growing delays while the server is down, then replays exactly what was missed', async () => {
    const recorder = recordingFetch();
    const reader = open(null, { fetch: recorder.fetch });
    const heard = addedBodies(reader, 'down');
    await waitFor(() => streams() === 1, 2000, 'the stream');
    await postDirectly(server, SITE, 'down', 'Before', personas.member);
    await waitFor(() => heard.bodies.length === 1, 2000, 'the first comment');

    const cutAt = Date.now();
    await server.stopListening();
    const missed = [];
    for (let index = 0; index < 3; index++) missed.push(await postDirectly(server, SITE, 'down', `Missed ${index}`, personas.member).then(() => `Missed ${index}`));
    await sleep(900);
    const attempts = recorder.events().filter((request) => request.at >= cutAt);
    await server.listen();
    await waitFor(() => heard.bodies.length === 4, 5000, 'the missed comments after the restart');
    await postDirectly(server, SITE, 'down', 'After', personas.member);
    await waitFor(() => heard.bodies.length === 5, 2000, 'the live comment after the restart');
    await sleep(50);
    assert.deepEqual(heard.bodies, ['Before', ...missed, 'After']);

    assert.ok(attempts.length >= 3 && attempts.length <= 6, `${attempts.length} attempts in 900 ms with a 50 ms retry`);
    const gaps = attempts.slice(1).map((request, index) => request.at - attempts[index]!.at);
    for (let index = 1; index < gaps.length; index++) assert.ok(gaps[index]! > gaps[index - 1]!, `growing gaps: ${gaps.join(', ')}`);
  });

  it('waits the retry the server asked for before reconnecting', async () => {
    const recorder = recordingFetch();
    const reader = open(null, { fetch: recorder.fetch });
    addedBodies(reader, 'retry-hint');
    await waitFor(() => streams() === 1, 2000, 'the stream');
    const endedAt = Date.now();
    server.app.plein.streams.endAll(300);
    await waitFor(() => recorder.events().length === 2, 2000, 'the reconnect');
    const waited = recorder.events()[1]!.at - endedAt;
    assert.ok(waited >= 290 && waited <= 300 * 1.5 + 150, `waited ${waited} ms`);
  });

  it('tolerates heartbeats: one stream stays open while only heartbeats arrive', async () => {
    const recorder = recordingFetch();
    const reader = open(null, { fetch: recorder.fetch, realtime: { idleTimeoutMs: 150 } });
    const heard = addedBodies(reader, 'beats');
    await waitFor(() => streams() === 1, 2000, 'the stream');
    await sleep(500);
    assert.equal(recorder.events().length, 1, 'no reconnect while heartbeats arrive every 40 ms');
    await postDirectly(server, SITE, 'beats', 'Between the beats', personas.member);
    await waitFor(() => heard.bodies.length === 1, 2000, 'the comment');
  });

  it('follows a guest sign-in: the stream reopens as the guest, who then hears their own pending comment', async () => {
    await server.prepare('realtime-guests', [], { guests: true, premoderation: true });
    const recorder = recordingFetch();
    const visitor = createHttpAdapter({
      endpoint: server.url,
      site: 'realtime-guests',
      guestStorage: sharedStorage(),
      fetch: recorder.fetch,
      realtime: { debounceMs: 10 },
    });
    adapters.push(visitor);
    const heard: Comment[] = [];
    visitor.subscribe(topics.thread('guest-thread'), (event) => void (event.type === 'comment-added' && heard.push(event.comment)));
    await waitFor(() => recorder.events().length === 1, 2000, 'the anonymous stream');
    assert.equal(recorder.events()[0]!.headers.get('Authorization'), null);
    await visitor.signInAsGuest({ name: 'Gus Guest' });
    await waitFor(() => recorder.events().length === 2, 2000, 'the stream reopened as the guest');
    assert.match(recorder.events()[1]!.headers.get('Authorization') ?? '', /^Bearer /);
    const posted = await visitor.postComment({ thread: 'guest-thread', body: 'Waiting for approval.' });
    assert.equal(posted.status, 'pending');
    await waitFor(() => heard.some((comment) => comment.id === posted.id), 2000, 'the guest’s own pending comment');
  });

  it('releases everything on dispose: the stream closes and listeners hear nothing more', async () => {
    const recorder = recordingFetch();
    const reader = open(null, { fetch: recorder.fetch });
    const heard = addedBodies(reader, 'disposed');
    let sessionEvents = 0;
    reader.subscribe(topics.session(), () => sessionEvents++);
    await waitFor(() => streams() === 1, 2000, 'the stream');
    reader.dispose();
    await waitFor(() => streams() === 0, 2000, 'the stream to close');
    await postDirectly(server, SITE, 'disposed', 'Nobody listens', personas.member);
    server.app.plein.streams.endAll(10);
    await sleep(200);
    assert.deepEqual(heard.bodies, []);
    assert.equal(recorder.events().length, 1, 'no reconnect after dispose');
    assert.equal(sessionEvents, 0);
    await assert.rejects(reader.getViewer(), (error: Error & { code?: string }) => error.code === 'unavailable');
  });
});

describe('HTTP adapter realtime when even heartbeats stop', () => {
  let server: LiveServer;
  before(async () => {
    server = await startLiveServer(sqlite, { config: { streams: { retryMs: 50, heartbeatMs: 60_000 } } });
    await server.prepare(SITE);
  });
  after(() => server.close());

  it('takes a silent connection for dead, reconnects, and still misses nothing', async () => {
    const recorder = recordingFetch();
    const reader = createHttpAdapter({ endpoint: server.url, site: SITE, guestStorage: null, fetch: recorder.fetch, realtime: { debounceMs: 10, idleTimeoutMs: 150 } });
    try {
      const heard = addedBodies(reader, 'silent');
      await waitFor(() => recorder.events().length >= 3, 3000, 'reconnects after silences');
      await postDirectly(server, SITE, 'silent', 'Heard anyway', personas.member);
      await waitFor(() => heard.bodies.length === 1, 2000, 'the comment');
      await sleep(400);
      assert.deepEqual(heard.bodies, ['Heard anyway']);
    } finally {
      reader.dispose();
    }
  });

  it('reopens a stream silent for longer than a heartbeat as soon as the page is shown again, not when the watchdog notices', async () => {
    // A tab frozen in the background: its stream may have died with no timer running to notice.
    const page = Object.assign(new EventTarget(), { visibilityState: 'visible' });
    const global = globalThis as { document?: unknown };
    global.document = page;
    const recorder = recordingFetch();
    const reader = createHttpAdapter({ endpoint: server.url, site: SITE, guestStorage: null, fetch: recorder.fetch, realtime: { debounceMs: 10, idleTimeoutMs: 3000 } });
    try {
      const heard = addedBodies(reader, 'woken');
      await waitFor(() => recorder.events().length === 1, 2000, 'the stream');
      await sleep(1200);
      page.dispatchEvent(new Event('visibilitychange'));
      await waitFor(() => recorder.events().length === 2, 300, 'the stream reopened at once');
      await postDirectly(server, SITE, 'woken', 'After the wake', personas.member);
      await waitFor(() => heard.bodies.length === 1, 2000, 'the comment');
    } finally {
      reader.dispose();
      delete global.document;
    }
  });
});

describe('HTTP adapter realtime when the server ends each stream at once', () => {
  it('backs off as from a failure instead of knocking again after every short retry', async () => {
    // A stream refused only once open (a token past its expiry but inside the server's clock
    // tolerance): the answer is an event stream that says `retry: 50` and ends.
    const streamsAsked: number[] = [];
    const fetchImpl: typeof fetch = async (input) => {
      const url = new URL(String(input));
      if (url.pathname.endsWith('/events')) {
        streamsAsked.push(Date.now());
        return new Response('retry: 50\n\n', { headers: { 'Content-Type': 'text/event-stream' } });
      }
      return new Response(JSON.stringify({ viewer: null }), { headers: { 'Content-Type': 'application/json', 'X-Plein-Event-Id': '0' } });
    };
    const reader = createHttpAdapter({ endpoint: 'http://plein.invalid', site: SITE, guestStorage: null, fetch: fetchImpl, realtime: { debounceMs: 10 } });
    try {
      reader.subscribe(topics.thread('ended-at-once'), () => undefined);
      await sleep(1500);
      // 50, 100, 200, 400 and 800 ms apart at most (with jitter, fewer): five or six requests, not thirty.
      assert.ok(streamsAsked.length >= 2 && streamsAsked.length <= 6, `${streamsAsked.length} streams asked for in 1.5 s`);
    } finally {
      reader.dispose();
    }
  });
});
