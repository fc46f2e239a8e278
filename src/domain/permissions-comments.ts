/** Who may read, write, edit, delete, react to and report comments. Composed by `permissions.ts`. */
import { EDIT_WINDOW_MS } from './edit-window.js';
import {
  ALLOW,
  all,
  deny,
  member,
  notDeleted,
  notOwn,
  owner,
  participant,
  toMillis,
  unlocked,
  visible,
  type ClockFacts,
  type ContentFacts,
  type Decision,
  type PlaceFacts,
  type RuleTable,
} from './permission-checks.js';
import { isAdmin, isModerator } from './roles.js';

export interface CommentResources {
  'comment.read': ContentFacts;
  'comment.post': PlaceFacts;
  'comment.edit': ContentFacts & PlaceFacts & ClockFacts;
  'comment.delete': ContentFacts & PlaceFacts;
  'comment.react': ContentFacts & PlaceFacts;
  'comment.report': ContentFacts;
}

function withinEditWindow(content?: ContentFacts & ClockFacts): Decision {
  if (content?.createdAt === undefined) return ALLOW;
  const now = toMillis(content.now ?? Date.now());
  const window = content.editWindowMs ?? EDIT_WINDOW_MS;
  return now - toMillis(content.createdAt) <= window ? ALLOW : deny('edit-window-passed');
}

export const COMMENT_RULES: RuleTable<CommentResources> = {
  'comment.read': visible,
  // A closed thread first: signing in would not help a visitor there, so they are not asked to.
  'comment.post': (actor, place) => all(unlocked(actor, place), participant(actor, place)),
  'comment.edit': (actor, comment) =>
    isAdmin(actor)
      ? notDeleted(comment)
      : all(
          participant(actor, comment),
          notDeleted(comment),
          owner(actor, comment),
          unlocked(actor, comment),
          withinEditWindow(comment),
        ),
  'comment.delete': (actor, comment) =>
    all(
      participant(actor, comment),
      notDeleted(comment),
      isModerator(actor) ? ALLOW : all(owner(actor, comment), unlocked(actor, comment)),
    ),
  'comment.react': (actor, comment) => all(unlocked(actor, comment), member(actor), notDeleted(comment)),
  'comment.report': (actor, comment) => all(member(actor), notDeleted(comment), notOwn(actor, comment)),
};
