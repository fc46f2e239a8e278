import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { api, errorOf, personas, startHarness, threadPath, type Harness } from './harness.js';
import { SseReader } from './sse.js';

describe('realtime over Server-Sent Events', () => {
  let h: Harness;
  const open: SseReader[] = [];
  afterEach(async () => {
    for (const reader of open.splice(0)) await reader.close();
    await h.close();
  });

  async function stream(query: string, headers: Record<string, string> = {}): Promise<SseReader> {
    const response = await h.app.request(api(`/events?${query}`), { headers });
    if (response.status !== 200) assert.fail(`${response.status}: ${await response.text()}`);
    assert.match(response.headers.get('Content-Type') ?? '', /^text\/event-stream/);
    const reader = new SseReader(response);
    open.push(reader);
    return reader;
  }
  const post = (thread: string, body: string, as = personas.member) =>
    h.json<{ comment: { id: string } }>('POST', threadPath(thread) + '/comments', { as, body: { body } }).then((answer) => answer.comment.id);
  const added = (reader: SseReader) => reader.events().filter((entry) => entry.event.type === 'comment-added');

  it('sends retry first, one message per event with its journal id and topic, and heartbeats as comments', async () => {
    h = await startHarness({ config: { streams: { heartbeatMs: 40, retryMs: 2500 } } });
    const reader = await stream('topics=thread:live');
    await reader.find((message) => message.retry !== undefined, 1000, 'retry');
    assert.equal(reader.messages[0]!.retry, '2500');
    const id = await post('live', 'Hello, stream');
    const message = await reader.find((candidate) => candidate.data !== undefined, 2000, 'event');
    assert.match(message.id ?? '', /^\d+$/);
    const data = JSON.parse(message.data!) as { topic: string; events: { type: string; comment: { id: string; body: string } }[] };
    assert.equal(data.topic, 'thread:live');
    assert.equal(data.events[0]!.type, 'comment-added');
    assert.equal(data.events[0]!.comment.id, id);
    await reader.find((candidate) => candidate.comments.includes('heartbeat'), 1000, 'heartbeat');
  });

  it('takes the token as access_token for EventSource, and shapes events for that viewer', async () => {
    h = await startHarness();
    await h.thread({ id: 'held', premoderated: true });
    const author = await stream(`topics=thread:held&access_token=${await h.token(personas.member)}`);
    const other = await stream(`topics=thread:held&access_token=${await h.token(personas.otherMember)}`);
    const moderator = await stream('topics=thread:held', { Authorization: `Bearer ${await h.token(personas.moderator)}` });
    const pending = await post('held', 'Only for some eyes');
    const open = await post('held', 'For all', personas.moderator);
    for (const reader of [author, moderator]) await reader.find(() => added(reader).some((entry) => (entry.event['comment'] as { id: string }).id === pending), 2000, 'the pending comment');
    await other.find(() => added(other).some((entry) => (entry.event['comment'] as { id: string }).id === open), 2000, 'the published comment');
    assert.ok(!JSON.stringify(other.messages).includes(pending), 'another member heard of the pending comment');
    await errorOf(h.call('GET', api('/events?topics=thread:held&access_token=forged')), 401);
  });

  it('ends a signed-in stream when its token expires, so it never outlasts the identity it was opened with', async () => {
    h = await startHarness();
    const soon = await h.token(personas.moderator, { exp: Math.floor(h.clock.now / 1000) + 1 });
    const later = await h.token(personas.moderator);
    const expiring = await stream('topics=thread:expiry', { Authorization: `Bearer ${soon}` });
    const lasting = await stream('topics=thread:expiry', { Authorization: `Bearer ${later}` });
    const anonymous = await stream('topics=thread:expiry');
    await expiring.untilEnd(2500);
    assert.equal(expiring.messages.at(-1)?.retry, '100');
    assert.equal(lasting.ended, false);
    assert.equal(anonymous.ended, false);
  });

  it('refuses with 401 a stream whose token is past its exp, even within the clock tolerance that other requests allow', async () => {
    h = await startHarness({ config: { jwtClockToleranceSeconds: 30 } });
    const lapsed = await h.token(personas.member, { exp: Math.floor(h.clock.now / 1000) - 10 });
    // Opening and ending at once would have the client reconnect with the same token again and again.
    const refused = await errorOf(h.app.request(api('/events?topics=thread:lapsed'), { headers: { Authorization: `Bearer ${lapsed}` } }), 401);
    assert.deepEqual([refused.code, refused.message], ['unauthorized', 'The token has expired.']);
    await errorOf(h.app.request(api(`/events?topics=thread:lapsed&access_token=${lapsed}`)), 401);
    assert.equal((await h.call('GET', threadPath('lapsed'), { as: lapsed })).status, 200, 'a request that ends at once still takes it');
  });

  it('caps the streams one address holds open, with 429 and Retry-After, and frees a place when one closes', async () => {
    h = await startHarness({ config: { streams: { maxPerIp: 2 } } });
    const first = await stream('topics=thread:capped');
    await stream('topics=thread:capped');
    const refused = await h.app.request(api('/events?topics=thread:capped'));
    assert.equal(refused.status, 429);
    assert.equal(refused.headers.get('Retry-After'), '30');
    await first.close();
    open.splice(open.indexOf(first), 1);
    await stream('topics=thread:capped');
  });

  it('ends a stream its client does not read once about 1 MiB waits for it, so the client resumes instead of the server holding it all', async () => {
    h = await startHarness();
    const unread = await h.app.request(api('/events?topics=thread:flood'));
    assert.equal(unread.status, 200);
    const reading = await stream('topics=thread:flood');
    // 5,000 four-byte emoji: about 20 KB per event, 60 events about 1.2 MB.
    const long = '😀'.repeat(5000);
    for (let i = 0; i < 60; i++) await post('flood', long);
    await reading.find(() => added(reading).length === 60, 5000, 'every event on the stream that is read');

    const late = new SseReader(unread);
    open.push(late);
    await late.untilEnd(2000);
    const received = added(late).length;
    assert.ok(received > 0 && received < 60, `the unread stream got ${received} events before it ended`);
    assert.ok(received * 20_000 < 1.1 * 2 ** 20, 'no more than about 1 MiB was held');
    assert.equal(late.messages.at(-1)?.retry, '3000', 'it ends with a reconnection hint, and the client resumes with Last-Event-ID');
  });

  it('replays exactly the events missed after Last-Event-ID, then continues live', async () => {
    h = await startHarness();
    const first = await stream('topics=thread:resume');
    await post('resume', 'one');
    await post('resume', 'two');
    await first.find(() => added(first).length === 2, 2000, 'two events');
    const lastSeen = first.events()[1]!.id!;
    await first.close();

    const missed = [await post('resume', 'three'), await post('resume', 'four'), await post('resume', 'five')];
    await post('elsewhere', 'not subscribed');
    const resumed = await stream('topics=thread:resume', { 'Last-Event-ID': lastSeen });
    await resumed.find(() => added(resumed).length === 3, 2000, 'the three missed events');
    const live = await post('resume', 'six');
    await resumed.find(() => added(resumed).length === 4, 2000, 'the live event');
    const ids = added(resumed).map((entry) => (entry.event['comment'] as { id: string }).id);
    assert.deepEqual(ids, [...missed, live]);
    const eventIds = resumed.events().map((entry) => Number(entry.id));
    assert.ok(eventIds.every((id, index) => index === 0 || id > eventIds[index - 1]!), 'ids increase');
    assert.ok(eventIds[0]! > Number(lastSeen));
  });

  it('resumes from lastEventId in the query, and tells a client whose events were pruned to reload', async () => {
    h = await startHarness();
    await post('gone', 'one');
    const { last } = await h.store.journalBounds();
    const fromQuery = await stream(`topics=thread:gone&lastEventId=${last - 1}`);
    await fromQuery.find(() => added(fromQuery).length === 1, 2000, 'the replayed event');
    await post('gone', 'two');
    await post('gone', 'three');
    await h.store.pruneEvents(new Date(Date.now() + 60_000).toISOString(), 1);
    const stale = await stream(`topics=thread:gone&lastEventId=${last}`);
    const reset = await stale.find((message) => message.event === 'reset', 2000, 'reset');
    assert.equal(Number(reset.id), (await h.store.journalBounds()).last);
  });

  it('replays at most streams.replayLimit events to a stream that resumes, then tells it to reload', async () => {
    h = await startHarness({ config: { streams: { replayLimit: 2 } } });
    for (const body of ['one', 'two', 'three']) await post('limited', body);
    const reader = await stream('topics=thread:limited&lastEventId=0');
    await reader.find((message) => message.event === 'reset', 2000, 'reset');
    assert.equal(added(reader).length, 2);
  });

  it('tells reads of a thread the journal position they include, so a stream opened from it misses nothing', async () => {
    h = await startHarness();
    const write = await h.call('POST', threadPath('position') + '/comments', { as: personas.member, body: { body: 'one' } });
    assert.equal(write.headers.get('X-Plein-Event-Id'), null, 'a write answer holds one item, not the topic');
    const read = await h.call('GET', threadPath('position') + '/comments');
    const position = read.headers.get('X-Plein-Event-Id');
    assert.equal(Number(position), (await h.store.journalBounds()).last);
    const later = await post('position', 'two');
    const reader = await stream(`topics=thread:position&lastEventId=${position}`);
    await reader.find(() => added(reader).length === 1, 2000, 'the event after the read');
    assert.equal((added(reader)[0]!.event['comment'] as { id: string }).id, later);
  });

  it('refuses streams without topics, with unknown topics, and on unknown sites', async () => {
    h = await startHarness();
    const none = (await errorOf(h.call('GET', api('/events')), 400)).fields?.['topics'];
    assert.equal(none?.reason, 'required');
    assert.match(none?.message ?? '', /topics=thread:<id>/, 'says what is needed');
    assert.ok((await errorOf(h.call('GET', api('/events?topics=everything')), 400)).fields?.['topics']);
    await errorOf(h.call('GET', '/v1/sites/nowhere/events?topics=thread:x'), 404);
  });

  it('sends moderation-queue-changed to moderators only', async () => {
    h = await startHarness();
    const member = await stream(`topics=moderation&access_token=${await h.token(personas.member)}`);
    const moderator = await stream(`topics=moderation&access_token=${await h.token(personas.moderator)}`);
    const id = await post('queue', 'Report me');
    await h.json('POST', api(`/comments/${id}/reports`), { as: personas.otherMember, body: { reason: 'spam' }, status: 204 });
    await moderator.find(() => moderator.events().some((entry) => entry.event.type === 'moderation-queue-changed'), 2000, 'queue change');
    assert.equal(member.events().length, 0);
  });
});
