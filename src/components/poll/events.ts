import type { Ballot, Poll } from '../../adapters/contract.js';
import { PleinEvent } from '../../core/events.js';

export interface PleinVoteCastDetail {
  /** The poll as the backend returned it after counting the ballot. */
  poll: Poll;
  /** The ballot the viewer cast (also under `voters="anonymous"`, where the poll does not echo it). */
  ballot: Ballot;
}

/** The viewer's ballot was accepted by the backend (a first vote, or a changed one). */
export class PleinVoteCastEvent extends PleinEvent<PleinVoteCastDetail> {
  static readonly eventName = 'plein-vote-cast';
  constructor(detail: PleinVoteCastDetail) {
    super(PleinVoteCastEvent.eventName, detail);
  }
}

export interface PleinPollClosedDetail {
  /** The poll as it is now, closed. */
  poll: Poll;
  /** `moderator`: closed through this element; `elsewhere`: a realtime update; `time`: its closing time passed. */
  by: 'moderator' | 'elsewhere' | 'time';
}

/** The poll the element shows went from open to closed. */
export class PleinPollClosedEvent extends PleinEvent<PleinPollClosedDetail> {
  static readonly eventName = 'plein-poll-closed';
  constructor(detail: PleinPollClosedDetail) {
    super(PleinPollClosedEvent.eventName, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'plein-vote-cast': PleinVoteCastEvent;
    'plein-poll-closed': PleinPollClosedEvent;
  }
}
