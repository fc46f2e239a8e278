/**
 * Instant-runoff voting for `ranked` polls. Each round counts every ballot for its highest-ranked
 * option still in the race; an option with more than half of the ballots still counting wins;
 * otherwise the last-placed option is eliminated and its ballots move to their next choice.
 *
 * A tie for last place is broken by the earlier rounds (the option that did worse most recently
 * goes); when the rounds cannot separate them, all tied options are eliminated together. When
 * every remaining option is tied, there is no winner.
 */
import type { TallyResult, TallyRound } from './poll-tally.js';

export function instantRunoff(options: readonly string[], rankings: readonly (readonly string[])[]): TallyResult {
  const known = new Set(options);
  const ballots = rankings
    .map((ranking) => [...new Set(ranking.filter((value) => known.has(value)))])
    .filter((ranking) => ranking.length > 0);
  const remaining = new Set(options);
  const rounds: TallyRound[] = [];
  let winner: string | null = null;

  while (remaining.size > 0) {
    const counts: Record<string, number> = Object.fromEntries([...remaining].map((value) => [value, 0]));
    let active = 0;
    for (const ballot of ballots) {
      const choice = ballot.find((value) => remaining.has(value));
      if (choice === undefined) continue;
      counts[choice] = (counts[choice] ?? 0) + 1;
      active++;
    }
    const values = Object.values(counts);
    const top = Math.max(...values);
    const majority = Object.keys(counts).find((value) => counts[value] === top && top * 2 > active);
    if (active === 0 || majority !== undefined) {
      winner = majority ?? null;
      rounds.push({ counts, eliminated: [] });
      break;
    }
    const lowest = Math.min(...values);
    const last = Object.keys(counts).filter((value) => counts[value] === lowest);
    if (last.length === remaining.size) {
      rounds.push({ counts, eliminated: [] });
      break;
    }
    const eliminated = breakTie(last, rounds);
    rounds.push({ counts, eliminated });
    for (const value of eliminated) remaining.delete(value);
  }

  return { total: ballots.length, counts: firstPreferences(options, rounds), rounds, winner };
}

function breakTie(tied: string[], earlier: readonly TallyRound[]): string[] {
  let candidates = tied;
  for (let index = earlier.length - 1; index >= 0 && candidates.length > 1; index--) {
    const counts = earlier[index]?.counts ?? {};
    const fewest = Math.min(...candidates.map((value) => counts[value] ?? 0));
    candidates = candidates.filter((value) => (counts[value] ?? 0) === fewest);
  }
  return candidates;
}

function firstPreferences(options: readonly string[], rounds: readonly TallyRound[]): Record<string, number> {
  const first = rounds[0]?.counts ?? {};
  return Object.fromEntries(options.map((value) => [value, first[value] ?? 0]));
}
