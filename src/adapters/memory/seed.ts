import type { Author, Viewer } from '../contract.js';

/**
 * Starting data for a namespace that has nothing stored yet. Each section reads what it needs;
 * later families (comments, polls, …) add their own fields here.
 */
export interface MemorySeed {
  /** People who appear as authors in seeded content. The demo viewers are among them. */
  people?: Author[];
}

const member: Viewer = { id: 'demo-noor', name: 'Noor Visser', avatarUrl: null, roles: ['member'] };
const moderator: Viewer = { id: 'demo-sam', name: 'Sam Jansen', avatarUrl: null, roles: ['member', 'moderator'] };
const admin: Viewer = { id: 'demo-alex', name: 'Alex de Vries', avatarUrl: null, roles: ['member', 'admin'] };

/** One viewer per role, for demo pickers and stories (`setViewer(demoViewers.moderator)`). */
export const demoViewers: {
  readonly anonymous: null;
  readonly member: Viewer;
  readonly moderator: Viewer;
  readonly admin: Viewer;
} = Object.freeze({ anonymous: null, member, moderator, admin });

/** The seed used when none is given: a few people to fill demo pages. */
export const demoSeed: MemorySeed = {
  people: [
    member,
    moderator,
    admin,
    { id: 'demo-ada', name: 'Ada Bakker', avatarUrl: null, roles: ['member'] },
    { id: 'demo-kees', name: 'Kees Smit', avatarUrl: null, roles: ['member'] },
    { id: 'demo-yara', name: 'Yara El Amrani', avatarUrl: null, roles: ['member'] },
  ],
};
