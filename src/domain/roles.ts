/** Roles a signed-in person can hold; `admin` includes everything `moderator` may do. */
export type Role = 'member' | 'moderator' | 'admin';

export const ROLES: readonly Role[] = ['member', 'moderator', 'admin'];

/** Who is acting, as far as the rules care: nobody, a named guest, or a member with roles. */
export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'guest'; id: string; name: string }
  | { kind: 'member'; id: string; name: string; roles: readonly Role[] };

export const ANONYMOUS: Actor = { kind: 'anonymous' };

export function isModerator(actor: Actor): boolean {
  return actor.kind === 'member' && (actor.roles.includes('moderator') || actor.roles.includes('admin'));
}

export function isAdmin(actor: Actor): boolean {
  return actor.kind === 'member' && actor.roles.includes('admin');
}

export function actorId(actor: Actor): string | null {
  return actor.kind === 'anonymous' ? null : actor.id;
}
