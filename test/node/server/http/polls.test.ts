/**
 * Polls through the server's HTTP API: results visibility checked on the raw JSON bodies,
 * double votes under each integrity policy (sequential and concurrent), the device cap per IP
 * hash, frozen declarative definitions, the public voter list, realtime shaped per subscriber,
 * and the database of an anonymous poll holding no voter→option link (SQLite, and PostgreSQL
 * when PLEIN_TEST_POSTGRES_URL is set).
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SignJWT } from 'jose';
import pg from 'pg';
import type { Page, Poll, PollDefinition, PollVote, Viewer } from '../../../../src/adapters/contract.js';
import { createApp, type PleinApp } from '../../../../src/server/app/create-app.js';
import { main } from '../../../../src/server/cli.js';
import { createRealtime, type Realtime } from '../../../../src/server/realtime/index.js';
import { openStore } from '../../../../src/server/store/index.js';
import type { PleinStore } from '../../../../src/server/store/types.js';
import { NO_LIMITS, SITE_ID, api, errorOf, personas, pollPath, siteRecord, startHarness, type Harness } from './harness.js';
import { SseReader } from './sse.js';
import { POSTGRES_URL, postgresTarget, startLiveServer } from '../http-adapter/live-server.js';

const DEVICE_A = 'device-token-aaaaaaaaaaaaaaaaaaaa';
const DEVICE_B = 'device-token-bbbbbbbbbbbbbbbbbbbb';
const DEVICE_C = 'device-token-cccccccccccccccccccc';

function definition(id: string, overrides: Partial<PollDefinition> = {}): PollDefinition {
  return {
    id,
    type: 'single',
    question: 'Where shall we meet next?',
    options: [
      { value: 'utrecht', label: 'Utrecht' },
      { value: 'amsterdam', label: 'Amsterdam' },
      { value: 'rotterdam', label: 'Rotterdam' },
    ],
    results: 'always',
    voters: 'secret',
    integrity: 'member',
    ...overrides,
  };
}


describe('polls over HTTP', () => {
  let h: Harness;
  const open: SseReader[] = [];
  afterEach(async () => {
    for (const reader of open.splice(0)) await reader.close();
    await h.close();
  });

  const register = (poll: PollDefinition, as: Viewer | null = null) =>
    h.json<Poll>('PUT', pollPath(poll.id), { as, body: poll, status: 200 });
  const cast = (id: string, ballot: unknown, options: { as?: Viewer | null; device?: string } = {}) =>
    h.call('POST', `${pollPath(id)}/votes`, { as: options.as ?? null, body: ballot, headers: options.device ? { 'X-Plein-Device': options.device } : {} });
  /** The raw body of a read, as text, so a leak anywhere in it shows. */
  const rawRead = async (id: string, as: Viewer | null, device?: string) => {
    const response = await h.call('GET', pollPath(id), { as, headers: device ? { 'X-Plein-Device': device } : {} });
    assert.equal(response.status, 200);
    return response.text();
  };

  it('registers a declarative poll on first use and answers reads with an ETag and the journal position', async () => {
    h = await startHarness();
    const stored = await register(definition('meetup'));
    assert.equal(stored.id, 'meetup');
    assert.equal(stored.authorId, null);
    assert.equal(stored.status, 'open');
    assert.deepEqual(stored.tally?.counts, { utrecht: 0, amsterdam: 0, rotterdam: 0 });
    const first = await h.call('GET', pollPath('meetup'));
    assert.equal(first.status, 200);
    const etag = first.headers.get('ETag');
    assert.ok(etag);
    assert.match(first.headers.get('X-Plein-Event-Id') ?? '', /^\d+$/);
    assert.match(first.headers.get('Vary') ?? '', /X-Plein-Device/, 'answers differ per device');
    const again = await h.call('GET', pollPath('meetup'), { headers: { 'If-None-Match': etag } });
    assert.equal(again.status, 304);
    await errorOf(h.call('GET', pollPath('nobody-made-this')), 404);
  });

  it('withholds the tally from the raw body until the results setting allows it, in every mode', async () => {
    h = await startHarness();
    for (const results of ['always', 'after-vote', 'after-close', 'moderators'] as const) {
      const id = `mode-${results}`;
      await register(definition(id, { results }));
      const voted = await cast(id, { choices: ['utrecht'] }, { as: personas.member });
      assert.equal(voted.status, 200);
      const voterAnswer = await voted.text();
      const lurker = await rawRead(id, personas.otherMember);
      const anonymous = await rawRead(id, null);
      const moderator = JSON.parse(await rawRead(id, personas.moderator)) as Poll;
      assert.equal(moderator.tally?.counts['utrecht'], 1, `${results}: moderators see results`);
      assert.equal(moderator.ballotCount, 1);
      if (results === 'always') {
        assert.equal((JSON.parse(lurker) as Poll).tally?.counts['utrecht'], 1);
        continue;
      }
      for (const [who, body] of [
        ['a member who did not vote', lurker],
        ['an anonymous visitor', anonymous],
      ] as const) {
        const poll = JSON.parse(body) as Poll;
        assert.equal(poll.tally, null, `${results}: ${who} gets no tally`);
        assert.equal(poll.resultsWithheldUntil, results === 'after-vote' ? 'vote' : 'close');
        assert.doesNotMatch(body, /"counts"|"total"|"winner"|"average"/, `${results}: nothing of the count is in the body for ${who}`);
        assert.equal(poll.ballotCount, 1, 'the number of ballots is public');
      }
      if (results === 'after-vote') {
        assert.equal((JSON.parse(voterAnswer) as Poll).tally?.counts['utrecht'], 1, 'the voter sees results in the vote answer');
      } else {
        assert.doesNotMatch(voterAnswer, /"counts"/, `${results}: not even the voter sees counts before the close`);
      }
      await h.json('POST', `${pollPath(id)}/close`, { as: personas.moderator, body: { closed: true }, status: 200 });
      assert.equal((JSON.parse(await rawRead(id, null)) as Poll).tally?.counts['utrecht'], 1, `${results}: everyone sees results once closed`);
    }
  });

  it('reveals a quiz’s answers only to those who answered', async () => {
    h = await startHarness();
    await register(definition('quiz', { type: 'quiz', correct: ['amsterdam'], explanation: 'The capital is Amsterdam.', results: 'after-vote' }));
    const before = await rawRead('quiz', personas.member);
    assert.doesNotMatch(before, /"correct"|"explanation"|The capital/);
    const answered = await h.json<Poll>('POST', `${pollPath('quiz')}/votes`, { as: personas.member, body: { choices: ['utrecht'] }, status: 200 });
    assert.deepEqual(answered.correct, ['amsterdam']);
    assert.equal(answered.tally?.correctShare, 0);
  });

  it('keeps a quiz’s share of right answers from viewers who may see the counts but not the answers: reads, registrations and events', async () => {
    h = await startHarness();
    const quiz = definition('open-quiz', { type: 'quiz', correct: ['amsterdam'], results: 'always' });
    await register(quiz);
    const response = await h.app.request(api('/events?topics=poll:open-quiz'), {});
    const lurker = new SseReader(response);
    open.push(lurker);
    await lurker.find((message) => message.retry !== undefined, 1000, 'retry');
    const answered = await h.json<Poll>('POST', `${pollPath('open-quiz')}/votes`, { as: personas.member, body: { choices: ['amsterdam'] }, status: 200 });
    assert.equal(answered.tally?.correctShare, 1, 'who answered learns the share');
    const event = await lurker.find((message) => message.data?.includes('poll-updated') === true, 2000, 'poll-updated');
    const registered = await h.call('PUT', pollPath('open-quiz'), { as: personas.otherMember, body: quiz });
    for (const [what, body] of [
      ['a read', await rawRead('open-quiz', null)],
      ['a registration', await registered.text()],
      ['an event', event.data!],
    ] as const) {
      assert.match(body, /"counts"/, `${what} shows the counts`);
      assert.doesNotMatch(body, /correctShare|"correct"/, `${what} does not tell which option is right`);
    }
  });

  it('refuses a second ballot of a member, also when both arrive at once', async () => {
    h = await startHarness();
    await register(definition('twice'));
    assert.equal((await cast('twice', { choices: ['utrecht'] }, { as: personas.member })).status, 200);
    assert.equal((await errorOf(cast('twice', { choices: ['amsterdam'] }, { as: personas.member }), 409)).code, 'conflict');
    const together = await Promise.all([1, 2, 3].map(() => cast('twice', { choices: ['rotterdam'] }, { as: personas.otherMember })));
    assert.deepEqual(together.map((response) => response.status).sort(), [200, 409, 409]);
    const poll = await h.json<Poll>('GET', pollPath('twice'), { as: personas.moderator });
    assert.equal(poll.ballotCount, 2);
    assert.deepEqual(poll.tally?.counts, { utrecht: 1, amsterdam: 0, rotterdam: 1 });
    // Member polls refuse visitors without an account, whatever device they name.
    assert.equal((await errorOf(cast('twice', { choices: ['utrecht'] }, { device: DEVICE_A }), 401)).code, 'unauthorized');
  });

  it('counts one ballot per device under device integrity, members as themselves', async () => {
    h = await startHarness();
    await register(definition('devices', { integrity: 'device', results: 'after-vote' }));
    const first = await h.json<Poll>('POST', `${pollPath('devices')}/votes`, { body: { choices: ['utrecht'] }, headers: { 'X-Plein-Device': DEVICE_A }, status: 200 });
    assert.equal(first.voted, true);
    assert.deepEqual(first.myBallot, { choices: ['utrecht'] });
    assert.equal((await errorOf(cast('devices', { choices: ['amsterdam'] }, { device: DEVICE_A }), 409)).code, 'conflict');
    const sameDeviceAtOnce = await Promise.all([1, 2].map(() => cast('devices', { choices: ['amsterdam'] }, { device: DEVICE_B })));
    assert.deepEqual(sameDeviceAtOnce.map((response) => response.status).sort(), [200, 409]);
    // The device sees its own vote on reads; another device does not.
    assert.equal((JSON.parse(await rawRead('devices', null, DEVICE_A)) as Poll).voted, true);
    assert.equal((JSON.parse(await rawRead('devices', null, DEVICE_C)) as Poll).voted, false);
    const noDevice = await errorOf(cast('devices', { choices: ['utrecht'] }), 400);
    assert.ok(noDevice.fields?.['device']);
    // A member votes as themselves, once, whichever device they use.
    assert.equal((await cast('devices', { choices: ['rotterdam'] }, { as: personas.member, device: DEVICE_C })).status, 200);
    assert.equal((await errorOf(cast('devices', { choices: ['rotterdam'] }, { as: personas.member, device: DEVICE_A }), 409)).code, 'conflict');
    assert.equal((await h.json<Poll>('GET', pollPath('devices'), { as: personas.moderator })).ballotCount, 3);
  });

  it('caps device ballots per IP hash and poll with 429 and Retry-After', async () => {
    h = await startHarness({ config: { rateLimits: { deviceBallotsPerIp: { max: 2, windowMs: 60_000 } } } });
    await register(definition('capped', { integrity: 'device' }));
    await register(definition('other', { integrity: 'device' }));
    assert.equal((await cast('capped', { choices: ['utrecht'] }, { device: DEVICE_A })).status, 200);
    assert.equal((await cast('capped', { choices: ['utrecht'] }, { device: DEVICE_B })).status, 200);
    const refused = await cast('capped', { choices: ['utrecht'] }, { device: DEVICE_C });
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers.get('Retry-After')) >= 1);
    assert.equal(((await refused.json()) as { error: { code: string } }).error.code, 'rate-limited');
    // Members are not devices, and the cap is per poll.
    assert.equal((await cast('capped', { choices: ['utrecht'] }, { as: personas.member })).status, 200);
    assert.equal((await cast('other', { choices: ['utrecht'] }, { device: DEVICE_C })).status, 200);
    assert.equal((await h.json<Poll>('GET', pollPath('capped'), { as: personas.moderator })).ballotCount, 3);
  });

  it('freezes a declarative definition after the first ballot, except for admins who keep type and voters', async () => {
    h = await startHarness();
    await register(definition('frozen'));
    const changed = await register(definition('frozen', { question: 'Which city next?' }));
    assert.equal(changed.question, 'Which city next?', 'free to change before any ballot');
    await cast('frozen', { choices: ['utrecht'] }, { as: personas.member });
    const refused = await errorOf(h.call('PUT', pollPath('frozen'), { body: definition('frozen', { question: 'Something else?' }) }), 409);
    assert.equal(refused.code, 'conflict');
    assert.equal((await h.json<Poll>('GET', pollPath('frozen'))).question, 'Which city next?');
    const same = await register(definition('frozen', { question: 'Which city next?' }), personas.member);
    assert.equal(same.ballotCount, 1, 'the same definition again is fine');
    const byAdmin = await register(definition('frozen', { question: 'Which city, then?' }), personas.admin);
    assert.equal(byAdmin.question, 'Which city, then?');
    await errorOf(h.call('PUT', pollPath('frozen'), { as: personas.admin, body: definition('frozen', { question: 'Which city, then?', voters: 'anonymous' }) }), 409);
    const audit = await h.store.listAudit(h.site.id, 10);
    assert.ok(audit.some((entry) => entry.action === 'poll.redefine' && entry.target === 'poll:frozen'));
  });

  it('answers 400 with field errors for malformed and impossible definitions and ballots', async () => {
    h = await startHarness();
    const malformed = await errorOf(h.call('PUT', pollPath('bad'), { body: { ...definition('bad'), options: 'utrecht' } }), 400);
    assert.ok(malformed.fields?.['options']);
    const impossible = await errorOf(
      h.call('PUT', pollPath('bad'), { body: definition('bad', { type: 'multiple', min: 3, max: 2 }) }),
      400,
    );
    assert.equal(impossible.fields?.['min']?.reason, 'above-max');
    const contradiction = await errorOf(h.call('PUT', pollPath('bad'), { body: definition('bad', { voters: 'public', integrity: 'device' }) }), 400);
    assert.equal(contradiction.fields?.['voters']?.reason, 'conflict');
    const otherId = await errorOf(h.call('PUT', pollPath('bad'), { body: definition('elsewhere') }), 400);
    assert.ok(otherId.fields?.['id']);
    await register(definition('good'));
    const unknown = await errorOf(cast('good', { choices: ['paris'] }, { as: personas.member }), 400);
    assert.equal(unknown.fields?.['choices']?.reason, 'unknown-option');
  });

  it('lets moderators create polls they author, close and reopen them; others are refused', async () => {
    h = await startHarness();
    const made = await h.json<Poll>('POST', api('/polls'), { as: personas.moderator, body: definition('api-made', { results: 'after-close' }) });
    assert.equal(made.authorId, personas.moderator.id);
    await errorOf(h.call('POST', api('/polls'), { as: personas.moderator, body: definition('api-made') }), 409);
    await errorOf(h.call('POST', api('/polls'), { as: personas.member, body: definition('by-member') }), 403);
    await errorOf(h.call('POST', `${pollPath('api-made')}/close`, { as: personas.member, body: { closed: true } }), 403);
    const closed = await h.json<Poll>('POST', `${pollPath('api-made')}/close`, { as: personas.moderator, body: { closed: true }, status: 200 });
    assert.equal(closed.status, 'closed');
    assert.equal((await errorOf(cast('api-made', { choices: ['utrecht'] }, { as: personas.member }), 409)).code, 'conflict');
    const reopened = await h.json<Poll>('POST', `${pollPath('api-made')}/close`, { as: personas.moderator, body: { closed: false }, status: 200 });
    assert.equal(reopened.status, 'open');
    assert.equal((await cast('api-made', { choices: ['utrecht'] }, { as: personas.member })).status, 200);
  });

  it('changes and takes back a ballot where the poll allows it', async () => {
    h = await startHarness();
    await register(definition('changeable', { allowChange: true }));
    await cast('changeable', { choices: ['utrecht'] }, { as: personas.member });
    const changed = await h.json<Poll>('POST', `${pollPath('changeable')}/votes`, { as: personas.member, body: { choices: ['amsterdam'] }, status: 200 });
    assert.deepEqual(changed.tally?.counts, { utrecht: 0, amsterdam: 1, rotterdam: 0 });
    const removed = await h.json<Poll>('DELETE', `${pollPath('changeable')}/votes/mine`, { as: personas.member, status: 200 });
    assert.equal(removed.voted, false);
    assert.equal(removed.ballotCount, 0);
    assert.equal((await errorOf(h.call('DELETE', `${pollPath('changeable')}/votes/mine`, { as: personas.member }), 409)).code, 'conflict');
    await register(definition('fixed'));
    await cast('fixed', { choices: ['utrecht'] }, { as: personas.member });
    await errorOf(h.call('DELETE', `${pollPath('fixed')}/votes/mine`, { as: personas.member }), 409);
  });

  it('lists who voted what in public polls, page by page, and nobody’s ballot in secret ones', async () => {
    h = await startHarness();
    await register(definition('open-book', { voters: 'public' }));
    for (const [index, voter] of [personas.member, personas.otherMember, personas.moderator].entries()) {
      h.clock.advance(1000);
      await cast('open-book', { choices: [['utrecht', 'amsterdam', 'rotterdam'][index]!] }, { as: voter });
    }
    const first = await h.json<Page<PollVote>>('GET', `${pollPath('open-book')}/votes?limit=2`, { as: personas.member });
    assert.deepEqual(first.items.map((vote) => [vote.voter.name, vote.ballot]), [
      ['Mira Member', { choices: ['utrecht'] }],
      ['Otto Other', { choices: ['amsterdam'] }],
    ]);
    assert.ok(first.cursor);
    const second = await h.json<Page<PollVote>>('GET', `${pollPath('open-book')}/votes?limit=2&cursor=${first.cursor}`, { as: personas.member });
    assert.deepEqual(second.items.map((vote) => vote.voter.id), [personas.moderator.id]);
    assert.equal(second.cursor, null);
    const made = await errorOf(h.call('GET', `${pollPath('open-book')}/votes?cursor=nothing-this-server-made`, { as: personas.member }), 400);
    assert.match(made.fields?.['cursor']?.message ?? '', /not a cursor this backend made/);
    await errorOf(h.call('GET', `${pollPath('open-book')}/votes`), 401);
    await register(definition('closed-book'));
    await errorOf(h.call('GET', `${pollPath('closed-book')}/votes`, { as: personas.moderator }), 403);
  });

  it('describes every poll route in the OpenAPI document', async () => {
    h = await startHarness();
    const doc = (await h.json('GET', '/v1/openapi.json')) as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.entries(doc.paths)
      .filter(([path]) => path.includes('/polls'))
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    assert.deepEqual(operations, [
      'DELETE /v1/sites/{site}/polls/{id}/votes/mine',
      'GET /v1/sites/{site}/polls/{id}',
      'GET /v1/sites/{site}/polls/{id}/votes',
      'POST /v1/sites/{site}/polls',
      'POST /v1/sites/{site}/polls/{id}/close',
      'POST /v1/sites/{site}/polls/{id}/votes',
      'PUT /v1/sites/{site}/polls/{id}',
    ]);
  });

  it('lets the site’s pages send the device header across origins', async () => {
    h = await startHarness();
    const preflight = await h.app.request(pollPath('any'), {
      method: 'OPTIONS',
      headers: { Origin: 'https://blog.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'x-plein-device' },
    });
    assert.equal(preflight.status, 204);
    assert.match(preflight.headers.get('Access-Control-Allow-Headers') ?? '', /X-Plein-Device/);
  });

  it('sends each subscriber poll-updated shaped for them: the tally to voters, none to others', async () => {
    h = await startHarness();
    await register(definition('live', { results: 'after-vote' }));
    await cast('live', { choices: ['utrecht'] }, { as: personas.member });
    const stream = async (headers: Record<string, string>) => {
      const response = await h.app.request(api('/events?topics=poll:live'), { headers });
      assert.equal(response.status, 200);
      const reader = new SseReader(response);
      open.push(reader);
      await reader.find((message) => message.retry !== undefined, 1000, 'retry');
      return reader;
    };
    const voter = await stream({ Authorization: `Bearer ${await h.token(personas.member)}` });
    const lurker = await stream({});
    const device = await stream({ 'X-Plein-Device': DEVICE_A });
    await cast('live', { choices: ['amsterdam'] }, { as: personas.otherMember });
    const updated = (reader: SseReader) =>
      reader.find((message) => message.data?.includes('poll-updated') === true, 2000, 'poll-updated').then((message) => {
        const data = JSON.parse(message.data!) as { topic: string; events: { type: string; poll: Poll }[] };
        assert.equal(data.topic, 'poll:live');
        return { raw: message.data!, poll: data.events[0]!.poll };
      });
    const forVoter = await updated(voter);
    assert.equal(forVoter.poll.voted, true);
    assert.deepEqual(forVoter.poll.myBallot, { choices: ['utrecht'] });
    assert.deepEqual(forVoter.poll.tally?.counts, { utrecht: 1, amsterdam: 1, rotterdam: 0 });
    const forLurker = await updated(lurker);
    assert.equal(forLurker.poll.tally, null);
    assert.equal(forLurker.poll.ballotCount, 2);
    assert.doesNotMatch(forLurker.raw, /"counts"|"myBallot":\{/);
    // A device poll is not this one: the device counts for nothing here, so it sees what a lurker sees.
    assert.equal((await updated(device)).poll.tally, null);
  });

  it('asks once per vote, not once per subscriber, which subscribers of an anonymous poll voted', async () => {
    h = await startHarness();
    await register(definition('secret-live', { voters: 'anonymous' }));
    const members = Array.from({ length: 20 }, (_, n): Viewer => ({ id: `member-${n}`, name: `Member ${n}`, roles: ['member'] }));
    await cast('secret-live', { choices: ['utrecht'] }, { as: members[3]! });
    const readers = await Promise.all(
      members.map(async (member) => {
        const response = await h.app.request(api('/events?topics=poll:secret-live'), { headers: { Authorization: `Bearer ${await h.token(member)}` } });
        const reader = new SseReader(response);
        open.push(reader);
        await reader.find((message) => message.retry !== undefined, 1000, 'retry');
        return reader;
      }),
    );
    const asked: string[][] = [];
    const votedAmong = h.store.pollVotedAmong.bind(h.store);
    h.store.pollVotedAmong = (siteId, poll, keys) => {
      asked.push([...keys]);
      return votedAmong(siteId, poll, keys);
    };
    await cast('secret-live', { choices: ['amsterdam'] }, { as: personas.otherMember });
    const polls = await Promise.all(
      readers.map((reader) =>
        reader
          .find((message) => message.data?.includes('poll-updated') === true, 2000, 'poll-updated')
          .then((message) => (JSON.parse(message.data!) as { events: { poll: Poll }[] }).events[0]!.poll),
      ),
    );
    assert.deepEqual(
      polls.map((poll) => poll.voted),
      members.map((_, n) => n === 3),
    );
    const forStreams = asked.filter((keys) => keys.some((key) => key.startsWith('member-')));
    assert.equal(forStreams.length, 1, `one question for the 20 streams, not ${forStreams.length}`);
    assert.deepEqual(forStreams[0]!.sort(), members.map((member) => member.id).sort());
  });
});

