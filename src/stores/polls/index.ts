/**
 * The polls store: one poll for one adapter, as nanostores atoms and plain actions.
 * `<plein-poll>` renders it; anything else (another framework's component, a test) can too.
 */
export { createPollStore, loadPollWriting } from './store.js';
export type {
  PollAction,
  PollFailure,
  PollPending,
  PollPermission,
  PollStatus,
  PollStore,
  PollStoreOptions,
  VoterList,
} from './types.js';
