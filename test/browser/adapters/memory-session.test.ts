import { expect } from '@open-wc/testing';
import { AdapterError, topics } from '../../../src/adapter.js';
import { createMemoryAdapter, demoSeed, demoViewers, type MemoryAdapter } from '../../../src/memory.js';
import { clearTestStorage, collect, settle, uniqueNamespace, until } from './memory-helpers.js';

describe('memory adapter: session', () => {
  let open: MemoryAdapter[] = [];
  const make = (options: Parameters<typeof createMemoryAdapter>[0] = {}) => {
    const adapter = createMemoryAdapter(options);
    open.push(adapter);
    return adapter;
  };

  afterEach(() => {
    open.forEach((adapter) => adapter.dispose());
    open = [];
  });
  after(clearTestStorage);

  it('offers a demo viewer for each role, all of them people of the demo seed', () => {
    expect(demoViewers.anonymous).to.equal(null);
    expect(demoViewers.member.roles).to.deep.equal(['member']);
    expect(demoViewers.moderator.roles).to.include('moderator');
    expect(demoViewers.admin.roles).to.include('admin');
    const ids = (demoSeed.people ?? []).map((person) => person.id);
    expect(ids).to.include.members([demoViewers.member.id, demoViewers.moderator.id, demoViewers.admin.id]);
    expect(ids.length).to.be.greaterThan(3);
  });

  it('declares exactly the families it implements', () => {
    expect(make().supports).to.deep.equal({
      session: true,
      guests: true,
      realtime: true,
      comments: true,
      reactions: true,
      reports: true,
      moderation: true,
      polls: true,
    });
  });

  it('acts as the viewer it was created with, and hands out copies', async () => {
    const adapter = make({ viewer: demoViewers.moderator });
    const viewer = await adapter.getViewer();
    expect(viewer).to.deep.equal(demoViewers.moderator);
    viewer!.roles.push('admin');
    expect((await adapter.getViewer())?.roles).to.deep.equal(['member', 'moderator']);
  });

  it('setViewer switches the viewer and tells only that instance’s subscribers', async () => {
    const namespace = uniqueNamespace('set-viewer');
    const a = make({ namespace });
    const b = make({ namespace });
    const heardByA = collect(a, topics.session());
    const heardByB = collect(b, topics.session());
    a.setViewer(demoViewers.admin);
    await until(() => heardByA.length === 1);
    await settle();
    expect(heardByA[0]).to.deep.equal({ type: 'viewer-changed', viewer: demoViewers.admin });
    expect(heardByB).to.deep.equal([]);
    expect((await a.getViewer())?.id).to.equal(demoViewers.admin.id);
    expect(await b.getViewer()).to.equal(null);
  });

  it('setViewer(null) makes the instance anonymous even when the device has a guest session', async () => {
    const adapter = make({ namespace: uniqueNamespace('anon') });
    await adapter.signInAsGuest({ name: 'Gina' });
    adapter.setViewer(null);
    expect(await adapter.getViewer()).to.equal(null);
  });

  it('signs a member out and tells subscribers the viewer is now nobody', async () => {
    const adapter = make({ viewer: demoViewers.member });
    const heard = collect(adapter, topics.session());
    await adapter.signOut();
    expect(await adapter.getViewer()).to.equal(null);
    await until(() => heard.length === 1);
    expect(heard[0]).to.deep.equal({ type: 'viewer-changed', viewer: null });
  });

  it('refuses a too-long guest name with the domain’s field error', async () => {
    const error = await make()
      .signInAsGuest({ name: 'x'.repeat(51) })
      .catch((caught: unknown) => caught);
    expect(AdapterError.is(error)).to.equal(true);
    expect((error as AdapterError).fields['name']).to.include({ reason: 'too-long' });
    expect((error as AdapterError).fields['name']?.params).to.deep.equal({ max: 50, length: 51 });
  });

  it('tells the namespace’s other anonymous instances about a new guest, but not signed-in ones', async () => {
    const namespace = uniqueNamespace('device');
    const [signer, sameDevice, member] = [make({ namespace }), make({ namespace }), make({ namespace, viewer: demoViewers.member })];
    const heardBySameDevice = collect(sameDevice, topics.session());
    const heardByMember = collect(member, topics.session());
    const guest = await signer.signInAsGuest({ name: '  Gina   Guest ' });
    expect(guest.name).to.equal('Gina Guest');
    await until(() => heardBySameDevice.length === 1);
    await settle();
    expect(heardBySameDevice[0]).to.deep.equal({ type: 'viewer-changed', viewer: guest });
    expect(heardByMember).to.deep.equal([]);
    expect((await sameDevice.getViewer())?.id).to.equal(guest.id);
    expect((await member.getViewer())?.id).to.equal(demoViewers.member.id);
  });

  it('keeps a guest session across re-creation when persisted', async () => {
    const namespace = uniqueNamespace('persisted');
    const first = createMemoryAdapter({ namespace, persist: true });
    const guest = await first.signInAsGuest({ name: 'Gina' });
    first.dispose();
    const again = make({ namespace, persist: true });
    expect(await again.getViewer()).to.deep.equal(guest);
  });

  it('forgets a guest session once every instance of an unpersisted namespace is disposed', async () => {
    const namespace = uniqueNamespace('volatile');
    const first = createMemoryAdapter({ namespace });
    const second = createMemoryAdapter({ namespace });
    const guest = await first.signInAsGuest({ name: 'Gina' });
    first.dispose();
    const third = make({ namespace });
    expect((await third.getViewer())?.id, 'kept while another instance is open').to.equal(guest.id);
    second.dispose();
    third.dispose();
    expect(await make({ namespace }).getViewer()).to.equal(null);
  });

  it('keeps namespaces apart', async () => {
    await make({ namespace: uniqueNamespace('one') }).signInAsGuest({ name: 'Gina' });
    expect(await make({ namespace: uniqueNamespace('two') }).getViewer()).to.equal(null);
  });
});
