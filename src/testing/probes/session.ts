import { checkEqual } from '../assert.js';
import { personas } from '../personas.js';
import type { CapabilityProbes } from './types.js';

export const sessionProbes: CapabilityProbes = {
  abort: [
    {
      capabilities: [],
      method: 'getViewer',
      kind: 'read',
      call: (adapter, signal) => adapter.getViewer({ signal }),
    },
    {
      capabilities: [],
      method: 'signOut',
      kind: 'write',
      open: (t) => t.open(personas.member),
      call: (adapter, signal) => adapter.signOut({ signal }),
      async verifyNoEffect(adapter) {
        checkEqual((await adapter.getViewer())?.id, personas.member.id, 'The viewer id after an aborted signOut');
      },
    },
  ],
};
