import { checkEqual } from '../assert.js';
import { comments, expectFixture, post, refused } from '../comment-calls.js';
import { kitThreads } from '../threads.js';
import type { Section } from './section.js';

const guests = { capabilities: ['comments', 'guests'] } as const;

export const guestCommentsSection: Section = {
  title: 'guest comments',
  register(suite) {
    suite.test('lets an anonymous visitor post under a name where the thread allows guests', guests, async (t) => {
      await expectFixture(t, 'guests');
      const visitor = await t.open(null);
      const posted = await post(visitor, 'Just passing by.', { thread: kitThreads.guests, guestName: 'Gus Guest' });
      checkEqual(posted.author.name, 'Gus Guest', 'The author’s name');
      checkEqual(posted.author.guest, true, 'author.guest');
      const viewer = await visitor.getViewer();
      checkEqual(viewer?.guest, true, 'The visitor is a guest after posting (getViewer().guest)');
      checkEqual(viewer?.id, posted.author.id, 'The guest viewer is the comment’s author');
      const edited = await comments(visitor).editComment(posted.id, { body: 'Just passing through.' });
      checkEqual(edited.body, 'Just passing through.', 'The guest’s edit of their own comment');
    });

    suite.test('refuses a guest name where the thread does not allow guests as unauthorized', guests, async (t) => {
      await refused(post(await t.open(null), 'Let me in.', { guestName: 'Gus Guest' }), 'unauthorized', 'A guest post on a members-only thread');
    });

    suite.test('refuses an empty guest name as invalid on fields.guestName', guests, async (t) => {
      await expectFixture(t, 'guests');
      await refused(
        post(await t.open(null), 'Nameless.', { thread: kitThreads.guests, guestName: '  ' }),
        'invalid',
        'A guest post without a name',
        'guestName',
      );
      checkEqual(await (await t.open(null)).getViewer(), null, 'The visitor after the refused post');
    });
  },
};
