import { check, checkEqual, show } from '../assert.js';
import { moderation, post, refused, reports } from '../comment-calls.js';
import { personas } from '../personas.js';
import type { Section } from './section.js';

const needs = { capabilities: ['comments', 'reports'] } as const;

export const reportsSection: Section = {
  title: 'reports',
  register(suite) {
    suite.test('lets a member report another member’s comment', needs, async (t) => {
      const { id } = await post(await t.open(personas.member), 'Buy cheap watches!');
      await reports(await t.open(personas.otherMember)).report(id, { reason: 'spam', note: 'Advertising.' });
    });

    suite.test('puts a reported comment in the moderation queue with the reason', { capabilities: ['comments', 'reports', 'moderation'] }, async (t) => {
      const { id } = await post(await t.open(personas.member), 'Buy cheap watches!');
      await reports(await t.open(personas.otherMember)).report(id, { reason: 'spam' });
      const queue = await moderation(await t.open(personas.moderator)).listModerationQueue({});
      const item = queue.items.find((entry) => entry.target.kind === 'comment' && entry.target.id === id);
      check(item !== undefined, `The reported comment is missing from the queue: ${show(queue.items)}.`);
      check(item.reports.some((report) => report.reason === 'spam'), `The queue item should carry the reason "spam": ${show(item.reports)}.`);
      checkEqual(item.status, 'published', 'The status of a reported, published comment');
    });

    suite.test('refuses a report by an anonymous visitor as unauthorized', needs, async (t) => {
      const { id } = await post(await t.open(personas.member), 'Hello.');
      await refused(reports(await t.open(null)).report(id, { reason: 'abuse' }), 'unauthorized', 'An anonymous report');
    });

    suite.test('refuses a report without a known reason as invalid on fields.reason', needs, async (t) => {
      const { id } = await post(await t.open(personas.member), 'Hello.');
      const reason = 'because' as 'other';
      await refused(reports(await t.open(personas.otherMember)).report(id, { reason }), 'invalid', 'A report with an unknown reason', 'reason');
    });

    suite.test('refuses a report of an unknown comment as not-found', needs, async (t) => {
      await refused(
        reports(await t.open(personas.otherMember)).report('plein-kit-no-such-comment', { reason: 'spam' }),
        'not-found',
        'Reporting an unknown comment',
      );
    });
  },
};
