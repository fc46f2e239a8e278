import { discussionJsonLd, publicThread, serializeJsonLd } from '../../domain/jsonld.js';
import type { CommentEntry } from '../../stores/comments/types.js';

/**
 * Comments written into the structured data at most, in reading order (so every reply's parent is
 * in): enough for search engines, and a 10,000-comment thread neither adds megabytes to the page
 * nor blocks the main thread building them. `commentCount` still says how many there are.
 */
export const JSONLD_MAX_COMMENTS = 500;

/**
 * Keeps a `<script type="application/ld+json">` next to the element, in the light DOM where
 * search engines read it: schema.org `DiscussionForumPosting` with the published comments that
 * are loaded. Only what every visitor may see goes in (no pending, hidden or unsent comments).
 */
export class JsonLdScript {
  readonly #host: HTMLElement & { thread: string };
  #script: HTMLScriptElement | null = null;

  constructor(host: HTMLElement & { thread: string }) {
    this.#host = host;
  }

  /** `commentCount`: the thread's, as the viewer sees it; what only they may see is taken off. */
  write(items: readonly CommentEntry[], commentCount: number): void {
    const loaded = items.filter((entry) => !entry.local).map((entry) => entry.comment);
    const shown = publicThread(loaded, commentCount);
    const url = location.href.replace(/#.*$/, '');
    const page = { url, headline: document.title || url, commentCount: shown.commentCount, thread: this.#host.thread };
    const data = discussionJsonLd(page, shown.comments.slice(0, JSONLD_MAX_COMMENTS));
    let script = this.#script;
    if (!script || script.previousElementSibling !== this.#host) {
      script?.remove();
      script = this.#script = document.createElement('script');
      script.type = 'application/ld+json';
      script.dataset.pleinComments = '';
      this.#host.after(script);
    }
    // serializeJsonLd escapes `<`, so no comment can end the script element.
    script.textContent = serializeJsonLd(data);
  }

  remove(): void {
    this.#script?.remove();
    this.#script = null;
  }
}
