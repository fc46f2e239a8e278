import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { after, before, describe, it } from 'node:test';
import { LIMITS } from '../../../../src/domain/limits.js';
import { ORIGIN, api, errorOf, personas, startHarness, threadPath, type Harness } from './harness.js';

describe('validation errors name their fields', () => {
  let h: Harness;
  const comments = threadPath('valid') + '/comments';
  before(async () => {
    h = await startHarness({ site: { bannedWords: ['scam*'], bannedWordsAction: 'reject', maxLinks: 1 } });
  });
  after(() => h.close());

  it('answers a missing body with fields.body required, in the error format', async () => {
    const response = await h.call('POST', comments, { as: personas.member, body: { parentId: null } });
    const body = (await response.json()) as { error: Record<string, unknown> };
    assert.equal(response.status, 400);
    assert.deepEqual(Object.keys(body), ['error']);
    assert.equal(body.error['code'], 'invalid');
    assert.equal(typeof body.error['message'], 'string');
    assert.deepEqual(body.error['fields'], { body: { reason: 'required', message: 'This field is required.' } });
  });

  it('answers a wrong type with fields.<name> invalid-type', async () => {
    const error = await errorOf(h.call('POST', comments, { as: personas.member, body: { body: 42 } }), 400);
    assert.equal(error.fields?.['body']?.reason, 'invalid-type');
  });

  it('judges length as the domain does: code points without surrounding space, with the limit in params', async () => {
    const emoji = '😀'.repeat(LIMITS.commentBody.max);
    const accepted = await h.json<{ comment: { body: string } }>('POST', comments, { as: personas.member, body: { body: `  ${emoji}  ` } });
    assert.equal(accepted.comment.body, `  ${emoji}  `, 'the body is stored as typed');
    const error = await errorOf(h.call('POST', comments, { as: personas.member, body: { body: 'x'.repeat(LIMITS.commentBody.max + 1) } }), 400);
    assert.deepEqual(error.fields?.['body'], {
      reason: 'too-long',
      message: `Use at most ${LIMITS.commentBody.max} characters.`,
      params: { max: LIMITS.commentBody.max, length: LIMITS.commentBody.max + 1 },
    });
  });

  it('refuses the site’s banned words and more links than the site allows, on fields.body', async () => {
    const banned = await errorOf(h.call('POST', comments, { as: personas.member, body: { body: 'Not a SCAMMER, honest' } }), 400);
    assert.equal(banned.fields?.['body']?.reason, 'banned-words');
    const links = await errorOf(h.call('POST', comments, { as: personas.member, body: { body: 'https://a.example and https://b.example' } }), 400);
    assert.deepEqual(links.fields?.['body']?.params, { max: 1, count: 2 });
  });

  it('refuses unknown query choices and malformed numbers on their fields', async () => {
    const sort = await errorOf(h.call('GET', `${comments}?sort=sideways`), 400);
    assert.equal(sort.fields?.['sort']?.reason, 'unknown-choice');
    const limit = await errorOf(h.call('GET', `${comments}?limit=many`), 400);
    assert.ok(limit.fields?.['limit']);
    const cursor = await errorOf(h.call('GET', `${comments}?cursor=not-a-cursor`), 400);
    assert.equal(cursor.fields?.['cursor']?.reason, 'invalid-cursor');
  });

  it('refuses a thread id with control characters on fields.thread', async () => {
    const error = await errorOf(h.call('POST', threadPath('bad\u0001id') + '/comments', { as: personas.member, body: { body: 'Hi' } }), 400);
    assert.equal(error.fields?.['thread']?.reason, 'invalid-characters');
  });

  it('refuses invalid percent-encoding in a path parameter on its field, so no two URLs name one thread', async () => {
    const posted = await errorOf(h.call('POST', api('/threads/%FF/comments'), { as: personas.member, body: { body: 'Lost?' } }), 400);
    assert.equal(posted.fields?.['thread']?.reason, 'invalid-encoding');
    assert.match(posted.fields?.['thread']?.message ?? '', /percent-encoding/);
    assert.equal((await errorOf(h.call('GET', api('/threads/%FF/comments')), 400)).fields?.['thread']?.reason, 'invalid-encoding');
    assert.equal((await errorOf(h.call('GET', api('/threads/ok%E0%A4/comments')), 400)).fields?.['thread']?.reason, 'invalid-encoding');
    assert.equal((await errorOf(h.call('DELETE', api('/comments/%C3'), { as: personas.member }), 400)).fields?.['id']?.reason, 'invalid-encoding');
    const fromPage = await h.call('POST', api('/threads/%FF/comments'), { as: personas.member, body: { body: 'Lost?' }, headers: { Origin: ORIGIN } });
    assert.equal(fromPage.status, 400);
    assert.equal(fromPage.headers.get('Access-Control-Allow-Origin'), ORIGIN, 'a page can read the refusal');
    const literal = await h.json<{ items: unknown[] }>('GET', api('/threads/%25FF/comments'));
    assert.equal(literal.items.length, 0, 'the refused comment went nowhere');
    await h.json('POST', api('/threads/caf%C3%A9%25FF/comments'), { as: personas.otherMember, body: { body: 'Well-formed' } });
    assert.equal((await h.store.listThreadComments(h.site.id, 'café%FF')).length, 1, 'valid encodings still decode');
  });

  it('names the parameter with invalid percent-encoding also when the server serves static pages too', async () => {
    const served = await startHarness({ config: { demoDir: tmpdir() } });
    try {
      const error = await errorOf(served.call('GET', api('/threads/%FF/comments')), 400);
      assert.equal(error.fields?.['thread']?.reason, 'invalid-encoding');
    } finally {
      await served.close();
    }
  });

  it('refuses text made only of invisible characters as empty: a comment, a thread id, a guest name', async () => {
    const body = await errorOf(h.call('POST', comments, { as: personas.member, body: { body: '\u200b\u200b' } }), 400);
    assert.equal(body.fields?.['body']?.reason, 'required');
    const thread = await errorOf(h.call('POST', threadPath('\u200b') + '/comments', { as: personas.member, body: { body: 'Hi' } }), 400);
    assert.equal(thread.fields?.['thread']?.reason, 'required');
    const name = await errorOf(h.call('POST', api('/guest'), { body: { name: '\u200b\u200b', altcha: 'x' } }), 400);
    assert.equal(name.fields?.['name']?.reason, 'required');
    const visible = await h.json<{ comment: { body: string } }>('POST', comments, { as: personas.member, body: { body: '👩‍💻' } });
    assert.equal(visible.comment.body, '👩‍💻');
  });

  it('says the page-size cap to a limit too large to be a number, and still serves a large one capped', async () => {
    const huge = await errorOf(h.call('GET', `${comments}?limit=99999999999999999999`), 400);
    assert.deepEqual(huge.fields?.['limit'], { reason: 'too-large', message: `Use at most ${LIMITS.pageSize.max}.`, params: { max: LIMITS.pageSize.max } });
    assert.equal((await h.call('GET', `${comments}?limit=500`)).status, 200);
    assert.equal((await errorOf(h.call('GET', `${comments}?limit=0`), 400)).fields?.['limit']?.message, 'Use at least 1.');
  });

  it('tells a made-up cursor from one of another list or sort', async () => {
    const made = await errorOf(h.call('GET', `${comments}?cursor=not-a-cursor`), 400);
    assert.match(made.fields?.['cursor']?.message ?? '', /not a cursor this backend made/);
    for (const body of ['one', 'two']) await h.json('POST', threadPath('cursors') + '/comments', { as: personas.moderator, body: { body } });
    const { cursor } = await h.json<{ cursor: string }>('GET', threadPath('cursors') + '/comments?limit=1&sort=oldest');
    const other = await errorOf(h.call('GET', threadPath('cursors') + `/comments?limit=1&sort=newest&cursor=${cursor}`), 400);
    assert.match(other.fields?.['cursor']?.message ?? '', /another list or sort/);
  });

  it('gives the unit in length messages of path parameters and other text fields', async () => {
    const id = await errorOf(h.call('GET', api(`/comments/${'x'.repeat(201)}`)), 400);
    assert.deepEqual(id.fields?.['id'], { reason: 'too-long', message: 'Use at most 200 characters.', params: { max: 200 } });
    const scope = await errorOf(h.call('GET', api(`/moderation/queue?scope=${'x'.repeat(201)}`), { as: personas.moderator }), 400);
    assert.equal(scope.fields?.['scope']?.message, 'Use at most 200 characters.');
  });

  it('names nested fields with dotted paths', async () => {
    const error = await errorOf(h.call('POST', api('/moderation/actions'), { as: personas.moderator, body: { target: { kind: 'poll', id: 'x' }, action: 'approve' } }), 400);
    assert.equal(error.fields?.['target.kind']?.reason, 'unknown-choice');
  });

  it('answers an unknown endpoint under /v1 with not-found in the error format', async () => {
    assert.equal((await errorOf(h.call('GET', '/v1/nothing-here'), 404)).code, 'not-found');
  });
});
