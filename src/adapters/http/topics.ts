/**
 * Which topics go to the server's event stream. The stream refuses (400) a request naming any
 * topic it does not know, which would silence every other topic multiplexed on it, so a topic the
 * server would refuse is never sent: its listeners simply hear nothing. `session` never goes to
 * the server: the adapter itself knows when its viewer changes.
 */
import { validateThreadId } from '../../domain/thread-id.js';
import { hasIssues } from '../../domain/limits.js';

/** The server's limit of topics on one stream. */
export const MAX_STREAM_TOPICS = 50;

const KEYED = /^(thread|poll|board|badges|leaderboard):(.+)$/s;

export function isServerTopic(topic: string): boolean {
  if (topic === 'moderation') return true;
  const match = KEYED.exec(topic);
  return match !== null && !hasIssues(validateThreadId(match[2]));
}

/** The events URL for `topics`, one `topics` parameter each (thread ids may hold commas). */
export function eventsUrl(baseUrl: string, topics: readonly string[]): string {
  const query = new URLSearchParams();
  for (const topic of topics) query.append('topics', topic);
  return `${baseUrl}/events?${query.toString()}`;
}
