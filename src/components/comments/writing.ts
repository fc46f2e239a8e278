import { loadCommentsWriting } from '../../stores/comments/index.js';

/**
 * The writing part of `<plein-comments>` (the composer with its tabs, counter, validation and
 * shortcuts, the delete and report dialogs, reactions and moderation, the store's posting and
 * changes) is its own chunk: a reader who only reads never downloads it. The element asks for it at
 * the first sign that someone may act (pointer over or focus in the widget, a saved draft, a reply,
 * edit, report or delete asked for), or with the first page for a moderator, whose controls come
 * with it, so it is there by the time they need it.
 */
type WritingPart = typeof import('./writing-part.js');

let chunk: Promise<WritingPart> | undefined;
let part: WritingPart | undefined;

/** The loaded part, or `undefined` while it is not there. */
export const writingPart = (): WritingPart | undefined => part;

/** Whether `<plein-comments-composer>` is defined, so a composer can be rendered at once. */
export const writingLoaded = (): boolean => part !== undefined;

/** Loads the writing part once; a failed load is forgotten, so the next call tries again. */
export function loadWriting(): Promise<WritingPart> {
  // The store's writing half comes alongside, so a post or a change shows at once.
  return (chunk ??= Promise.all([import('./writing-part.js'), loadCommentsWriting()]).then(
    ([module]) => (part = module),
    (error: unknown) => {
      chunk = undefined;
      throw error;
    },
  ));
}
