import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { api, errorOf, personas, startHarness, threadPath, type Harness } from './harness.js';

interface Posted {
  comment: { id: string; status: string; thread: string };
}

describe('site rules, moderation and the audit log', () => {
  let h: Harness;
  afterEach(() => h.close());
  const post = (thread: string, body: string, as = personas.member, extra: Record<string, unknown> = {}) =>
    h.json<Posted>('POST', threadPath(thread) + '/comments', { as, body: { body, ...extra } }).then((answer) => answer.comment);
  const moderate = (id: string, action: string, as = personas.moderator) =>
    h.call('POST', api('/moderation/actions'), { as, body: { target: { kind: 'comment', id }, action } });

  it('writes every moderation action to the audit log, with who, what and the change', async () => {
    h = await startHarness();
    const { id } = await post('audited', 'Look at me');
    const reply = await post('audited', 'Delete me', personas.otherMember);
    for (const action of ['pin', 'unpin', 'hide', 'approve']) assert.equal((await moderate(id, action)).status, 204, action);
    await h.json('POST', api('/moderation/locks'), { as: personas.moderator, body: { scope: { kind: 'thread', id: 'audited' }, locked: true }, status: 204 });
    await h.json('DELETE', api(`/comments/${reply.id}`), { as: personas.moderator, status: 204 });
    const entries = (await h.store.listAudit(h.site.id, 20)).reverse();
    assert.deepEqual(
      entries.map((entry) => [entry.actorId, entry.action, entry.target]),
      [
        [personas.moderator.id, 'comment.pin', `comment:${id}`],
        [personas.moderator.id, 'comment.unpin', `comment:${id}`],
        [personas.moderator.id, 'comment.hide', `comment:${id}`],
        [personas.moderator.id, 'comment.approve', `comment:${id}`],
        [personas.moderator.id, 'thread.lock', 'thread:audited'],
        [personas.moderator.id, 'comment.delete', `comment:${reply.id}`],
      ],
    );
    assert.deepEqual((entries[2]!.detail as { status: string[] }).status, ['published', 'hidden']);
  });

  it('writes an admin’s edit of someone else’s comment to the audit log, and not an author’s own edit', async () => {
    h = await startHarness();
    const theirs = await post('rewritten', 'What the member wrote');
    await h.json('PATCH', api(`/comments/${theirs.id}`), { as: personas.member, body: { body: 'What the member wrote, fixed' } });
    assert.deepEqual(await h.store.listAudit(h.site.id, 5), []);
    await h.json('PATCH', api(`/comments/${theirs.id}`), { as: personas.admin, body: { body: 'Words the member never wrote' } });
    const [entry, ...rest] = await h.store.listAudit(h.site.id, 5);
    assert.equal(rest.length, 0);
    assert.deepEqual([entry?.actorId, entry?.action, entry?.target], [personas.admin.id, 'comment.edit', `comment:${theirs.id}`]);
    assert.deepEqual(entry?.detail, { thread: 'rewritten', author: personas.member.id, status: ['published', 'published'] });
  });

  it('refuses an edit after the edit window (the server’s clock), except by an admin', async () => {
    h = await startHarness();
    const { id } = await post('window', 'Typo');
    h.clock.advance(14 * 60_000);
    await h.json('PATCH', api(`/comments/${id}`), { as: personas.member, body: { body: 'Typo fixed' } });
    h.clock.advance(2 * 60_000);
    const late = await errorOf(h.call('PATCH', api(`/comments/${id}`), { as: personas.member, body: { body: 'Too late' } }), 403);
    assert.match(late.message, /time to edit/);
    const edited = await h.json<{ body: string; editedAt: string }>('PATCH', api(`/comments/${id}`), { as: personas.admin, body: { body: 'Admin edit' } });
    assert.equal(edited.body, 'Admin edit');
    assert.equal(edited.editedAt, new Date(h.clock.now).toISOString());
  });

  it('holds comments for moderation where the site pre-moderates or a banned word says pending', async () => {
    h = await startHarness({ site: { premoderation: true } });
    assert.equal((await post('site-held', 'Hello')).status, 'pending');
    assert.equal((await post('site-held', 'Hello', personas.moderator)).status, 'published');
    await h.close();
    h = await startHarness({ site: { bannedWords: ['casino'], bannedWordsAction: 'pending' } });
    assert.equal((await post('words', 'Best CASINO bonus')).status, 'pending');
    const clean = await post('words', 'A fine day');
    assert.equal(clean.status, 'published');
    const edited = await h.json<{ status: string }>('PATCH', api(`/comments/${clean.id}`), { as: personas.member, body: { body: 'A fine casino' } });
    assert.equal(edited.status, 'pending', 'an edit cannot smuggle a banned word past moderation');
    const queue = await h.json<{ items: { target: { id: string } }[] }>('GET', api('/moderation/queue?scope=words'), { as: personas.moderator });
    assert.equal(queue.items.length, 2);
  });

  it('refuses to pin a reply as conflict', async () => {
    h = await startHarness();
    const parent = await post('pins', 'Top');
    const reply = await post('pins', 'Reply', personas.otherMember, { parentId: parent.id });
    assert.equal((await errorOf(moderate(reply.id, 'pin'), 409)).code, 'conflict');
  });

  it('lets admins alone set a thread’s own settings, which override the site’s', async () => {
    h = await startHarness({ site: { guests: true } });
    const settings = threadPath('configured') + '/settings';
    await errorOf(h.call('PUT', settings, { as: personas.moderator, body: { premoderated: true } }), 403);
    await errorOf(h.call('PUT', settings, { body: { premoderated: true } }), 401);
    await h.json('PUT', settings, { as: personas.admin, body: { premoderated: true, guests: false, reactions: ['👍', '👎'], ownerId: 'someone' }, status: 204 });
    const thread = await h.json<Record<string, unknown>>('GET', threadPath('configured'));
    assert.deepEqual(thread, { id: 'configured', locked: false, commentCount: 0, premoderated: true, ownerId: 'someone', reactions: ['👍', '👎'], guests: false });
    await errorOf(h.call('PUT', settings, { as: personas.admin, body: { reactions: ['👍', '👍'] } }), 400);
    assert.equal((await h.store.listAudit(h.site.id, 5))[0]?.action, 'thread.configure');
  });

  it('lets a thread’s own premoderated: false open it on a pre-moderated site, and null hand it back to the site', async () => {
    h = await startHarness({ site: { premoderation: true } });
    const settings = threadPath('open-here') + '/settings';
    await h.json('PUT', settings, { as: personas.admin, body: { premoderated: false }, status: 204 });
    assert.equal((await h.json<{ premoderated: boolean }>('GET', threadPath('open-here'))).premoderated, false);
    assert.equal((await post('open-here', 'Straight in')).status, 'published');
    await h.json('PUT', settings, { as: personas.admin, body: { premoderated: null }, status: 204 });
    assert.equal((await h.json<{ premoderated: boolean }>('GET', threadPath('open-here'))).premoderated, true);
    assert.equal((await post('open-here', 'Waits again', personas.otherMember)).status, 'pending');
  });

  it('refuses thread settings it would not keep: blank or control-character reactions, a guest as owner; nothing changes', async () => {
    h = await startHarness();
    const settings = threadPath('strict') + '/settings';
    const refuse = async (body: Record<string, unknown>) => (await errorOf(h.call('PUT', settings, { as: personas.admin, body }), 400)).fields ?? {};
    const blank = await refuse({ reactions: [' ', 'a\u0000b'] });
    assert.equal(blank['reactions']?.reason, 'required');
    assert.match(blank['reactions']?.message ?? '', /Reaction 1/);
    assert.equal((await refuse({ reactions: ['👍', 'a\u0000b'] }))['reactions']?.reason, 'invalid-characters');
    assert.equal((await refuse({ reactions: ['\u200b'] }))['reactions']?.reason, 'required');
    assert.equal((await refuse({ reactions: ['👍', ' 👍'] }))['reactions']?.reason, 'invalid-characters', 'a key that looks like another');
    const owner = await refuse({ ownerId: 'guest:x' });
    assert.equal(owner['ownerId']?.reason, 'invalid-format');
    assert.match(owner['ownerId']?.message ?? '', /guest:/);
    assert.equal((await refuse({ ownerId: '' }))['ownerId']?.reason, 'required');
    assert.equal((await refuse({ ownerId: 'a\nb' }))['ownerId']?.reason, 'invalid-characters');
    const thread = await h.json<{ reactions: string[]; ownerId: string | null }>('GET', threadPath('strict'));
    assert.deepEqual([thread.reactions, thread.ownerId], [['👍', '❤️', '😂', '🎉', '😮'], null]);
    await h.json('PUT', settings, { as: personas.admin, body: { reactions: ['👩‍💻', '+1'], ownerId: 'member-7' }, status: 204 });
    const saved = await h.json<{ reactions: string[]; ownerId: string | null }>('GET', threadPath('strict'));
    assert.deepEqual([saved.reactions, saved.ownerId], [['👩‍💻', '+1'], 'member-7']);
  });

  it('keeps thread ids that are paths or hold any Unicode intact through the URL', async () => {
    h = await startHarness();
    for (const thread of ['/blog/2026/hello-world?draft=1#top', 'Привет, мир 👋', 'a%2Fb and 100%']) {
      const { id } = await post(thread, `In ${thread}`);
      const fetched = await h.json<{ thread: string }>('GET', api(`/comments/${id}`));
      assert.equal(fetched.thread, thread);
      assert.equal((await h.json<{ id: string; commentCount: number }>('GET', threadPath(thread))).commentCount, 1);
    }
  });

  it('anonymises a deleted member’s comments but keeps the conversation under them (within the thread cache’s lifetime)', async () => {
    h = await startHarness({ config: { threadCacheMs: 5_000 } });
    const parent = await post('privacy', 'Something personal');
    const reply = await post('privacy', 'A reply', personas.otherMember, { parentId: parent.id });
    await h.store.deleteUser(h.site.id, personas.member.id);
    h.clock.advance(5_001);
    const page = await h.json<{ items: { id: string; deleted: boolean; body: string; author: { name: string } }[] }>('GET', threadPath('privacy') + '/comments?withReplies=true');
    assert.deepEqual(
      page.items.map((item) => [item.id, item.deleted, item.body, item.author.name]),
      [
        [parent.id, true, '', ''],
        [reply.id, false, 'A reply', personas.otherMember.name],
      ],
    );
  });
});
