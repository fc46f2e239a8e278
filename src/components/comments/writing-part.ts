/** Everything that only runs when someone acts: the composer, the delete and report dialogs, their styles and strings. */
import { commentsWritingEn } from '../../i18n/comments.writing.en.js';
import './composer.js';
import { addEnglish } from './localize.js';

addEnglish(commentsWritingEn);

export { dialogContent } from './dialogs.js';
export { writingStyles } from './writing.styles.js';
