import type { Viewer } from '../contract.js';
import type { Slice } from './database.js';

export interface SessionState {
  /** This device's guest session: the name-only identity a visitor chose. */
  guest: Viewer | null;
}

function isGuest(value: unknown): value is Viewer {
  const viewer = value as Partial<Viewer> | null;
  return (
    typeof viewer?.id === 'string' && typeof viewer.name === 'string' && Array.isArray(viewer.roles) && viewer.guest === true
  );
}

export const sessionSlice: Slice<SessionState> = {
  key: 'session',
  initial: () => ({ guest: null }),
  revive: (stored) => {
    const guest = (stored as Partial<SessionState> | null)?.guest;
    if (guest === null) return { guest: null };
    return isGuest(guest) ? { guest } : undefined;
  },
};
