/**
 * Instant-runoff voting for `ranked` polls. Each round counts every ballot for its highest-ranked
 * option still in the race ("continuing"); a ballot with no continuing option left is exhausted.
 * An option holding more than half of the continuing ballots wins; an option that is the only
 * one left wins too. Otherwise the last-placed option is eliminated and its ballots move on.
 *
 * Ties for last place, in this order (each step only runs when the one before left a tie):
 * 1. Batch elimination: when the tied options together hold fewer ballots than the next option
 *    up, they go together. None of them could overtake that option by collecting the others'
 *    ballots, so they would all go before it anyway; together saves rounds (a later tie-break
 *    looks back over the rounds as the table shows them). This is the
 *    "eliminated simultaneously" rule of San Francisco's ranked-choice charter section (§ 13.102).
 * 2. Backward tie-break: the tied option with the fewest ballots in the most recent earlier
 *    round where their counts differed goes, back to round 1 (first preferences). Australian
 *    Senate counts (Commonwealth Electoral Act 1918, s 273) exclude by the last count at which
 *    the tied candidates differed; Eureka, CA (Municipal Code § 37.20) likewise settles a tie
 *    between the final two by an earlier count (round one's).
 * 3. Those laws then draw lots. A poll's count must come out the same on every backend and on
 *    every recount, so the stand-in for the lot is fixed: the tied option listed last in the
 *    poll's definition goes. It never chooses among options that are all tied: when every
 *    continuing option is tied and no earlier round separates them, the count stops with no
 *    winner and reports the tie (`tied`), as `leader()` does for plurality polls.
 */
import type { TallyResult, TallyRound } from './poll-tally.js';

/** Why a round eliminated more than one option or had to choose among tied options. */
export type TieBreak = 'batch' | 'earlier-round' | 'option-order';

export interface RunoffRound extends TallyRound {
  /** Ballots counting for a continuing option this round. */
  continuing: number;
  /** Ballots with no continuing option left; `continuing + exhausted` is every valid ballot. */
  exhausted: number;
  /** Set when last place was shared and a tie-break rule chose `eliminated`. */
  tieBreak?: TieBreak;
}

export interface RunoffResult extends TallyResult {
  rounds: RunoffRound[];
  winner: string | null;
  /** The options tied when the count stopped without a winner; empty otherwise. */
  tied: string[];
}

export function instantRunoff(options: readonly string[], rankings: readonly (readonly string[])[]): RunoffResult {
  const order = [...new Set(options)];
  const known = new Set(order);
  const ballots = rankings
    .map((ranking) => [...new Set(ranking.filter((value) => known.has(value)))])
    .filter((ranking) => ranking.length > 0);
  const remaining = new Set(order);
  const rounds: RunoffRound[] = [];
  let winner: string | null = null;
  let tied: string[] = [];

  while (remaining.size > 0) {
    const counts: Record<string, number> = Object.fromEntries(order.filter((value) => remaining.has(value)).map((value) => [value, 0]));
    let continuing = 0;
    for (const ballot of ballots) {
      const choice = ballot.find((value) => remaining.has(value));
      if (choice === undefined) continue;
      counts[choice] = (counts[choice] ?? 0) + 1;
      continuing++;
    }
    const base = { counts, continuing, exhausted: ballots.length - continuing };
    const standing = Object.keys(counts);
    const top = Math.max(...Object.values(counts));
    const majority = standing.find((value) => counts[value] === top && top * 2 > continuing);
    if (continuing === 0 || majority !== undefined) {
      winner = majority ?? null;
      rounds.push({ ...base, eliminated: [] });
      break;
    }
    const out = chooseEliminated(counts, rounds, order);
    if (out === null) {
      tied = standing;
      rounds.push({ ...base, eliminated: [] });
      break;
    }
    rounds.push(out.tieBreak ? { ...base, eliminated: out.eliminated, tieBreak: out.tieBreak } : { ...base, eliminated: out.eliminated });
    for (const value of out.eliminated) remaining.delete(value);
  }

  return { total: ballots.length, counts: firstPreferences(order, rounds), rounds, winner, tied };
}

/** Who leaves this round, or `null` when every option is tied and nothing separates them. */
function chooseEliminated(
  counts: Record<string, number>,
  earlier: readonly RunoffRound[],
  order: readonly string[],
): { eliminated: string[]; tieBreak?: TieBreak } | null {
  const values = Object.values(counts);
  const lowest = Math.min(...values);
  const last = Object.keys(counts).filter((value) => counts[value] === lowest);
  if (last.length === 1) return { eliminated: last };

  const above = values.filter((count) => count > lowest);
  if (above.length > 0 && lowest * last.length < Math.min(...above)) return { eliminated: last, tieBreak: 'batch' };

  const separated = backward(last, earlier);
  if (separated.length === 1) return { eliminated: separated, tieBreak: 'earlier-round' };
  // Every continuing option tied in this round and in every earlier one: a tie, not a lot.
  if (separated.length === values.length) return null;
  return { eliminated: [listedLast(separated, order)], tieBreak: 'option-order' };
}

/** Keeps the tied options with the fewest ballots in the latest earlier round that tells them apart. */
function backward(tied: readonly string[], earlier: readonly RunoffRound[]): string[] {
  let candidates = [...tied];
  for (let index = earlier.length - 1; index >= 0 && candidates.length > 1; index--) {
    const counts = earlier[index]?.counts ?? {};
    const fewest = Math.min(...candidates.map((value) => counts[value] ?? 0));
    candidates = candidates.filter((value) => (counts[value] ?? 0) === fewest);
  }
  return candidates;
}

function listedLast(values: readonly string[], order: readonly string[]): string {
  return [...values].sort((a, b) => order.indexOf(b) - order.indexOf(a))[0] ?? '';
}

function firstPreferences(options: readonly string[], rounds: readonly TallyRound[]): Record<string, number> {
  const first = rounds[0]?.counts ?? {};
  return Object.fromEntries(options.map((value) => [value, first[value] ?? 0]));
}
