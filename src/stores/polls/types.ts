import type { ReadableAtom } from 'nanostores';
import type { Ballot, PleinAdapter, Poll, PollDefinition, PollVote, Viewer } from '../../adapters/contract.js';
import type { AdapterError, FieldErrors } from '../../adapters/errors.js';
import type { Decision } from '../../domain/permissions.js';

/**
 * - `idle`: nothing asked yet (the first listener loads);
 * - `loading`: the first read (or a reload) is on its way;
 * - `ready`: `$poll` holds the poll;
 * - `not-found`: no poll has this id (by reference only: a definition registers one);
 * - `error`: see `$error`; `invalid` there means the page's definition cannot work.
 */
export type PollStatus = 'idle' | 'loading' | 'ready' | 'not-found' | 'error';

/** The actions that can fail, as named in `$lastError`. */
export type PollAction = 'vote' | 'remove-vote' | 'close' | 'reopen' | 'voters';

export interface PollFailure {
  action: PollAction;
  error: AdapterError;
}

/** What a write is doing while it waits for the backend. */
export type PollPending = 'vote' | 'remove-vote' | 'close' | 'reopen' | null;

export interface VoterList {
  items: readonly PollVote[];
  cursor: string | null;
  loading: boolean;
}

/** The permission questions a poll asks about the current viewer. */
export type PollPermission = 'poll.vote' | 'poll.remove-vote' | 'poll.close' | 'poll.votes' | 'poll.results';

export interface PollStoreOptions {
  id: string;
  /**
   * A declarative definition to register on first read (`ensurePoll`); without one the poll is
   * read by reference (`getPoll`).
   */
  definition?: PollDefinition | null;
  /** The clock for closing times and rate limits; `Date.now` by default. */
  now?: () => number;
}

/**
 * One poll for one adapter: what to render and every action a voter or moderator can take.
 * Stores never touch the DOM; a component listens to the atoms and calls the actions.
 */
export interface PollStore {
  readonly adapter: PleinAdapter;
  readonly id: string;

  /** The poll as this viewer sees it, with a vote on its way already shown as cast. */
  readonly $poll: ReadableAtom<Poll | null>;
  readonly $status: ReadableAtom<PollStatus>;
  /** Why the last load failed; `null` otherwise. */
  readonly $error: ReadableAtom<AdapterError | null>;
  /**
   * The page's definition differs from the stored one and the backend kept the stored one
   * (`conflict`: the poll has votes). The poll is still shown; this explains why it differs.
   */
  readonly $definitionRefused: ReadableAtom<AdapterError | null>;
  /** `null`: an anonymous visitor. */
  readonly $viewer: ReadableAtom<Viewer | null>;
  readonly $pending: ReadableAtom<PollPending>;
  /**
   * Ballot problems by field (`choices`, `rating`), from the domain rule checked before sending
   * or from the backend's `invalid` answer. Cleared by the next vote or `clearFieldErrors()`.
   */
  readonly $fieldErrors: ReadableAtom<FieldErrors>;
  /** The last failed action that concerns no single field; cleared by `dismissError()`. */
  readonly $lastError: ReadableAtom<PollFailure | null>;
  /** Epoch milliseconds until which the backend refuses votes (rate limit); `null` when free. */
  readonly $blockedUntil: ReadableAtom<number | null>;
  /** Who voted what, for `public` polls, once `loadVoters()` was called. */
  readonly $voters: ReadableAtom<VoterList | null>;

  /** (Re)loads the viewer and the poll (registering the definition). Never rejects. */
  load(): Promise<void>;
  /**
   * Checks the ballot by the domain rule, shows it as cast at once, and sends it. Resolves with
   * the backend's poll; on failure the poll rolls back to what the backend last said, the error
   * goes to `$fieldErrors` (invalid ballot) or `$lastError`, and the promise rejects with it.
   */
  vote(ballot: Ballot): Promise<Poll>;
  /** Sends the last ballot that failed again (after a network error, say). */
  retry(): Promise<Poll>;
  /** Takes the viewer's ballot back out (polls with `allowChange`); optimistic like `vote`. */
  removeVote(): Promise<Poll>;
  /** Moderators close (`true`) or reopen (`false`) the poll. */
  setClosed(closed: boolean): Promise<Poll>;
  /** The first page of voters, or the next one when some are loaded. */
  loadVoters(): Promise<void>;
  /**
   * Every voter of a `public` poll: loads the pages not loaded yet (into `$voters` too) and
   * resolves with the whole list, each voter once. Rejects if a page fails (as `voters` in
   * `$lastError`), never with part of the list.
   */
  allVoters(): Promise<readonly PollVote[]>;
  /**
   * Problems with `ballot` by the domain rule, without sending anything. None before the poll is
   * read, nor before the store's writing half (`loadPollWriting()`), which holds the rule, is
   * here; `vote` waits for it and always checks.
   */
  check(ballot: Ballot): FieldErrors;
  clearFieldErrors(): void;
  dismissError(): void;
  /** What the current viewer may do, by the domain rules and this poll's facts. */
  can(action: PollPermission): Decision;
  /** Whether the poll is closed now: closed by a moderator, or its closing time has passed. */
  isClosed(): boolean;
  /** Stops realtime and in-flight reads; writes already sent finish. */
  dispose(): void;
}

