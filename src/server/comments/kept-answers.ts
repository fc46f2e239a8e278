/**
 * Answers kept serialised and tagged with the cached thread state, per class of viewers who see
 * the same (`ThreadState.viewerClass`): a popular page is computed once per change, not once per
 * visitor. Viewers with a view of their own (they reacted, or wait for a pending comment) get
 * theirs kept too, within a budget, oldest forgotten first. The route handlers keep answers; the
 * fast read path (`app/fast-read.ts`) only finds them, by the same keys.
 */
import type { Actor } from '../../domain/roles.js';
import { weakTag } from '../app/etag.js';
import type { KeptAnswer, ThreadState } from './thread-state.js';

const MAX_ANSWERS = 500;
/** Per thread state: a few dozen full pages of the viewers who see the thread their own way. */
const MAX_VIEWER_ANSWER_BYTES = 2 * 1024 * 1024;

/** Where the viewer's answer for `key` lives: the shared map or the per-viewer one, and its key there. */
function slot(state: ThreadState, actor: Actor, key: string): { shared: boolean; key: string } {
  const viewer = state.viewerClass(actor);
  if (viewer === 'anonymous') return { shared: true, key };
  return { shared: viewer === 'moderator', key: `${viewer}\u0000${key}` };
}

/** The answer kept for this viewer, if any (marking it recently used). */
export function findKept(state: ThreadState, actor: Actor, key: string): KeptAnswer | undefined {
  const place = slot(state, actor, key);
  if (place.shared) return state.answers.get(place.key);
  const answers = state.viewerAnswers;
  const kept = answers.get(place.key);
  if (kept) {
    // Most recently used last: the budget forgets the first.
    answers.delete(place.key);
    answers.set(place.key, kept);
  }
  return kept;
}

/** The answer kept for this viewer, or `produce`d, serialised and kept now. */
export function keptAnswer(state: ThreadState, actor: Actor, key: string, produce: () => unknown): KeptAnswer {
  const found = findKept(state, actor, key);
  if (found) return found;
  const kept = serialise(produce);
  const place = slot(state, actor, key);
  if (place.shared) {
    if (state.answers.size < MAX_ANSWERS) state.answers.set(place.key, kept);
    return kept;
  }
  keepForViewer(state.viewerAnswers, place.key, kept);
  return kept;
}

function serialise(produce: () => unknown): KeptAnswer {
  const json = JSON.stringify(produce());
  return { body: Buffer.from(json), etag: weakTag(json) };
}

function keepForViewer(answers: Map<string, KeptAnswer>, key: string, kept: KeptAnswer): void {
  if (kept.body.byteLength > MAX_VIEWER_ANSWER_BYTES) return;
  let bytes = kept.body.byteLength;
  for (const other of answers.values()) bytes += other.body.byteLength;
  for (const [oldest, other] of answers) {
    if (bytes <= MAX_VIEWER_ANSWER_BYTES) break;
    answers.delete(oldest);
    bytes -= other.body.byteLength;
  }
  answers.set(key, kept);
}
