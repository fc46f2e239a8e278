import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { PollRow } from '../../../../src/server/store/types.js';
import { at } from './fixtures.js';
import { withStore, type Fresh } from './targets.js';

function poll(overrides: Partial<PollRow> = {}): PollRow {
  return {
    siteId: 'blog',
    id: 'meetup',
    definition: { type: 'single', question: 'Where?', options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }], results: 'always', voters: 'secret', integrity: 'member' },
    authorId: null,
    closed: false,
    createdAt: at(0),
    updatedAt: at(0),
    ...overrides,
  };
}

export function pollTests(fresh: Fresh): void {
  describe('polls', () => {
    it('keeps the first definition of an id and updates definition and close state in place', async () => {
      await withStore(fresh, async (store) => {
        assert.equal(await store.insertPoll(poll()), true);
        assert.equal(await store.insertPoll(poll({ definition: { question: 'Other' } })), false);
        assert.deepEqual(await store.getPoll('blog', 'meetup'), poll());
        assert.equal(await store.getPoll('other', 'meetup'), null);
        assert.equal(await store.updatePoll('blog', 'meetup', { closed: true, updatedAt: at(1) }), true);
        assert.equal(await store.updatePoll('blog', 'missing', { closed: true, updatedAt: at(1) }), false);
        const closed = await store.getPoll('blog', 'meetup');
        assert.equal(closed?.closed, true);
        assert.equal(closed?.updatedAt, at(1));
        assert.equal(closed?.createdAt, at(0));
      });
    });

    it('stores one ballot per voter: a second is refused unless replacing, and removal says whether there was one', async () => {
      await withStore(fresh, async (store) => {
        const ballot = { siteId: 'blog', poll: 'meetup', voterKey: 'ada', ballot: { choices: ['a'] }, votedAt: at(1) };
        assert.equal(await store.putPollBallot(ballot, false), true);
        assert.equal(await store.putPollBallot({ ...ballot, ballot: { choices: ['b'] } }, false), false);
        assert.deepEqual((await store.getPollBallot('blog', 'meetup', 'ada'))?.ballot, { choices: ['a'] });
        assert.equal(await store.putPollBallot({ ...ballot, ballot: { choices: ['b'] }, votedAt: at(2) }, true), true);
        assert.deepEqual(await store.getPollBallot('blog', 'meetup', 'ada'), { ...ballot, ballot: { choices: ['b'] }, votedAt: at(2) });
        assert.deepEqual(await store.pollVotedAmong('blog', 'meetup', ['ada']), ['ada']);
        assert.equal(await store.deletePollBallot('blog', 'meetup', 'ada'), true);
        assert.equal(await store.deletePollBallot('blog', 'meetup', 'ada'), false);
        assert.deepEqual(await store.pollVotedAmong('blog', 'meetup', ['ada']), []);
      });
    });

    it('tells which of a thousand voters voted, in either kind of ballot storage', async () => {
      await withStore(fresh, async (store) => {
        const voters = Array.from({ length: 1200 }, (_, n) => `voter-${n}`);
        for (const voter of voters.filter((_, n) => n % 100 === 7)) await store.addAnonymousBallot('blog', 'secret', voter, '{"choices":["a"]}');
        await store.putPollBallot({ siteId: 'blog', poll: 'secret', voterKey: 'voter-1199', ballot: { choices: ['a'] }, votedAt: at(1) }, false);
        await store.addAnonymousBallot('blog', 'other', 'voter-0', '{"choices":["a"]}');
        const voted = await store.pollVotedAmong('blog', 'secret', voters);
        assert.deepEqual(voted.sort(), [...voters.filter((_, n) => n % 100 === 7), 'voter-1199'].sort());
        assert.deepEqual(await store.pollVotedAmong('blog', 'secret', []), []);
        assert.deepEqual(await store.pollVotedAmong('other-site', 'secret', voters), []);
      });
    });

    it('lets exactly one of several concurrent first ballots of a voter in', async () => {
      await withStore(fresh, async (store) => {
        const results = await Promise.all(
          ['a', 'b', 'a', 'b'].map((choice) => store.putPollBallot({ siteId: 'blog', poll: 'meetup', voterKey: 'ada', ballot: { choices: [choice] }, votedAt: at(1) }, false)),
        );
        assert.equal(results.filter(Boolean).length, 1);
        const anonymous = await Promise.all([1, 2, 3].map(() => store.addAnonymousBallot('blog', 'secret', 'bo', '{"choices":["a"]}')));
        assert.equal(anonymous.filter(Boolean).length, 1);
        assert.deepEqual(await store.listPollCounts('blog', 'secret'), [{ ballotKey: '{"choices":["a"]}', count: 1 }]);
      });
    });

    it('pages ballots oldest first by time, then voter', async () => {
      await withStore(fresh, async (store) => {
        for (const [voterKey, minute] of [['cy', 2], ['ada', 1], ['bo', 2], ['di', 3]] as const) {
          await store.putPollBallot({ siteId: 'blog', poll: 'meetup', voterKey, ballot: { rating: minute }, votedAt: at(minute) }, false);
        }
        await store.putPollBallot({ siteId: 'blog', poll: 'elsewhere', voterKey: 'ada', ballot: { rating: 1 }, votedAt: at(0) }, false);
        assert.deepEqual((await store.listPollBallots('blog', 'meetup')).map((row) => row.voterKey), ['ada', 'bo', 'cy', 'di']);
        const first = await store.listPollBallots('blog', 'meetup', { limit: 2 });
        assert.deepEqual(first.map((row) => row.voterKey), ['ada', 'bo']);
        const last = first.at(-1)!;
        const next = await store.listPollBallots('blog', 'meetup', { after: { votedAt: last.votedAt, voterKey: last.voterKey }, limit: 2 });
        assert.deepEqual(next.map((row) => row.voterKey), ['cy', 'di']);
      });
    });

    it('counts anonymous ballots by content and records voters apart, with nothing tying them together', async () => {
      await withStore(fresh, async (store) => {
        assert.equal(await store.addAnonymousBallot('blog', 'secret', 'ada', '{"choices":["a"]}'), true);
        assert.equal(await store.addAnonymousBallot('blog', 'secret', 'bo', '{"choices":["b"]}'), true);
        assert.equal(await store.addAnonymousBallot('blog', 'secret', 'cy', '{"choices":["a"]}'), true);
        assert.equal(await store.addAnonymousBallot('blog', 'secret', 'ada', '{"choices":["b"]}'), false, 'a voter is counted once');
        const counts = (await store.listPollCounts('blog', 'secret')).sort((x, y) => x.ballotKey.localeCompare(y.ballotKey));
        assert.deepEqual(counts, [
          { ballotKey: '{"choices":["a"]}', count: 2 },
          { ballotKey: '{"choices":["b"]}', count: 1 },
        ]);
        for (const voter of ['ada', 'bo', 'cy']) assert.deepEqual(await store.pollVotedAmong('blog', 'secret', [voter]), [voter]);
        assert.equal(await store.getPollBallot('blog', 'secret', 'ada'), null, 'no per-voter ballot exists');
        assert.deepEqual(await store.listPollBallots('blog', 'secret'), []);
      });
    });

    it('exports a member’s ballots, and for anonymous polls only that they voted', async () => {
      await withStore(fresh, async (store) => {
        await store.putPollBallot({ siteId: 'blog', poll: 'open', voterKey: 'ada', ballot: { choices: ['a'] }, votedAt: at(1) }, false);
        await store.putPollBallot({ siteId: 'blog', poll: 'open', voterKey: 'bo', ballot: { choices: ['b'] }, votedAt: at(2) }, false);
        await store.addAnonymousBallot('blog', 'secret', 'ada', '{"choices":["b"]}');
        assert.deepEqual((await store.exportUser('blog', 'ada')).polls, [
          { poll: 'open', ballot: { choices: ['a'] }, votedAt: at(1) },
          { poll: 'secret', ballot: null, votedAt: null },
        ]);
      });
    });
  });
}
