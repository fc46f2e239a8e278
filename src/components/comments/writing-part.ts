/** Everything that only runs when someone acts: the composer, the delete and report dialogs, what posting, editing, reacting and moderating do, a moderator's controls, their styles and strings. */
import { commentsWritingEn } from '../../i18n/comments.writing.en.js';
import { defineComposer } from './composer.js';
import { addEnglish } from './localize.js';
import { CommentsWriting } from './writing-actions.js';
import type { WritingHost } from './writing-host.js';
import { writingStyles } from './writing.styles.js';

addEnglish(commentsWritingEn);
defineComposer();

/**
 * The writing half of one element. Its styles join the element's shadow root first, before
 * anything of this part renders there.
 */
export function createWriting(host: WritingHost): CommentsWriting {
  // Every browser these elements run in (custom states) adopts style sheets.
  const sheet = writingStyles.styleSheet;
  const root = host.el.renderRoot as ShadowRoot;
  if (sheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  return new CommentsWriting(host);
}
