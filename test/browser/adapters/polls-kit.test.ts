import { expect } from '@open-wc/testing';
import type { Poll, RealtimeEvent } from '../../../src/adapter.js';
import { AdapterError } from '../../../src/adapter.js';
import { personas } from '../../../src/testing.js';
import { broken, expectOnlyFailures, failed, memory } from './broken-adapters.js';
import { runKit, titles } from './fake-runner.js';

const LIVE_TRIGGER = 'poll-updated with the new ballotCount, and no tally, to a member who has not voted in an after-vote poll';

describe('conformance kit: polls', () => {
  after(() => {
    for (const key of Object.keys(localStorage)) if (key.includes(':plein-kit-')) localStorage.removeItem(key);
  });

  it('passes the memory adapter on every polls check, the cross-cutting ones included', async () => {
    const results = await runKit({ name: 'memory-polls', factory: memory, persistent: true });
    expect(failed(results)).to.deep.equal([]);
    expect(titles(results, 'skipped')).to.deep.equal([]);
    const passed = titles(results, 'passed');
    expect(passed.filter((title) => title.startsWith('polls › ')).length).to.be.greaterThan(30);
    expect(passed).to.include.members([
      'abort signals › rejects vote with an AbortError when the signal is already aborted',
      'abort signals › rejects getPoll with the signal’s own reason',
      'error shapes › throws an AdapterError "invalid" with a message when a poll definition has a single option',
      `realtime › delivers ${LIVE_TRIGGER}`,
      'persistence across re-creation › keeps a poll, a ballot and a close after every instance is disposed and a new one is created',
    ]);
  });

  it('fails an adapter that shows the tally of an after-vote poll to someone who has not voted', async () => {
    const results = await runKit({
      name: 'leaks-tally',
      timeout: 1000,
      factory: broken((inner, other) => {
        const seer = other(personas.moderator);
        const leak = async (poll: Poll | null): Promise<Poll | null> => {
          if (!poll || poll.tally !== null || poll.results !== 'after-vote') return poll;
          const seen = await seer.getPoll(poll.id);
          return { ...poll, tally: seen?.tally ?? null, resultsWithheldUntil: null };
        };
        return {
          getPoll: async (id, options) => leak(await inner.getPoll(id, options)),
          vote: async (id, ballot, options) => (await leak(await inner.vote(id, ballot, options)))!,
          subscribe: (topic, onEvent) =>
            inner.subscribe(topic, (event: RealtimeEvent) => {
              if (event.type !== 'poll-updated') return onEvent(event);
              void leak(event.poll).then((poll) => onEvent({ type: 'poll-updated', poll: poll! }));
            }),
        };
      }),
      persistent: true,
    });
    expectOnlyFailures(results, [
      'polls › after-vote: no tally for a member who has not voted; the tally once they vote',
      'polls › realtime: poll-updated reaches each subscriber shaped for them (after-vote: no tally for a non-voter)',
      `realtime › delivers ${LIVE_TRIGGER}`,
      `realtime › stops delivery after unsubscribe (${LIVE_TRIGGER})`,
      `realtime › keeps delivering to other listeners when one throws (${LIVE_TRIGGER})`,
    ]);
    const leaked = results.find((result) => result.title.startsWith('polls › after-vote'));
    expect(String(leaked?.error)).to.match(/tally/);
  });

  it('fails an adapter that accepts a second ballot from someone who already voted', async () => {
    const results = await runKit({
      name: 'double-ballot',
      factory: broken((inner, other) => ({
        vote: async (id, ballot, options) => {
          try {
            return await inner.vote(id, ballot, options);
          } catch (error) {
            const poll = await inner.getPoll(id);
            if (!AdapterError.is(error) || error.code !== 'conflict' || !poll?.voted || poll.status !== 'open') throw error;
            // Counted under a made-up member, as a backend that does not check who voted would.
            await other({ id: `stuffer-${Math.random()}`, name: 'Stuffer', roles: ['member'] }).vote(id, ballot);
            return (await inner.getPoll(id))!;
          }
        },
      })),
      persistent: true,
    });
    expectOnlyFailures(results, [
      'polls › member integrity: refuses the same member’s second ballot as conflict and counts one',
      'polls › device integrity: an anonymous visitor votes once; the same device’s second ballot is a conflict',
      'polls › anonymous voters: voted is true and myBallot null after voting, and the counts are right',
      'error shapes › throws an AdapterError "conflict" with a message when a member votes twice in a poll that does not allow changes',
    ]);
  });

  it('fails an adapter that reveals a quiz’s answer before the viewer answered', async () => {
    const results = await runKit({
      name: 'quiz-spoiler',
      factory: broken((inner, other) => {
        const seer = other(personas.moderator);
        return {
          getPoll: async (id, options) => {
            const poll = await inner.getPoll(id, options);
            const seen = poll?.type === 'quiz' ? await seer.getPoll(id) : null;
            return poll && seen ? { ...poll, correct: seen.correct!, explanation: seen.explanation! } : poll;
          },
        };
      }),
      persistent: true,
    });
    expectOnlyFailures(results, ['polls › a quiz’s correct answer and explanation are absent before answering and present after']);
  });

  it('fails an adapter that lets members close polls', async () => {
    const results = await runKit({
      name: 'members-close',
      factory: broken((inner, other) => {
        const moderator = other(personas.moderator);
        return { closePoll: (id, closed, options) => inner.closePoll(id, closed, options).catch(() => moderator.closePoll(id, closed, options)) };
      }),
      persistent: true,
    });
    expectOnlyFailures(results, ['polls › closePoll: a member is forbidden; a moderator closes, ballots are then a conflict, and reopening lets them in']);
  });

  it('skips the poll checks of an adapter that does not declare polls', async () => {
    const results = await runKit({ name: 'no-polls', factory: broken((inner) => ({ supports: { ...inner.supports, polls: false } })), persistent: true });
    expect(failed(results)).to.deep.equal([]);
    expect(titles(results, 'skipped')).to.include('polls › getPoll resolves to null for an unknown id [skipped: capability not declared: polls]');
    expect(titles(results, 'passed').some((title) => title.startsWith('polls › '))).to.equal(false);
  });
});
