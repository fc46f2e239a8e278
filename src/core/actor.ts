import type { Viewer } from '../adapters/contract.js';
import type { Actor } from '../domain/roles.js';

/** The domain's actor for the viewer a backend reported: every store asks the rules with it. */
export function actorOf(viewer: Viewer | null): Actor {
  if (!viewer) return { kind: 'anonymous' };
  if (viewer.guest) return { kind: 'guest', id: viewer.id, name: viewer.name };
  return { kind: 'member', id: viewer.id, name: viewer.name, roles: viewer.roles };
}
