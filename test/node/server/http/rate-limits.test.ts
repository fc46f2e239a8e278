import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { errorOf, personas, startHarness, threadPath, type Harness } from './harness.js';

describe('rate limits', () => {
  let h: Harness;
  afterEach(() => h.close());
  const comments = threadPath('limits') + '/comments';

  it('allows one comment per 10 s per identity: the second gets 429 with Retry-After, later it passes', async () => {
    h = await startHarness({ config: { rateLimits: { commentsPerIdentity: { max: 1, windowMs: 10_000 } } } });
    await h.json('POST', comments, { as: personas.member, body: { body: 'One' } });
    h.clock.advance(3_000);
    const response = await h.call('POST', comments, { as: personas.member, body: { body: 'Two' } });
    const error = await errorOf(response, 429);
    assert.equal(error.code, 'rate-limited');
    assert.equal(response.headers.get('Retry-After'), '7');
    assert.equal(error.retryAfter, 7);
    await h.json('POST', comments, { as: personas.otherMember, body: { body: 'Someone else' } });
    h.clock.advance(7_001);
    await h.json('POST', comments, { as: personas.member, body: { body: 'Two, later' } });
  });

  it('does not count refused comments, and exempts moderators', async () => {
    h = await startHarness({ config: { rateLimits: { commentsPerIdentity: { max: 1, windowMs: 10_000 } } } });
    await errorOf(h.call('POST', comments, { as: personas.member, body: { body: '   ' } }), 400);
    await h.json('POST', comments, { as: personas.member, body: { body: 'Fixed it' } });
    for (const body of ['A', 'B', 'C']) await h.json('POST', comments, { as: personas.moderator, body: { body } });
  });

  it('allows a number of writes per minute per client IP, whoever signs them', async () => {
    h = await startHarness({ config: { rateLimits: { writesPerIp: { max: 3, windowMs: 60_000 } } } });
    const people = [personas.member, personas.otherMember, personas.moderator];
    for (const person of people) await h.json('POST', comments, { as: person, body: { body: `From ${person.name}` } });
    const response = await h.call('POST', comments, { as: personas.admin, body: { body: 'One too many' } });
    await errorOf(response, 429);
    assert.equal(response.headers.get('Retry-After'), '60');
    assert.equal((await h.json<{ items: unknown[] }>('GET', comments)).items.length, 3, 'reads are not limited and the refused write left nothing');
  });

  it('counts clients apart by their (hashed) address behind a trusted proxy', async () => {
    h = await startHarness({ config: { trustProxy: true, rateLimits: { writesPerIp: { max: 1, windowMs: 60_000 } } } });
    const from = (ip: string) => ({ 'X-Forwarded-For': ip });
    await h.json('POST', comments, { as: personas.member, body: { body: 'A' }, headers: from('198.51.100.1') });
    await h.json('POST', comments, { as: personas.otherMember, body: { body: 'B' }, headers: from('198.51.100.2') });
    await errorOf(h.call('POST', comments, { as: personas.moderator, body: { body: 'C' }, headers: from('198.51.100.1') }), 429);
    const rows = await h.store.listThreadComments(h.site.id, 'limits');
    assert.ok(rows.every((row) => row.ipHash !== null && !row.ipHash.includes('198.51')), 'only salted hashes are stored');
    assert.notEqual(rows[0]!.ipHash, rows[1]!.ipHash);
  });

  it('counts a client by the address the trusted proxy appended, not by entries the client wrote before it', async () => {
    h = await startHarness({ config: { trustProxy: true, rateLimits: { writesPerIp: { max: 1, windowMs: 60_000 } } } });
    const spoofed = (i: number) => ({ 'X-Forwarded-For': `10.0.0.${i}, 198.51.100.7` });
    await h.json('POST', comments, { as: personas.member, body: { body: 'A' }, headers: spoofed(1) });
    await errorOf(h.call('POST', comments, { as: personas.otherMember, body: { body: 'B' }, headers: spoofed(2) }), 429);
    await h.json('POST', comments, { as: personas.moderator, body: { body: 'C' }, headers: { 'X-Forwarded-For': '10.0.0.1, 198.51.100.8' } });
  });
});
