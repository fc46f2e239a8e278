import { commentAnchor } from './anchor.js';
import { toPlainText, parseMarkdown } from './markdown/index.js';

/** The fields structured data needs from a comment; a structural subset of the contract's Comment. */
export interface JsonLdComment {
  id: string;
  parentId: string | null;
  author: { name: string };
  body: string;
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
  reactions: { count: number }[];
  replyCount: number;
}

export interface JsonLdPage {
  /** The page's URL without its fragment; comment anchors are appended to it. */
  url: string;
  headline: string;
  commentCount: number;
  /** The thread: a page may hold several, each its own posting with its own `@id`. */
  thread?: string;
}

export { commentAnchor };

/**
 * schema.org `DiscussionForumPosting` with the nested `Comment` tree, as search engines read it.
 * Deleted comments keep their place in the tree (their replies hang off them) without text.
 */
export function discussionJsonLd(page: JsonLdPage, comments: readonly JsonLdComment[]): Record<string, unknown> {
  const children = new Map<string | null, JsonLdComment[]>();
  for (const comment of comments) {
    const siblings = children.get(comment.parentId) ?? [];
    siblings.push(comment);
    children.set(comment.parentId, siblings);
  }
  const known = new Set(comments.map((comment) => comment.id));
  const roots = comments.filter((comment) => comment.parentId === null || !known.has(comment.parentId));

  const toComment = (comment: JsonLdComment): Record<string, unknown> => {
    const replies = children.get(comment.id) ?? [];
    const likes = comment.reactions.reduce((sum, reaction) => sum + reaction.count, 0);
    return {
      '@type': 'Comment',
      '@id': `${page.url}#${commentAnchor(comment.id)}`,
      url: `${page.url}#${commentAnchor(comment.id)}`,
      ...(comment.deleted ? {} : { author: { '@type': 'Person', name: comment.author.name } }),
      text: comment.deleted ? '' : toPlainText(parseMarkdown(comment.body)),
      datePublished: comment.createdAt,
      ...(comment.editedAt ? { dateModified: comment.editedAt } : {}),
      interactionStatistic: [
        { '@type': 'InteractionCounter', interactionType: 'https://schema.org/LikeAction', userInteractionCount: likes },
        { '@type': 'InteractionCounter', interactionType: 'https://schema.org/CommentAction', userInteractionCount: comment.replyCount },
      ],
      ...(replies.length > 0 ? { comment: replies.map(toComment) } : {}),
    };
  };

  return {
    '@context': 'https://schema.org',
    '@type': 'DiscussionForumPosting',
    '@id': page.thread === undefined ? page.url : `${page.url}#plein-thread-${encodeURIComponent(page.thread)}`,
    url: page.url,
    headline: page.headline,
    commentCount: page.commentCount,
    comment: roots.map(toComment),
  };
}

/**
 * JSON for a `<script type="application/ld+json">`: `<` is escaped everywhere so no string can
 * close the script element (`</script>`) or open a comment (`<!--`), and the line separators that
 * old parsers choke on are escaped too.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
