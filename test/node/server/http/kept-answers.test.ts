import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Viewer } from '../../../../src/adapters/contract.js';
import { api, personas, startHarness, threadPath, type Harness } from './harness.js';

interface Listed {
  items: { id: string; status: string; reactions: { key: string; count: number; mine: boolean }[] }[];
}

// Pages are kept per class of viewers while the thread stays cached (the site cache is on, so
// the cached thread state is reused between requests): each viewer must still get their own view.
describe('Kept thread answers', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ config: { siteCacheMs: 60_000 } });
  });
  after(() => h.close());

  const page = async (thread: string, as: Viewer | null) => {
    const response = await h.call('GET', threadPath(thread) + '/comments?withReplies=true', { as });
    assert.equal(response.status, 200);
    const text = await response.text();
    return { text, etag: response.headers.get('ETag'), body: JSON.parse(text) as Listed };
  };
  const mine = (listed: Listed) => listed.items.map((item) => item.reactions.map((reaction) => reaction.mine));

  it('marks reactions as mine only for the viewer who reacted, also after others read the same page', async () => {
    const posted = await h.json<{ comment: { id: string } }>('POST', threadPath('kept') + '/comments', { as: personas.otherMember, body: { body: 'Hello' }, status: 201 });
    await h.json('POST', api(`/comments/${posted.comment.id}/reactions`), { as: personas.member, body: { key: '👍', on: true } });

    const anonymous = await page('kept', null);
    assert.deepEqual(mine(anonymous.body), [[false]]);
    const reacted = await page('kept', personas.member);
    assert.deepEqual(mine(reacted.body), [[true]]);
    assert.notEqual(reacted.etag, anonymous.etag);
    const bystander = await page('kept', personas.otherMember);
    assert.equal(bystander.text, anonymous.text);
    assert.equal(bystander.etag, anonymous.etag);
    assert.deepEqual(mine((await page('kept', personas.admin)).body), [[false]]);
    assert.deepEqual(mine((await page('kept', personas.moderator)).body), [[false]]);
    assert.deepEqual(mine((await page('kept', personas.member)).body), [[true]]);

    await h.json('POST', api(`/comments/${posted.comment.id}/reactions`), { as: personas.moderator, body: { key: '👍', on: true } });
    assert.deepEqual(mine((await page('kept', personas.moderator)).body), [[true]]);
    assert.deepEqual(mine((await page('kept', personas.admin)).body), [[false]]);
    assert.deepEqual(mine((await page('kept', null)).body), [[false]]);

    await h.json('POST', api(`/comments/${posted.comment.id}/reactions`), { as: personas.member, body: { key: '👍', on: false } });
    const after = await page('kept', personas.member);
    assert.deepEqual(after.body.items[0]?.reactions, [{ key: '👍', count: 1, mine: false }]);
    assert.equal(after.text, (await page('kept', null)).text);
  });

  it('shows a pending comment to its author and moderators only, whoever read the thread before', async () => {
    await h.thread({ id: 'kept-held', premoderated: true });
    assert.deepEqual((await page('kept-held', null)).body.items, []);
    const posted = await h.json<{ comment: { id: string } }>('POST', threadPath('kept-held') + '/comments', { as: personas.member, body: { body: 'Waiting' }, status: 201 });
    assert.deepEqual((await page('kept-held', null)).body.items, []);
    assert.deepEqual((await page('kept-held', personas.otherMember)).body.items, []);
    assert.deepEqual((await page('kept-held', personas.member)).body.items.map((item) => item.status), ['pending']);
    assert.deepEqual((await page('kept-held', personas.moderator)).body.items.map((item) => item.status), ['pending']);
    assert.deepEqual((await page('kept-held', personas.admin)).body.items.map((item) => item.status), ['pending']);
    assert.deepEqual((await page('kept-held', personas.otherMember)).body.items, []);
    assert.equal((await h.call('GET', threadPath('kept-held'), { as: personas.otherMember }).then((r) => r.json()) as { commentCount: number }).commentCount, 0);
    assert.equal((await h.call('GET', threadPath('kept-held'), { as: personas.member }).then((r) => r.json()) as { commentCount: number }).commentCount, 1);
    assert.equal((await h.call('GET', api(`/comments/${posted.comment.id}`), { as: personas.otherMember })).status, 404);
    assert.equal((await h.call('GET', api(`/comments/${posted.comment.id}`), { as: personas.member })).status, 200);
  });
});
