import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { api, errorOf, personas, siteRecord, startHarness, threadPath, type Harness } from './harness.js';

interface Session {
  token: string;
  viewer: { id: string; name: string; guest: boolean; roles: string[] };
  expiresAt: string;
}

describe('guest sessions: name, proof-of-work, honeypot', () => {
  let h: Harness;
  afterEach(() => h.close());

  async function altcha(site = h.site.id): Promise<string> {
    const challenge = (await (await h.app.request(`/v1/sites/${site}/guest/challenge`)).json()) as Challenge;
    const solution = await solveChallenge({ challenge, deriveKey });
    return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
  }

  it('starts a guest session for a solved challenge: a token that works like a member’s', async () => {
    h = await startHarness();
    const session = await h.json<Session>('POST', api('/guest'), { body: { name: '  Gus   Guest ', altcha: await altcha() } });
    assert.equal(session.viewer.name, 'Gus Guest');
    assert.equal(session.viewer.guest, true);
    assert.deepEqual(session.viewer.roles, []);
    assert.ok(Date.parse(session.expiresAt) > h.clock.now);
    assert.deepEqual((await h.json<{ viewer: unknown }>('GET', api('/viewer'), { as: session.token })).viewer, session.viewer);
    const posted = await h.json<{ comment: { id: string; author: { guest?: boolean } } }>('POST', threadPath('g') + '/comments', { as: session.token, body: { body: 'Hi' } });
    assert.equal(posted.comment.author.guest, true);
    await h.json('PATCH', api(`/comments/${posted.comment.id}`), { as: session.token, body: { body: 'Hi there' } });
  });

  it('refuses a filled-in honeypot, a missing or forged proof, and a proof used twice', async () => {
    h = await startHarness();
    const honeypot = await errorOf(h.call('POST', api('/guest'), { body: { name: 'Bot', altcha: await altcha(), website: 'http://spam.example' } }), 400);
    assert.equal(honeypot.fields?.['website']?.reason, 'must-be-empty');
    const missing = await errorOf(h.call('POST', api('/guest'), { body: { name: 'Bot' } }), 400);
    assert.equal(missing.fields?.['altcha']?.reason, 'captcha-failed');
    const proof = JSON.parse(Buffer.from(await altcha(), 'base64').toString()) as { challenge: Challenge; solution: { derivedKey: string } };
    proof.solution.derivedKey = proof.solution.derivedKey.replace(/^./, (digit) => (digit === '0' ? '1' : '0'));
    await errorOf(h.call('POST', api('/guest'), { body: { name: 'Bot', altcha: Buffer.from(JSON.stringify(proof)).toString('base64') } }), 400);
    const once = await altcha();
    await h.json('POST', api('/guest'), { body: { name: 'Gus', altcha: once } });
    const replay = await errorOf(h.call('POST', api('/guest'), { body: { name: 'Gus again', altcha: once } }), 400);
    assert.match(replay.fields?.['altcha']?.message ?? '', /used already/);
  });

  it('checks the name first, with the domain’s rules on fields.name', async () => {
    h = await startHarness();
    assert.equal((await errorOf(h.call('POST', api('/guest'), { body: { name: '   ' } }), 400)).fields?.['name']?.reason, 'required');
    assert.equal((await errorOf(h.call('POST', api('/guest'), { body: { name: 'G'.repeat(51) } }), 400)).fields?.['name']?.reason, 'too-long');
  });

  it('refuses another site’s challenge and another site’s guest token', async () => {
    h = await startHarness();
    await h.store.putSite(siteRecord({ id: 'other-site', secret: 'another-secret-entirely-0123456789' }));
    await errorOf(h.call('POST', api('/guest'), { body: { name: 'Gus', altcha: await altcha('other-site') } }), 400);
    const elsewhere = (await (
      await h.app.request('/v1/sites/other-site/guest', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: 'Anonymous' },
        body: JSON.stringify({ name: 'Gus', altcha: await altcha('other-site') }),
      })
    ).json()) as Session;
    await errorOf(h.call('GET', api('/viewer'), { as: elsewhere.token }), 401);
  });

  it('posts a first comment as a guest with guestName, returning the session, where the thread allows guests', async () => {
    h = await startHarness({ site: { guests: false } });
    await h.thread({ id: 'open-to-guests', guests: true });
    const posted = await h.json<{ comment: { author: { id: string; name: string } }; guest: Session }>('POST', threadPath('open-to-guests') + '/comments', {
      body: { body: 'Drive-by hello', guestName: 'Gus', altcha: await altcha() },
    });
    assert.equal(posted.comment.author.id, posted.guest.viewer.id);
    assert.equal(posted.comment.author.name, 'Gus');
    const members = await errorOf(h.call('POST', threadPath('members-only') + '/comments', { body: { body: 'Hi', guestName: 'Gus', altcha: await altcha() } }), 401);
    assert.equal(members.code, 'unauthorized');
    const nameless = await errorOf(h.call('POST', threadPath('open-to-guests') + '/comments', { body: { body: 'Hi', guestName: ' ' } }), 400);
    assert.ok(nameless.fields?.['guestName']);
    const unsolved = await errorOf(h.call('POST', threadPath('open-to-guests') + '/comments', { body: { body: 'Hi', guestName: 'Gus' } }), 400);
    assert.ok(unsolved.fields?.['altcha']);
  });

  it('limits guest sessions per client IP, and ends a session when the guest is erased', async () => {
    h = await startHarness({ config: { rateLimits: { guestsPerIp: { max: 1, windowMs: 600_000 } } } });
    const session = await h.json<Session>('POST', api('/guest'), { body: { name: 'Gus', altcha: await altcha() } });
    const limited = await h.call('POST', api('/guest'), { body: { name: 'Gus 2', altcha: await altcha() } });
    await errorOf(limited, 429);
    assert.equal(limited.headers.get('Retry-After'), '600');
    await h.store.deleteUser(h.site.id, session.viewer.id);
    await errorOf(h.call('GET', api('/viewer'), { as: session.token }), 401);
  });

  it('does not accept a member token as a guest token or the reverse', async () => {
    h = await startHarness();
    const forged = await h.token({ ...personas.member, id: 'guest:forged' }, { iss: 'plein:guest' });
    await errorOf(h.call('GET', api('/viewer'), { as: forged }), 401);
  });
});
