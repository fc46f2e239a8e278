/** Everything that only runs when someone acts: the composer, the delete and report dialogs, what posting, editing, reacting and moderating do, a moderator's controls, their styles and strings. */
import { commentsWritingEn } from '../../i18n/comments.writing.en.js';
import './composer.js';
import { addEnglish } from './localize.js';
import { CommentsWriting } from './writing-actions.js';
import type { WritingHost } from './writing-host.js';

addEnglish(commentsWritingEn);

export const createWriting = (host: WritingHost): CommentsWriting => new CommentsWriting(host);
export { writingStyles } from './writing.styles.js';
