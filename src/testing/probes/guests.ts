import { topics, type PleinAdapter, type Viewer } from '../../adapters/contract.js';
import { check, checkEqual, fail, show } from '../assert.js';
import type { CapabilityProbes } from './types.js';

/** `signInAsGuest`, for adapters that declare `guests` (the kit only calls it then). */
export function signInAsGuest(adapter: PleinAdapter, name: string, signal?: AbortSignal): Promise<Viewer> {
  if (typeof adapter.signInAsGuest !== 'function') fail('The adapter declares guests but has no signInAsGuest method.');
  return adapter.signInAsGuest({ name }, signal ? { signal } : undefined);
}

export const guestProbes: CapabilityProbes = {
  abort: [
    {
      capabilities: ['guests'],
      method: 'signInAsGuest',
      kind: 'write',
      call: (adapter, signal) => signInAsGuest(adapter, 'Aborted Guest', signal),
      async verifyNoEffect(adapter) {
        const viewer = await adapter.getViewer();
        checkEqual(viewer, null, 'getViewer after an aborted signInAsGuest');
      },
    },
  ],

  errors: [
    {
      capabilities: ['guests'],
      title: 'a guest signs in with an empty name',
      code: 'invalid',
      field: 'name',
      provoke: async (t) => signInAsGuest(await t.open(null), ''),
    },
  ],

  triggers: [
    {
      capabilities: ['guests'],
      title: 'viewer-changed to session subscribers when a guest signs in',
      async setup(t) {
        const adapter = await t.open(null);
        return {
          listener: adapter,
          topic: topics.session(),
          fire: () => signInAsGuest(adapter, 'Realtime Guest'),
          matches: (event) => event.type === 'viewer-changed' && event.viewer?.name === 'Realtime Guest',
        };
      },
    },
  ],

  persistence: [
    {
      capabilities: ['guests'],
      title: 'a guest session',
      write: async (t) => signInAsGuest(await t.open(null), 'Persistent Guest'),
      async verify(t, written) {
        const guest = written as Viewer;
        const viewer = await (await t.open(null)).getViewer();
        check(viewer !== null, 'The guest session was gone: getViewer returned null on the new instance.');
        check(
          viewer.id === guest.id && viewer.name === guest.name && viewer.guest === true,
          `The new instance's viewer ${show(viewer)} is not the guest ${show(guest)}.`,
        );
      },
    },
  ],
};
