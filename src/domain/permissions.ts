/**
 * Who may do what, for the whole product, in one place: the memory adapter and the server enforce
 * it, the UI asks it to decide which controls to offer and to explain a refusal.
 *
 * `can(actor, action)` without a resource answers "could this person ever do this?" (show the
 * button?); with the resource it answers for that comment, poll or question (ownership, edit
 * window, locks, poll state). A refusal names its reason so a UI can explain it.
 *
 * Roles, from least to most: anonymous (reads only, and votes in polls whose integrity is
 * `device`), guest (a name only: posts, asks and answers where the site allows guests; edits and
 * deletes their own posts), member (also reacts, reports, votes), moderator (also moderates, locks,
 * pins, closes polls, posts in locked places, sees every result and hidden content), admin
 * (everything, including editing anyone's comment at any time and assigning roles).
 *
 * The rules of each area live in their own table (`permissions-comments.ts`, `-polls`, `-qa`,
 * `-moderation`) so a widget's page can load only its own; this module joins them.
 */
import type { Decision, RuleTable } from './permission-checks.js';
import { COMMENT_RULES, type CommentResources } from './permissions-comments.js';
import { MODERATION_RULES, type ModerationResources } from './permissions-moderation.js';
import { POLL_RULES, type PollResources } from './permissions-polls.js';
import { QA_RULES, type QaResources } from './permissions-qa.js';
import type { Actor } from './roles.js';

export type { ClockFacts, ContentFacts, Decision, DenyReason, Instant, PlaceFacts } from './permission-checks.js';
export type { PollFacts } from './permissions-polls.js';
export type { AcceptFacts } from './permissions-qa.js';

/** Each action and the facts about its resource that the rule can take into account. */
export interface PermissionResources extends CommentResources, PollResources, QaResources, ModerationResources {}

export type PermissionAction = keyof PermissionResources;

const RULES: RuleTable<PermissionResources> = { ...COMMENT_RULES, ...POLL_RULES, ...QA_RULES, ...MODERATION_RULES };

export const PERMISSION_ACTIONS = /* @__PURE__ */ Object.keys(RULES) as PermissionAction[];

export function can<A extends PermissionAction>(actor: Actor, action: A, resource?: PermissionResources[A]): Decision {
  const rule = RULES[action] as (actor: Actor, facts?: PermissionResources[A]) => Decision;
  return rule(actor, resource);
}
