import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { periodStart, rankOf, rankScores } from '../../../src/domain/leaderboard.js';

const scores = [
  { id: 'dee', score: 20 },
  { id: 'ada', score: 50 },
  { id: 'cy', score: 30 },
  { id: 'bo', score: 30 },
  { id: 'eve', score: 10 },
];
const view = (ranked: { id: string; rank: number }[]) => ranked.map((entry) => `${entry.rank}:${entry.id}`);

describe('leaderboard ranking', () => {
  it('shares a rank on a tie and skips the used places in competition ranking', () => {
    assert.deepEqual(view(rankScores(scores)), ['1:ada', '2:bo', '2:cy', '4:dee', '5:eve']);
  });

  it('does not skip places in dense ranking', () => {
    assert.deepEqual(view(rankScores(scores, 'dense')), ['1:ada', '2:bo', '2:cy', '3:dee', '4:eve']);
  });

  it('lists tied people in a stable order by id', () => {
    assert.deepEqual(view(rankScores([...scores].reverse())), view(rankScores(scores)));
  });

  it('finds the viewer’s own rank wherever they are, and none for the anonymous or unranked', () => {
    const ranked = rankScores(scores);
    assert.equal(rankOf(ranked, 'eve')?.rank, 5);
    assert.equal(rankOf(ranked, null), null);
    assert.equal(rankOf(ranked, 'zed'), null);
  });
});

describe('leaderboard periods', () => {
  const thursday = Date.parse('2026-11-26T15:30:00.000Z');

  it('starts days, weeks (on Monday), months and years at UTC midnight', () => {
    assert.equal(periodStart('day', thursday)?.toISOString(), '2026-11-26T00:00:00.000Z');
    assert.equal(periodStart('week', thursday)?.toISOString(), '2026-11-23T00:00:00.000Z');
    assert.equal(periodStart('month', thursday)?.toISOString(), '2026-11-01T00:00:00.000Z');
    assert.equal(periodStart('year', thursday)?.toISOString(), '2026-01-01T00:00:00.000Z');
    assert.equal(periodStart('all', thursday), null);
  });

  it('treats Sunday as the last day of its week', () => {
    assert.equal(periodStart('week', Date.parse('2026-11-29T23:00:00.000Z'))?.toISOString(), '2026-11-23T00:00:00.000Z');
  });
});
