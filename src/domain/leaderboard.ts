/**
 * Leaderboard ranking. Equal scores share a rank. `competition` ranking ("1224", as in sport)
 * skips the places a tie used up; `dense` ranking ("1223") does not. Within a tie people are
 * listed by id so the list does not shuffle between loads.
 */
export type RankingMode = 'competition' | 'dense';

export type LeaderboardWindow = 'day' | 'week' | 'month' | 'year' | 'all';

export interface Scored {
  id: string;
  score: number;
}

export type Ranked<T extends Scored> = T & { rank: number };

export function rankScores<T extends Scored>(items: readonly T[], mode: RankingMode = 'competition'): Ranked<T>[] {
  const sorted = [...items].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let rank = 0;
  let previous: number | undefined;
  return sorted.map((item, index) => {
    if (item.score !== previous) rank = mode === 'dense' ? rank + 1 : index + 1;
    previous = item.score;
    return { ...item, rank };
  });
}

/** The viewer's own entry, wherever it is in the list; `null` when anonymous or unranked. */
export function rankOf<T extends Scored>(ranked: readonly Ranked<T>[], viewerId: string | null): Ranked<T> | null {
  if (viewerId === null) return null;
  return ranked.find((entry) => entry.id === viewerId) ?? null;
}

/** Start (inclusive, UTC) of the period that `now` falls in; `null` for all time. Weeks start on Monday. */
export function periodStart(period: LeaderboardWindow, now: Date | number = Date.now()): Date | null {
  const date = new Date(now);
  const [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()];
  switch (period) {
    case 'day':
      return new Date(Date.UTC(year, month, day));
    case 'week':
      return new Date(Date.UTC(year, month, day - ((date.getUTCDay() + 6) % 7)));
    case 'month':
      return new Date(Date.UTC(year, month, 1));
    case 'year':
      return new Date(Date.UTC(year, 0, 1));
    case 'all':
      return null;
  }
}
