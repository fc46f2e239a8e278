/** The domain rules: pure, isomorphic, shared by the adapters, the server and the UI. */
export * from './roles.js';
export * from './limits.js';
export * from './permissions.js';
export * from './ordering.js';
export * from './poll-tally.js';
export * from './ranked-choice.js';
export * from './ballot.js';
export * from './qa.js';
export * from './badges.js';
export * from './leaderboard.js';
export * from './markdown/index.js';
export * from './jsonld.js';
export * from './comments.js';
export * from './comments-tree.js';
export * from './comments-screening.js';
