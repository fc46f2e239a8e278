/**
 * The questions a comment thread asks (its comments, and moderating and locking it), answered by
 * the same rules as `can` but without the poll and Q&A tables, so a comments page loads only these.
 */
import type { Decision } from './permission-checks.js';
import { COMMENT_RULES, type CommentResources } from './permissions-comments.js';
import { MODERATION_RULES, type ModerationResources } from './permissions-moderation.js';
import type { Actor } from './roles.js';

export interface ThreadResources extends CommentResources, ModerationResources {}

const THREAD_RULES = { ...COMMENT_RULES, ...MODERATION_RULES };

export function canInThread<A extends keyof ThreadResources>(actor: Actor, action: A, resource?: ThreadResources[A]): Decision {
  const rule = THREAD_RULES[action] as (actor: Actor, facts?: ThreadResources[A]) => Decision;
  return rule(actor, resource);
}
