import type { SeedComment, SeedThread } from './seed.js';

const MINUTE = 60_000;

/**
 * The demo pages' thread (`namespace: 'plein-demo'`, `thread: 'welcome'`). Times are relative to
 * when the page loaded, so the demo always looks alive and the member's own last comment is still
 * inside the edit window.
 */
export function welcomeThread(now = Date.now()): { threads: SeedThread[]; comments: SeedComment[] } {
  const ago = (minutes: number) => new Date(now - minutes * MINUTE).toISOString();
  return {
    threads: [{ id: 'welcome', ownerId: 'demo-sam', guests: true }],
    comments: [
      {
        id: 'welcome-1',
        thread: 'welcome',
        author: 'demo-sam',
        createdAt: ago(2 * 24 * 60),
        pinned: true,
        body:
          'Welcome to the **Plein** demo! Everything here runs in your browser: post, reply and react, ' +
          'nothing leaves this page.\n\nComments take a little Markdown: *emphasis*, `code`, ' +
          '[links](https://example.org) and\n\n> quotes',
        reactions: { '👍': ['demo-noor', 'demo-ada', 'demo-kees', 'demo-yara'], '🎉': ['demo-ada', 'demo-alex'] },
      },
      {
        id: 'welcome-2',
        thread: 'welcome',
        parentId: 'welcome-1',
        author: 'demo-ada',
        createdAt: ago(26 * 60),
        body: 'It loads instantly and follows the page’s own fonts. No iframe in sight.',
        reactions: { '❤️': ['demo-sam'] },
      },
      {
        id: 'welcome-3',
        thread: 'welcome',
        parentId: 'welcome-2',
        author: 'demo-noor',
        createdAt: ago(20 * 60),
        body: 'And it switches to dark with my system setting.',
      },
      {
        id: 'welcome-4',
        thread: 'welcome',
        author: 'demo-kees',
        createdAt: ago(22 * 60),
        body: 'Does it keep my draft if I reload the page? Asking for a friend who lost a long comment last week.',
        reactions: { '😂': 3, '👍': ['demo-sam'] },
      },
      {
        id: 'welcome-5',
        thread: 'welcome',
        parentId: 'welcome-4',
        author: 'demo-yara',
        createdAt: ago(21 * 60),
        body: 'It does: the draft stays until the server has confirmed the comment. Even offline.',
        reactions: { '❤️': ['demo-kees'] },
      },
      {
        id: 'welcome-6',
        thread: 'welcome',
        author: 'demo-kees',
        createdAt: ago(10 * 60),
        deleted: true,
        body: '',
      },
      {
        id: 'welcome-7',
        thread: 'welcome',
        parentId: 'welcome-6',
        author: 'demo-ada',
        createdAt: ago(9 * 60),
        body: 'The comment above was deleted by its author; replies stay readable under a placeholder.',
      },
      {
        id: 'welcome-8',
        thread: 'welcome',
        author: 'demo-ada',
        createdAt: ago(5),
        status: 'pending',
        body: 'Comments can wait for a moderator before anyone else sees them. Sign in as the moderator to approve this one.',
      },
      {
        id: 'welcome-9',
        thread: 'welcome',
        author: 'demo-noor',
        createdAt: ago(3),
        body: 'My own comment: I can still edit it for a few minutes.',
      },
    ],
  };
}
