import { cleanGuestName, hasIssues, validateGuestName } from '../../../domain/limits.js';
import { topics, type GuestMethods, type SessionMethods, type Viewer } from '../../contract.js';
import { AdapterError } from '../../errors.js';
import { randomId } from '../ids.js';
import type { MemoryInstance } from '../instance.js';
import { sessionSlice } from '../session-state.js';
import type { MemorySection } from './section.js';

const copy = (viewer: Viewer | null): Viewer | null => viewer && structuredClone(viewer);

/**
 * The session family: who is looking (`getViewer`), signing out, and name-only guest sessions.
 * A guest session belongs to the device (the namespace), so it survives re-creation when
 * `persist` is on and reaches the namespace's other instances that follow the device.
 */
export const sessionSection: MemorySection<SessionMethods & GuestMethods> = {
  capabilities: ['session', 'guests'],

  methods: (instance) => ({
    getViewer: (options) => instance.call('getViewer', options, () => copy(instance.viewer())),

    signInAsGuest: (input, options) =>
      instance.call('signInAsGuest', options, () => {
        const issues = validateGuestName(input?.name);
        if (hasIssues(issues)) throw AdapterError.invalid(issues);
        return structuredClone(startGuestSession(instance, input.name));
      }),

    signOut: (options) =>
      instance.call('signOut', options, () => {
        const before = instance.viewer();
        const hadGuest = instance.db.read(sessionSlice).guest !== null;
        instance.followDevice();
        if (hadGuest) {
          instance.db.update(sessionSlice, (state) => {
            state.guest = null;
          });
          deviceSessionChanged(instance);
        } else if (before !== null) {
          instance.emit(topics.session(), { type: 'viewer-changed', viewer: null });
        }
      }),
  }),

  // Device-session changes concern only the instances that follow the device (this one included),
  // each told its own, current viewer.
  shape: (topic, event, instance) => {
    if (topic !== topics.session() || event.type !== 'viewer-changed') return event;
    return instance.followsDevice ? { type: 'viewer-changed', viewer: copy(instance.viewer()) } : null;
  },
};

/**
 * Makes `name` (already validated) this device's guest and the instance follow the device, as
 * signing in as a guest does; posting a comment with a `guestName` does the same.
 */
export function startGuestSession(instance: MemoryInstance, name: string): Viewer {
  const guest: Viewer = { id: randomId('guest'), name: cleanGuestName(name), avatarUrl: null, roles: [], guest: true };
  instance.db.update(sessionSlice, (state) => {
    state.guest = guest;
  });
  instance.followDevice();
  deviceSessionChanged(instance);
  return guest;
}

function deviceSessionChanged(instance: MemoryInstance): void {
  instance.db.publish({ topic: topics.session(), event: { type: 'viewer-changed', viewer: copy(instance.viewer()) } });
}
