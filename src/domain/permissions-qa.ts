/** Who may read, ask, answer, accept answers and vote on a Q&A board. Composed by `permissions.ts`. */
import {
  all,
  ALLOW,
  deny,
  member,
  notDeleted,
  notOwn,
  participant,
  signedIn,
  unlocked,
  visible,
  type ContentFacts,
  type PlaceFacts,
  type RuleTable,
} from './permission-checks.js';
import { actorId, isModerator } from './roles.js';

export interface AcceptFacts {
  questionAuthorId: string | null;
  locked?: boolean;
}

export interface QaResources {
  'qa.read': ContentFacts;
  'qa.ask': PlaceFacts;
  'qa.answer': PlaceFacts;
  'qa.accept': AcceptFacts;
  'qa.vote': ContentFacts & PlaceFacts;
}

export const QA_RULES: RuleTable<QaResources> = {
  'qa.read': visible,
  'qa.ask': (actor, place) => all(participant(actor, place), unlocked(actor, place)),
  'qa.answer': (actor, place) => all(participant(actor, place), unlocked(actor, place)),
  'qa.accept': (actor, facts) =>
    all(
      signedIn(actor),
      facts === undefined || isModerator(actor) || facts.questionAuthorId === actorId(actor) ? ALLOW : deny('not-owner'),
      unlocked(actor, facts),
    ),
  'qa.vote': (actor, post) => all(member(actor), notDeleted(post), notOwn(actor, post), unlocked(actor, post)),
};
