import { expect } from '@open-wc/testing';
import { AdapterError } from '../../../src/adapters/errors.js';
import { draftStorageKey } from '../../../src/stores/comments/index.js';
import { member, RefusingStorage, rejection, settle, unique, world, type World } from './comments-helpers.js';

describe('comments store: drafts', () => {
  let w: World;
  const keys: string[] = [];
  afterEach(() => {
    w.dispose();
    for (const key of keys.splice(0)) localStorage.removeItem(key);
  });

  it('keeps drafts in localStorage under plein:draft:<thread>:<key>, one per composer', async () => {
    w = world('draft-keys', { thread: { id: unique('thread') } });
    const store = w.store(w.adapter(member), { storage: localStorage });
    keys.push(draftStorageKey(w.thread, 'root'), draftStorageKey(w.thread, 'reply:c1'), draftStorageKey(w.thread, 'edit:c2'));
    store.drafts.set('root', 'Top');
    store.drafts.set('reply:c1', 'Reply');
    store.drafts.set('edit:c2', 'Edit');
    expect(localStorage.getItem(`plein:draft:${w.thread}:root`)).to.equal('Top');
    expect(localStorage.getItem(`plein:draft:${w.thread}:reply:c1`)).to.equal('Reply');
    expect(localStorage.getItem(`plein:draft:${w.thread}:edit:c2`)).to.equal('Edit');
    store.drafts.set('root', '');
    expect(localStorage.getItem(`plein:draft:${w.thread}:root`)).to.equal(null);
    store.drafts.clear('reply:c1');
    expect(store.drafts.get('reply:c1')).to.equal('');
  });

  it('survives the store being disposed and created again (a reload)', async () => {
    w = world('draft-reload', { thread: { id: unique('thread') } });
    keys.push(draftStorageKey(w.thread, 'root'));
    const first = w.store(w.adapter(member), { storage: localStorage });
    first.drafts.set('root', 'Half a thought');
    first.dispose();
    const second = w.store(w.adapter(member), { storage: localStorage });
    expect(second.drafts.get('root')).to.equal('Half a thought');
  });

  it('holds the text of a post that storage cannot keep until the backend confirmed it', async () => {
    w = world('draft-confirm', { thread: { id: unique('thread') } });
    const storage = new RefusingStorage();
    const store = w.store(w.adapter(member, { latency: 30 }), { storage });
    await store.load();
    store.drafts.set('root', 'Worth keeping');

    w.failures.set('postComment', new AdapterError('network', 'offline'));
    await rejection(store.post({ body: 'Worth keeping', localId: 'keep' }));
    expect(store.drafts.get('root')).to.equal('Worth keeping');

    // A reload now still has the text.
    const reloaded = w.store(w.adapter(member), { storage });
    expect(reloaded.drafts.get('root')).to.equal('Worth keeping');

    w.failures.clear();
    const retrying = store.retry('keep');
    await settle(5);
    expect(store.drafts.get('root')).to.equal('Worth keeping', 'still there while the post is on its way');
    await retrying;
    expect(store.drafts.get('root')).to.equal('');
  });

  it('keeps what the writer started while an earlier post was on its way', async () => {
    w = world('draft-next', {});
    const store = w.store(w.adapter(member, { latency: 20 }));
    await store.load();
    const posting = store.post({ body: 'First thought' });
    store.drafts.set('root', 'Second thought');
    await posting;
    expect(store.drafts.get('root')).to.equal('Second thought');
  });

  it('holds the draft of a reply under reply:<parent id>', async () => {
    w = world('draft-reply', {});
    const store = w.store(w.adapter(member));
    await store.load();
    const parent = await store.post({ body: 'Parent' });
    w.failures.set('postComment', new AdapterError('unavailable', 'down'));
    await rejection(store.post({ body: 'Child', parentId: parent.id }));
    expect(store.drafts.get(`reply:${parent.id}`)).to.equal('Child');
    expect(store.drafts.get('root')).to.equal('');
  });

  it('keeps drafts in memory when storage is full, also across store re-creation', () => {
    w = world('draft-quota', { thread: { id: unique('thread') } });
    const storage = new RefusingStorage();
    const first = w.store(w.adapter(member), { storage });
    first.drafts.set('root', 'Nowhere to put this');
    expect(first.drafts.get('root')).to.equal('Nowhere to put this');
    first.dispose();
    const second = w.store(w.adapter(member), { storage });
    expect(second.drafts.get('root')).to.equal('Nowhere to put this');
    // Once storage takes writes again, the draft moves there.
    storage.refuse = null;
    second.drafts.set('root', 'Now stored');
    expect(storage.getItem(draftStorageKey(w.thread, 'root'))).to.equal('Now stored');
    second.drafts.clear('root');
    expect(second.drafts.get('root')).to.equal('');
  });

  it('keeps drafts in memory when storage refuses access altogether', () => {
    w = world('draft-security', { thread: { id: unique('thread') } });
    const storage = new RefusingStorage();
    storage.refuse = 'security';
    const store = w.store(w.adapter(member), { storage });
    expect(store.drafts.get('root')).to.equal('');
    store.drafts.set('edit:x', 'Private window');
    expect(store.drafts.get('edit:x')).to.equal('Private window');
    store.drafts.clear('edit:x');
    expect(store.drafts.get('edit:x')).to.equal('');
  });
});