/** The anonymous poll's tables, read straight from the database. */
interface Tables {
  ballots: Record<string, unknown>[];
  voters: Record<string, unknown>[];
  counts: Record<string, unknown>[];
  voterColumns: string[];
  countColumns: string[];
  journal: string[];
}

function assertNoLink(tables: Tables, voterId: string): void {
  assert.equal(tables.ballots.length, 0, 'no per-voter ballot row');
  assert.deepEqual(tables.voters.map((row) => row['voter_key']).sort(), [voterId, personas.otherMember.id].sort());
  assert.deepEqual(tables.voterColumns.sort(), ['poll', 'site_id', 'voter_key'], 'the voters table says only who voted');
  assert.deepEqual(tables.countColumns.sort(), ['ballot_key', 'count', 'poll', 'site_id'], 'the counts table names no voter and no time');
  for (const row of tables.counts) assert.doesNotMatch(JSON.stringify(row), new RegExp(`${voterId}|${personas.otherMember.id}`));
  assert.deepEqual(
    tables.counts.map((row) => [row['ballot_key'], Number(row['count'])]).sort(),
    [
      ['{"choices":["amsterdam"]}', 1],
      ['{"choices":["utrecht"]}', 1],
    ],
  );
  assert.ok(tables.journal.length >= 3, 'the registration and both ballots are journaled');
  for (const entry of tables.journal) {
    assert.doesNotMatch(entry, new RegExp(`${voterId}|${personas.otherMember.id}`), 'the journal names no voter');
    assert.doesNotMatch(entry, /"tally"|"counts"|"choices"/, 'the journal holds no count and no ballot');
  }
}

