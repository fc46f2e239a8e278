import type { PleinAdapter, ReactionSummary } from '../../adapters/contract.js';
import { check, checkEqual, show } from '../assert.js';
import { comments, post, reactions, refused } from '../comment-calls.js';
import type { KitTest } from '../harness.js';
import { personas } from '../personas.js';
import { kitThreads } from '../threads.js';
import type { Section } from './section.js';

const needs = { capabilities: ['comments', 'reactions'] } as const;

async function setup(t: KitTest): Promise<{ author: PleinAdapter; id: string; key: string }> {
  const author = await t.open(personas.member);
  const { id } = await post(author, 'React to me.');
  const thread = await comments(author).getThread(kitThreads.open);
  const key = thread?.reactions[0];
  check(typeof key === 'string', `The thread should offer at least one reaction, got ${show(thread?.reactions)}.`);
  return { author, id, key };
}

function entry(summary: ReactionSummary[], key: string): ReactionSummary | undefined {
  check(Array.isArray(summary), `A reaction summary should be an array, got ${show(summary)}.`);
  return summary.find((reaction) => reaction.key === key);
}

export const reactionsSection: Section = {
  title: 'reactions',
  register(suite) {
    suite.test('turns the viewer’s reaction on and off, returning the new summary', needs, async (t) => {
      const { id, key } = await setup(t);
      const reader = await t.open(personas.otherMember);
      const on = entry(await reactions(reader).react(id, key, true), key);
      checkEqual(on?.count, 1, `The count of ${key} after reacting`);
      checkEqual(on?.mine, true, `mine for ${key} after reacting`);
      const off = entry(await reactions(reader).react(id, key, false), key);
      checkEqual(off?.count ?? 0, 0, `The count of ${key} after taking the reaction back`);
      checkEqual(off?.mine ?? false, false, 'mine after taking the reaction back');
    });

    suite.test('counts one reaction per person and key, however often it is set', needs, async (t) => {
      const { id, key } = await setup(t);
      const reader = await t.open(personas.otherMember);
      await reactions(reader).react(id, key, true);
      checkEqual(entry(await reactions(reader).react(id, key, true), key)?.count, 1, 'The count after reacting twice');
    });

    suite.test('shows everyone the count and each viewer only their own reaction as mine', needs, async (t) => {
      const { author, id, key } = await setup(t);
      await reactions(await t.open(personas.otherMember)).react(id, key, true);
      await reactions(await t.open(personas.moderator)).react(id, key, true);
      const seenByAuthor = entry((await comments(author).getComment(id))?.reactions ?? [], key);
      checkEqual(seenByAuthor?.count, 2, 'The count the author sees');
      checkEqual(seenByAuthor?.mine, false, 'mine for the author, who did not react');
      const seenByReactor = entry((await comments(await t.open(personas.otherMember)).getComment(id))?.reactions ?? [], key);
      checkEqual(seenByReactor?.mine, true, 'mine for a member who reacted');
      const listedForAnonymous = (await comments(await t.open(null)).listComments({ thread: kitThreads.open })).items;
      const anonymous = entry(listedForAnonymous.find((comment) => comment.id === id)?.reactions ?? [], key);
      checkEqual(anonymous?.count, 2, 'The count an anonymous visitor sees in the list');
      checkEqual(anonymous?.mine, false, 'mine for an anonymous visitor');
    });

    suite.test('refuses a reaction the thread does not offer as invalid on fields.key', needs, async (t) => {
      const { id } = await setup(t);
      await refused(reactions(await t.open(personas.otherMember)).react(id, 'plein-kit-not-a-reaction', true), 'invalid', 'An unknown reaction', 'key');
    });

    suite.test('refuses a reaction by an anonymous visitor as unauthorized', needs, async (t) => {
      const { id, key } = await setup(t);
      await refused(reactions(await t.open(null)).react(id, key, true), 'unauthorized', 'An anonymous reaction');
    });
  },
};
