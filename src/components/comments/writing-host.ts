import type { CommentsStore } from '../../stores/comments/types.js';
import type { PleinComments } from './comments.component.js';
import type { DisplayTree } from './display-tree.js';
import type { CommentsLocalize } from './localize.js';

/**
 * What the lazily loaded writing part may see and do of `<plein-comments>`: the element keeps the
 * reading state (the tree, what is open, focus), the writing part asks for changes through this.
 */
export interface WritingHost {
  readonly el: PleinComments;
  readonly t: CommentsLocalize;
  store(): CommentsStore | undefined;
  tree(): DisplayTree;
  /** Opens or closes an inline reply (`replyTo`), edit (`editing`) or reaction picker (`picker`) by entry key. */
  set(view: { replyTo?: string | null; editing?: string | null; picker?: string | null }): void;
  /** The entry key whose reaction picker is open. */
  picker(): string | null;
  /** Tells the page and the reader that `action` failed. */
  failed(action: string, error: unknown): void;
  /** Says `message` through the polite live region. */
  announce(message: string): void;
  /** Focuses the comment with entry `key`, scrolling it to the middle of the screen when asked. */
  focus(key: string, scroll?: boolean): void;
  /** Runs `focus` after the next update, when what it moves to is rendered. */
  after(focus: () => void): void;
  /** Makes sure the comment with entry `key` is rendered (its thread open). */
  reveal(key: string): void;
  /** Opens the replies of the top-level comment `id`. */
  expand(id: string): void;
  /** The comments on screen (not in collapsed replies), in document order. */
  articles(): HTMLElement[];
  /** Renders every comment again: what the writing part shows beside them changed. */
  refresh(): void;
}