async function voteAnonymously(call: (method: string, path: string, options: Parameters<Harness['call']>[2]) => Promise<Response>): Promise<void> {
  const created = await call('PUT', pollPath('secret-ballot'), { body: definition('secret-ballot', { voters: 'anonymous' }) });
  assert.equal(created.status, 200, await created.text());
  const mine = await call('POST', `${pollPath('secret-ballot')}/votes`, { as: personas.member, body: { choices: ['utrecht'] } });
  const minePoll = (await mine.json()) as Poll;
  assert.equal(minePoll.voted, true);
  assert.equal(minePoll.myBallot, null, 'an anonymous poll cannot tell a voter what they chose');
  assert.equal((await call('POST', `${pollPath('secret-ballot')}/votes`, { as: personas.otherMember, body: { choices: ['amsterdam'] } })).status, 200);
  assert.equal((await call('POST', `${pollPath('secret-ballot')}/votes`, { as: personas.member, body: { choices: ['amsterdam'] } })).status, 409);
}

describe('anonymous polls in the database', () => {
  it('keep on SQLite who voted and counts per ballot, with no link, no time and no row order between them', async () => {
    const h = await startHarness();
    try {
      await voteAnonymously(h.call);
      const db = new Database(join(h.dir, 'plein.sqlite'), { readonly: true });
      try {
        const rows = (table: string) => db.prepare(`SELECT * FROM ${table} WHERE poll = ?`).all('secret-ballot') as Record<string, unknown>[];
        const columns = (table: string) => (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((column) => column.name);
        assertNoLink(
          {
            ballots: rows('plein_poll_ballots'),
            voters: rows('plein_poll_voters'),
            counts: rows('plein_poll_counts'),
            voterColumns: columns('plein_poll_voters'),
            countColumns: columns('plein_poll_counts'),
            journal: (db.prepare('SELECT payload FROM plein_events').all() as { payload: string }[]).map((row) => row.payload),
          },
          personas.member.id,
        );
        // WITHOUT ROWID: no hidden insertion counter to line the two tables up by.
        assert.throws(() => db.prepare('SELECT rowid FROM plein_poll_voters').all(), /rowid/);
        assert.throws(() => db.prepare('SELECT rowid FROM plein_poll_counts').all(), /rowid/);
      } finally {
        db.close();
      }
    } finally {
      await h.close();
    }
  });

  it('keep on PostgreSQL who voted and counts per ballot, with no link between them', { skip: POSTGRES_URL ? false : 'PLEIN_TEST_POSTGRES_URL is not set' }, async () => {
    const base = postgresTarget(POSTGRES_URL!);
    let schema = '';
    const server = await startLiveServer({
      ...base,
      async fresh() {
        const database = await base.fresh();
        schema = new URL(database.url).searchParams.get('schema')!;
        return database;
      },
    });
    const site = 'anonymous-pg';
    await server.prepare(site);
    const call = async (method: string, path: string, options: Parameters<Harness['call']>[2] = {}) => {
      const headers: Record<string, string> = { Authorization: options.as ? `Bearer ${await server.token(site, options.as as Viewer)}` : 'Anonymous' };
      if (options.body !== undefined) headers['Content-Type'] = 'application/json';
      return fetch(server.url + path.replace(`/sites/test-site/`, `/sites/${site}/`), {
        method,
        headers,
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      });
    };
    try {
      await voteAnonymously(call);
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      try {
        const inSchema = schema;
        assert.match(inSchema, /^plein_http_adapter_/);
        const rows = async (table: string) =>
          (await client.query(`SELECT * FROM "${inSchema}".${table} WHERE site_id = $1 AND poll = $2`, [site, 'secret-ballot'])).rows as Record<string, unknown>[];
        const columns = async (table: string) =>
          (await client.query<{ column_name: string }>('SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2', [inSchema, table])).rows.map(
            (row) => row.column_name,
          );
        assertNoLink(
          {
            ballots: await rows('plein_poll_ballots'),
            voters: await rows('plein_poll_voters'),
            counts: await rows('plein_poll_counts'),
            voterColumns: await columns('plein_poll_voters'),
            countColumns: await columns('plein_poll_counts'),
            journal: (await client.query<{ payload: unknown }>(`SELECT payload FROM "${inSchema}".plein_events WHERE site_id = $1`, [site])).rows.map((row) =>
              JSON.stringify(row.payload),
            ),
          },
          personas.member.id,
        );
        // Every count row was last written by the same transaction: xmin tells no option apart.
        const xmins = await client.query<{ xmin: string }>(`SELECT xmin::text FROM "${inSchema}".plein_poll_counts WHERE site_id = $1 AND poll = $2`, [site, 'secret-ballot']);
        assert.equal(new Set(xmins.rows.map((row) => row.xmin)).size, 1);
      } finally {
        await client.end();
      }
    } finally {
      await server.close();
    }
  });
});

describe('polls made outside the page', () => {
  it('plein polls create stores an API-made poll with the given admin as author, and refuses a taken id', async () => {
    const h = await startHarness();
    const file = join(h.dir, 'poll.json');
    writeFileSync(file, JSON.stringify(definition('from-cli', { results: 'after-close' })));
    const cli = (extra: string[]) => quietly(() => main(['polls', 'create', '--db', `sqlite:${join(h.dir, 'plein.sqlite')}`, '--site', h.site.id, '--file', file, ...extra]));
    try {
      assert.equal(await cli(['--author', personas.admin.id]), 0);
      const poll = await h.json<Poll>('GET', pollPath('from-cli'), { as: personas.admin });
      assert.equal(poll.authorId, personas.admin.id);
      assert.equal(poll.question, 'Where shall we meet next?');
      assert.notEqual(poll.tally, null, 'its author sees the results of an after-close poll');
      assert.equal(await cli(['--author', personas.admin.id]), 1, 'the id is taken');
      assert.equal(await cli([]), 2, '--author is required');
    } finally {
      await h.close();
    }
  });
});

describe('polls on several instances', () => {
  it('answer reads with ballots another instance on the same SQLite file just counted', async () => {
    const h = await startHarness();
    const other = await openStore(`sqlite:${join(h.dir, 'plein.sqlite')}`);
    const realtime = createRealtime(other, { pruneIntervalMs: 0 });
    await realtime.ready;
    const b = createApp({ store: other, realtime, clock: () => h.clock.now, config: { log: () => undefined, ipSalt: 'test-salt', siteCacheMs: 0, rateLimits: NO_LIMITS } });
    try {
      await h.json('PUT', pollPath('shared'), { body: definition('shared'), status: 200 });
      assert.equal((await h.json<Poll>('GET', pollPath('shared'))).ballotCount, 0);
      assert.equal((await h.json<Poll>('GET', pollPath('shared'))).ballotCount, 0, 'a second read, from the kept count');
      const voted = await b.request(`${pollPath('shared')}/votes`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${await h.token(personas.member)}` },
        body: JSON.stringify({ choices: ['amsterdam'] }),
      });
      assert.equal(voted.status, 200);
      const read = await h.json<Poll>('GET', pollPath('shared'));
      assert.equal(read.ballotCount, 1);
      assert.equal(read.tally?.counts['amsterdam'], 1);
    } finally {
      b.plein.drain();
      await realtime.close();
      await other.close();
      await h.close();
    }
  });

  it('deliver poll-updated to a subscriber of another instance on the same PostgreSQL database', { skip: POSTGRES_URL ? false : 'PLEIN_TEST_POSTGRES_URL is not set' }, async () => {
    const database = await postgresTarget(POSTGRES_URL!).fresh();
    const instances: { store: PleinStore; realtime: Realtime; app: PleinApp }[] = [];
    const readers: SseReader[] = [];
    try {
      for (let i = 0; i < 2; i++) {
        const store = await openStore(database.url);
        await store.migrate();
        const realtime = createRealtime(store, { pruneIntervalMs: 0 });
        await realtime.ready;
        const app = createApp({ store, realtime, config: { log: () => undefined, ipSalt: 'test-salt', siteCacheMs: 0, rateLimits: NO_LIMITS } });
        instances.push({ store, realtime, app });
      }
      const [a, b] = instances as [(typeof instances)[0], (typeof instances)[0]];
      await a.store.putSite(siteRecord());
      const signed = (viewer: Viewer) =>
        new SignJWT({ sub: viewer.id, aud: SITE_ID, name: viewer.name, roles: viewer.roles, exp: Math.floor(Date.now() / 1000) + 600 })
          .setProtectedHeader({ alg: 'HS256' })
          .sign(new TextEncoder().encode(siteRecord().secret));
      const write = async (app: PleinApp, method: string, path: string, body: unknown, viewer: Viewer) => {
        const response = await app.request(path, { method, headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${await signed(viewer)}` }, body: JSON.stringify(body) });
        assert.equal(response.status, 200, await response.clone().text());
      };
      await write(a.app, 'PUT', pollPath('across'), definition('across', { results: 'after-vote' }), personas.member);
      await write(a.app, 'POST', `${pollPath('across')}/votes`, { choices: ['utrecht'] }, personas.member);
      const response = await b.app.request(api('/events?topics=poll:across'), { headers: { Authorization: `Bearer ${await signed(personas.member)}` } });
      const reader = new SseReader(response);
      readers.push(reader);
      await reader.find((message) => message.retry !== undefined, 1000, 'retry');
      await write(a.app, 'POST', `${pollPath('across')}/votes`, { choices: ['amsterdam'] }, personas.otherMember);
      const message = await reader.find((candidate) => candidate.data?.includes('poll-updated') === true, 5000, 'poll-updated from the other instance');
      const poll = (JSON.parse(message.data!) as { events: { poll: Poll }[] }).events[0]!.poll;
      assert.equal(poll.voted, true, 'shaped for the subscriber, who voted on the other instance');
      assert.deepEqual(poll.tally?.counts, { utrecht: 1, amsterdam: 1, rotterdam: 0 });
    } finally {
      for (const reader of readers) await reader.close();
      for (const { app, realtime, store } of instances) {
        app.plein.drain();
        await realtime.close();
        await store.close();
      }
      await database.drop();
    }
  });
});

/** Runs `work` with stdout and stderr swallowed: the CLI prints the poll and its refusals. */
async function quietly<T>(work: () => Promise<T>): Promise<T> {
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  process.stdout.write = (() => true) as typeof process.stdout.write;
  process.stderr.write = (() => true) as typeof process.stderr.write;
  try {
    return await work();
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}
