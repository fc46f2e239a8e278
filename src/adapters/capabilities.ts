import type { Capability } from './contract.js';

/**
 * Which methods each capability requires; `defineAdapter()` checks them. Kept apart from the
 * contract so widget pages, which only ask `supports()`, do not carry this table.
 */
export const CAPABILITY_METHODS = {
  session: ['getViewer', 'signOut'],
  guests: ['signInAsGuest'],
  comments: ['getThread', 'listComments', 'getComment', 'postComment', 'editComment', 'deleteComment'],
  reactions: ['react'],
  reports: ['report'],
  polls: ['getPoll', 'ensurePoll', 'vote', 'removeVote', 'closePoll', 'listPollVotes'],
  qa: [
    'listQuestions',
    'getQuestion',
    'askQuestion',
    'voteQuestion',
    'listAnswers',
    'answerQuestion',
    'voteAnswer',
    'acceptAnswer',
  ],
  badges: ['listBadgeDefinitions', 'listAwards'],
  leaderboard: ['getLeaderboard'],
  moderation: ['listModerationQueue', 'moderate', 'lock'],
  realtime: ['subscribe'],
} as const satisfies Record<Capability, readonly string[]>;
