/**
 * Q&A ordering. Answers: the accepted one first, then by score, then the earlier answer (it was
 * there first). Questions: pinned first; `top` by score with the newer question first on a tie
 * (it has had less time to collect votes); `newest` by date; `unanswered` keeps only questions
 * without answers, newest first. Ids break remaining ties so the order is total (cursor-safe).
 */
export type QuestionSort = 'top' | 'newest' | 'unanswered';

export interface AnswerSortKey {
  id: string;
  createdAt: string;
  score: number;
  accepted?: boolean;
}

export interface QuestionSortKey {
  id: string;
  createdAt: string;
  score: number;
  pinned?: boolean;
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byDate = (a: string, b: string) => Date.parse(a) - Date.parse(b);

export function compareAnswers(a: AnswerSortKey, b: AnswerSortKey): number {
  return (
    Number(b.accepted === true) - Number(a.accepted === true) ||
    b.score - a.score ||
    byDate(a.createdAt, b.createdAt) ||
    byId(a.id, b.id)
  );
}

export function compareQuestions(sort: QuestionSort): (a: QuestionSortKey, b: QuestionSortKey) => number {
  return (a, b) => {
    const pinned = Number(b.pinned === true) - Number(a.pinned === true);
    if (pinned !== 0) return pinned;
    const newest = byDate(b.createdAt, a.createdAt) || byId(b.id, a.id);
    return sort === 'top' ? b.score - a.score || newest : newest;
  };
}

export function isUnanswered(question: { answerCount: number }): boolean {
  return question.answerCount === 0;
}

/** The questions a sort shows, in its order. */
export function selectQuestions<T extends QuestionSortKey & { answerCount: number }>(
  questions: readonly T[],
  sort: QuestionSort,
): T[] {
  const shown = sort === 'unanswered' ? questions.filter(isUnanswered) : [...questions];
  return shown.sort(compareQuestions(sort));
}
