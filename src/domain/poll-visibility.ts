/**
 * Who may see a poll's results, and the one function every backend passes a poll view through
 * before answering, so counts a viewer may not see are never in the response at all.
 *
 * The rule, by the poll's `results` setting:
 * - Once the poll is closed (closed by a moderator, or its `closesAt` has passed) everyone sees
 *   the results, whatever the setting: a finished vote has nothing left to influence.
 * - Moderators and admins see results in every mode at any time: they watch for ballot stuffing
 *   and decide when to close, and `moderators` mode exists for them.
 * - The poll's author (a signed-in member) sees what a moderator sees: they own the question and
 *   follow its answers. Declarative polls registered from a page have no author, so this grants
 *   nobody anything there; API-made polls are made by moderators, who see results anyway.
 * - Everyone else: `always` at once; `after-vote` once they voted; `after-close` and `moderators`
 *   not before the close.
 *
 * A quiz's right answers, explanation and share of right answers follow the `after-vote` rule
 * whatever `results` says: they are revealed to someone who answered, to moderators and the
 * author, and to all once closed.
 */
import { actorId, isModerator, type Actor } from './roles.js';

export type ResultsSetting = 'always' | 'after-vote' | 'after-close' | 'moderators';

/** A date as an ISO string, epoch milliseconds or a Date. */
type Moment = string | number | Date;

export interface ResultsPollFacts {
  results: ResultsSetting;
  status: 'open' | 'closed';
  closesAt?: Moment | null;
  /** Who made the poll; `null` or absent for declarative polls registered from a page. */
  authorId?: string | null;
}

export interface ResultsViewerFacts {
  actor: Actor;
  /** Whether this viewer (member, or device under `device` integrity) has a ballot in the poll. */
  voted: boolean;
  now?: Moment;
}

/** What still has to happen before this viewer sees results: `null` when they see them now. */
export type ResultsWithheldUntil = 'vote' | 'close' | null;

const millis = (moment: Moment): number =>
  moment instanceof Date ? moment.getTime() : typeof moment === 'number' ? moment : Date.parse(moment);

/** Closed by a moderator, or past its closing time (the close needs no job to run). */
export function pollIsClosed(poll: Pick<ResultsPollFacts, 'status' | 'closesAt'>, now: Moment = Date.now()): boolean {
  if (poll.status === 'closed') return true;
  if (poll.closesAt === undefined || poll.closesAt === null) return false;
  const closesAt = millis(poll.closesAt);
  return Number.isFinite(closesAt) && millis(now) >= closesAt;
}

function overseer(poll: ResultsPollFacts, actor: Actor): boolean {
  if (isModerator(actor)) return true;
  const id = actorId(actor);
  return id !== null && actor.kind === 'member' && poll.authorId !== undefined && poll.authorId === id;
}

export function resultsWithheldUntil(poll: ResultsPollFacts, viewer: ResultsViewerFacts): ResultsWithheldUntil {
  if (pollIsClosed(poll, viewer.now) || overseer(poll, viewer.actor)) return null;
  switch (poll.results) {
    case 'always':
      return null;
    case 'after-vote':
      return viewer.voted ? null : 'vote';
    case 'after-close':
    case 'moderators':
      return 'close';
  }
}

export function pollResultsVisible(poll: ResultsPollFacts, viewer: ResultsViewerFacts): boolean {
  return resultsWithheldUntil(poll, viewer) === null;
}

export function quizAnswersVisible(poll: ResultsPollFacts, viewer: ResultsViewerFacts): boolean {
  return viewer.voted || pollIsClosed(poll, viewer.now) || overseer(poll, viewer.actor);
}

/** The parts of a poll view this module may withhold. */
export interface WithholdablePollView {
  tally: unknown;
  correct?: readonly string[];
  explanation?: string;
}

/**
 * The view as this viewer may receive it: no tally (`null`) while results are withheld, and no
 * quiz answers, explanation or `tally.correctShare` before they may be revealed. Returns a copy; the input is untouched.
 */
export function pollViewFor<V extends WithholdablePollView & ResultsPollFacts>(view: V, viewer: ResultsViewerFacts): V {
  const shown: V = { ...view };
  if (!pollResultsVisible(view, viewer)) shown.tally = null;
  if (!quizAnswersVisible(view, viewer)) {
    delete shown.correct;
    delete shown.explanation;
    // With the counts in view, the share who got it right tells which option is right.
    if (typeof shown.tally === 'object' && shown.tally !== null && 'correctShare' in shown.tally) {
      const { correctShare: _withheld, ...tally } = shown.tally;
      shown.tally = tally;
    }
  }
  return shown;
}
