/** Moderation, locks and role assignment: moderators' and admins' actions. Composed by `permissions.ts`. */
import { admin, moderator, type NoFacts, type RuleTable } from './permission-checks.js';

export interface ModerationResources {
  'moderation.queue': NoFacts;
  'moderation.approve': NoFacts;
  'moderation.hide': NoFacts;
  'moderation.pin': NoFacts;
  'moderation.unpin': NoFacts;
  'thread.lock': NoFacts;
  'board.lock': NoFacts;
  'roles.assign': NoFacts;
}

export const MODERATION_RULES: RuleTable<ModerationResources> = {
  'moderation.queue': moderator,
  'moderation.approve': moderator,
  'moderation.hide': moderator,
  'moderation.pin': moderator,
  'moderation.unpin': moderator,
  'thread.lock': moderator,
  'board.lock': moderator,
  'roles.assign': admin,
};
