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
 * What an anonymous visitor, as a search engine is, would see of a thread read by someone who sees
 * more (its author, a moderator): the comments published with every comment above them published,
 * deleted ones only while such a reply hangs off them, and the counts without the rest. `comments`
 * come in reading order (every parent before its replies); a count can only leave out what was read.
 */
export function publicThread<C extends JsonLdComment & { status: string }>(comments: readonly C[], commentCount: number): { comments: C[]; commentCount: number } {
  const published = new Set<string>();
  const withheldReplies = new Map<string, number>();
  let withheld = 0;
  const candidates: C[] = [];
  for (const comment of comments) {
    if (comment.status === 'published' && (comment.parentId === null || published.has(comment.parentId))) {
      published.add(comment.id);
      candidates.push(comment);
      continue;
    }
    if (!comment.deleted) withheld++;
    if (comment.parentId !== null) withheldReplies.set(comment.parentId, (withheldReplies.get(comment.parentId) ?? 0) + 1);
  }
  // Backwards, so a deleted comment learns whether any reply below it stays before it is judged.
  const hasReply = new Set<string>();
  const kept: C[] = [];
  for (let index = candidates.length - 1; index >= 0; index--) {
    const comment = candidates[index]!;
    if (comment.deleted && !hasReply.has(comment.id)) {
      if (comment.parentId !== null) withheldReplies.set(comment.parentId, (withheldReplies.get(comment.parentId) ?? 0) + 1);
      continue;
    }
    if (comment.parentId !== null) hasReply.add(comment.parentId);
    kept.push(comment);
  }
  kept.reverse();
  return {
    comments: kept.map((comment) => {
      const less = withheldReplies.get(comment.id);
      return less ? { ...comment, replyCount: Math.max(0, comment.replyCount - less) } : comment;
    }),
    commentCount: Math.max(0, commentCount - withheld),
  };
}

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
