import type { Viewer } from '../adapters/contract.js';

/**
 * The people the kit plays. A factory turns each into a signed-in adapter however its backend
 * does sign-in (a test token, a session cookie, …); `anonymous` means nobody is signed in.
 */
export interface Personas {
  readonly anonymous: null;
  readonly member: Viewer;
  readonly otherMember: Viewer;
  readonly moderator: Viewer;
  readonly admin: Viewer;
}

export const personas: Personas = Object.freeze<Personas>({
  anonymous: null,
  member: { id: 'plein-kit-mira', name: 'Mira Member', avatarUrl: null, roles: ['member'] },
  otherMember: { id: 'plein-kit-otto', name: 'Otto Other', avatarUrl: null, roles: ['member'] },
  moderator: { id: 'plein-kit-mo', name: 'Mo Moderator', avatarUrl: null, roles: ['member', 'moderator'] },
  admin: { id: 'plein-kit-ada', name: 'Ada Admin', avatarUrl: null, roles: ['member', 'admin'] },
});
