import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ORIGIN, personas, startHarness, threadPath, type Harness } from './harness.js';

describe('ETags on reads', () => {
  let h: Harness;
  const list = threadPath('etag') + '/comments';
  before(async () => {
    h = await startHarness();
    await h.json('POST', list, { as: personas.member, body: { body: 'First' } });
  });
  after(() => h.close());

  it('sends a weak ETag and answers 304 without a body when it still matches', async () => {
    const first = await h.call('GET', list, { headers: { Origin: ORIGIN } });
    const tag = first.headers.get('ETag');
    assert.match(tag ?? '', /^W\/"[^"]+"$/);
    assert.match(first.headers.get('Cache-Control') ?? '', /private/);
    const again = await h.call('GET', list, { headers: { 'If-None-Match': tag!, Origin: ORIGIN } });
    assert.equal(again.status, 304);
    assert.equal(await again.text(), '');
    assert.equal(again.headers.get('ETag'), tag);
    assert.equal(again.headers.get('Access-Control-Allow-Origin'), ORIGIN, 'a 304 keeps its CORS headers');
  });

  it('answers 200 with a new ETag once the thread changed', async () => {
    const tag = (await h.call('GET', list)).headers.get('ETag')!;
    await h.json('POST', list, { as: personas.otherMember, body: { body: 'Second' } });
    const changed = await h.call('GET', list, { headers: { 'If-None-Match': tag } });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.get('ETag'), tag);
  });

  it('tags what each viewer is shown: the author of a pending comment does not get the public list’s 304', async () => {
    await h.thread({ id: 'etag-held', premoderated: true });
    const held = threadPath('etag-held') + '/comments';
    await h.json('POST', held, { as: personas.member, body: { body: 'Waiting' } });
    const publicTag = (await h.call('GET', held)).headers.get('ETag')!;
    assert.equal((await h.call('GET', held, { as: personas.otherMember, headers: { 'If-None-Match': publicTag } })).status, 304);
    const author = await h.call('GET', held, { as: personas.member, headers: { 'If-None-Match': publicTag } });
    assert.equal(author.status, 200);
    assert.match(author.headers.get('Vary') ?? '', /Authorization/);
  });
});
