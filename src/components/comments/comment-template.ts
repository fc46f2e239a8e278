import { html, nothing, type TemplateResult } from 'lit';
import type { Thread, Viewer } from '../../adapters/contract.js';
import { renderMarkdown } from '../../core/markdown.js';
import { commentAnchor } from '../../domain/anchor.js';
import { commentsEn, type CommentsKey } from '../../i18n/comments.en.js';
import type { CommentsStore } from '../../stores/comments/types.js';
import { avatarHue } from '../avatar/avatar-color.js';
import { initials } from '../avatar/initials.js';
import type { DisplayNode } from './display-tree.js';
import type { CommentsLocalize } from './localize.js';

/** What a comment's template needs besides the comment; one object per render of the element. */
export interface CommentContext {
  readonly localize: CommentsLocalize;
  readonly store: CommentsStore;
  readonly viewer: Viewer | null;
  readonly thread: Thread | null;
  readonly readonly: boolean;
  /** Guests may post here (the name field stands in for signing in). */
  readonly guests: boolean;
  readonly now: number;
  /** Seconds until posting is allowed again (rate limit), 0 when free. */
  readonly wait: number;
  /** The edit composer for a comment being edited. */
  readonly editor: (node: DisplayNode) => TemplateResult | typeof nothing;
  /** The sending or failed line of the viewer's unconfirmed comment. */
  readonly status: (node: DisplayNode) => TemplateResult | typeof nothing;
  /** A moderator's buttons for a comment. */
  readonly moderation: (node: DisplayNode) => TemplateResult[];
}

/**
 * Per-comment view state as one short string, so `guard()` compares it cheaply: `e` editing,
 * `h` highlighted (permalink target), `p` reaction picker open, `c` or `r` the note that only
 * members can comment or react (an anonymous visitor asked, and the page offered no sign-in).
 */
export type UiFlags = string;

const hideBroken = (event: Event) => ((event.target as HTMLElement).hidden = true);

export function button(action: string, key: string, label: string, name = label, extra = ''): TemplateResult {
  return html`<button type="button" part="action action-${action}" class="link${extra}" data-a=${action} data-k=${key} aria-label=${name === label ? nothing : name}>${label}</button>`;
}

/**
 * One comment as an `<article>`: avatar, author with role chips, permalinked time, badges, the
 * Markdown body (through the one renderer: user text never becomes HTML), reactions and actions.
 * Buttons carry `data-a` (action) and `data-k` (entry key); the element handles clicks in one
 * delegated listener, so ten thousand comments bind no listeners of their own.
 */
export function commentTemplate(context: CommentContext, node: DisplayNode, ui: UiFlags): TemplateResult {
  const { localize: t, viewer, thread } = context;
  const { entry } = node;
  const comment = entry.comment;
  const key = entry.key;
  const anchor = commentAnchor(comment.id);
  const highlighted = ui.includes('h');
  const base = `comment${highlighted ? ' highlighted' : ''}`;

  // Templates are written without whitespace between tags: ten thousand comments would
  // otherwise carry tens of thousands of empty text nodes (spacing comes from CSS gaps).
  if (comment.deleted) {
    return html`<article part="${base} deleted" class="${base} deleted" id=${anchor} data-k=${key} tabindex="-1" aria-label=${t.t('deleted')}
      ><p part="body" class="body muted">${t.t('deleted')}</p></article
    >`;
  }

  const author = comment.author;
  const name = author.name;
  const mine = viewer !== null && author.id === viewer.id;
  const local = entry.local;
  const status = comment.status;
  const parts = `${base}${status === 'published' ? '' : ` ${status}`}${comment.pinned ? ' pinned' : ''}${mine ? ' mine' : ''}${local ? ` ${local}` : ''}`;

  // Chips before the time and badges after it, each kind in one part: most comments have none,
  // and each part costs two markers.
  const chips: TemplateResult[] = [];
  const badges: TemplateResult[] = [];
  const label = (into: TemplateResult[], part: string, css: string, text: string) =>
    into.push(html`<span part=${part} class=${css}>${text}</span>`);
  if (thread?.ownerId && thread.ownerId === author.id) label(chips, 'chip chip-author', 'chip accent', t.t('role.author'));
  if (author.roles?.some((role) => role === 'moderator' || role === 'admin')) label(chips, 'chip chip-moderator', 'chip', t.t('role.moderator'));
  if (author.guest) label(chips, 'chip chip-guest', 'chip', t.t('role.guest'));
  if (comment.editedAt) {
    badges.push(
      html`<time part="edited" class="muted" datetime=${comment.editedAt} title=${t.t('edited-at', { time: t.dateTime(comment.editedAt) })}
        >${t.t('edited')}</time
      >`,
    );
  }
  if (comment.pinned) label(badges, 'badge badge-pinned', 'badge', t.t('pinned'));
  if (status === 'pending') label(badges, 'badge badge-pending', 'badge warning', t.t('pending'));
  if (status === 'hidden') label(badges, 'badge badge-hidden', 'badge danger', t.t('hidden'));

  return html`<article
    part=${parts}
    class="comment status-${status}${local ? ` ${local}` : ''}${highlighted ? ' highlighted' : ''}"
    id=${anchor}
    data-k=${key}
    tabindex="-1"
    aria-label=${t.t('comment-by', { name })}
    ><span part="avatar" class="avatar" .style=${`--h:${avatarHue(name)}`} aria-hidden="true"
      >${initialsOf(name, t.lang)}${author.avatarUrl
        ? html`<img src=${author.avatarUrl} alt="" loading="lazy" decoding="async" @error=${hideBroken} />`
        : nothing}</span
    ><div class="main"
      ><div part="meta" class="meta"
        ><bdi part="author" class="author">${name}</bdi>${chips}<a part="permalink" class="time" href="#${anchor}"
          ><time datetime=${comment.createdAt} title=${t.dateTime(comment.createdAt, { dateStyle: 'full', timeStyle: 'short' })}
            >${t.relativeTime(comment.createdAt, context.now)}</time
          ></a
        >${badges}</div
      >${node.flattened && comment.replyTo
        ? html`<p part="replying-to" class="replying-to muted">${t.t('replying-to', { name: comment.replyTo.name })}</p>`
        : nothing}${ui.includes('e')
        ? context.editor(node)
        : html`<div part="body" class="body" dir="auto">${renderMarkdown(comment.body)}</div>`}${local ? context.status(node) : nothing}<div class="footer"
        >${local ? nothing : reactions(context, node, ui)}${local ? nothing : actions(context, node, mine)}</div
      >${signInNote(t, viewer, ui)}</div
    ></article
  >`;
}

/** Names repeat across a thread; the grapheme segmentation behind initials is not cheap. */
const initialsCache = new Map<string, string>();

function initialsOf(name: string, lang: string): string {
  const key = `${lang}\n${name}`;
  let letters = initialsCache.get(key);
  if (letters === undefined) {
    if (initialsCache.size > 2000) initialsCache.clear();
    letters = initials(name, lang);
    initialsCache.set(key, letters);
  }
  return letters;
}

/** "Like" for 👍; a reaction key the dictionary does not name is its own name. */
function reactionName(t: CommentsLocalize, key: string): string {
  const name = `reaction.${key}`;
  return name in commentsEn ? t.format(name as CommentsKey) : key;
}

/** What an anonymous visitor who asked to react or reply is told when the page offered no sign-in. */
export function signInNote(t: CommentsLocalize, viewer: Viewer | null, ui: UiFlags): TemplateResult | typeof nothing {
  const about = ui.includes('r') ? 'react' : ui.includes('c') ? 'comment' : undefined;
  return about && viewer === null ? html`<p part="notice" class="notice" role="note">${t.t(`sign-in-note.${about}`)}</p>` : nothing;
}

function reactions(context: CommentContext, node: DisplayNode, ui: UiFlags): TemplateResult | typeof nothing {
  const { localize: t, store, viewer } = context;
  const comment = node.entry.comment;
  const key = node.entry.key;
  const decision = store.can('comment.react', comment);
  // Anonymous visitors see the buttons: pressing one asks the page to sign them in.
  const interactive = !context.readonly && (decision.allowed || (viewer === null && decision.reason === 'sign-in-required'));
  const allowed = context.thread?.reactions ?? [];
  // In the thread's order, whatever order a backend or an optimistic update lists them in: a
  // reaction keeps its place in the bar, and the button with focus keeps its reaction.
  const place = (key: string) => {
    const index = allowed.indexOf(key);
    return index < 0 ? allowed.length : index;
  };
  const shown = comment.reactions.filter((reaction) => reaction.count > 0).sort((a, b) => place(a.key) - place(b.key));
  if (!interactive && shown.length === 0) return nothing;
  const label = (reaction: string, count: number) => t.t('reaction', { name: reactionName(t, reaction), count });
  const pickerOpen = ui.includes('p');
  const reactionButton = (reaction: string, count: number, mine: boolean, part: string) =>
    html`<button
      type="button"
      part=${part}
      class="reaction"
      data-a="react"
      data-k=${key}
      data-r=${reaction}
      aria-pressed=${mine ? 'true' : 'false'}
      aria-label=${label(reaction, count)}
      ><span aria-hidden="true">${count ? `${reaction} ${t.number(count)}` : reaction}</span></button
    >`;
  const items: TemplateResult[] = shown.map((reaction) =>
    interactive
      ? reactionButton(reaction.key, reaction.count, reaction.mine, reaction.mine ? 'reaction reaction-mine' : 'reaction')
      : html`<span part="reaction" class="reaction" role="img" aria-label=${label(reaction.key, reaction.count)}
          ><span aria-hidden="true">${reaction.key} ${t.number(reaction.count)}</span></span
        >`,
  );
  if (interactive && allowed.length > 0) {
    items.push(
      html`<button
        type="button"
        part="add-reaction"
        class="reaction add"
        data-a="picker"
        data-k=${key}
        aria-expanded=${pickerOpen ? 'true' : 'false'}
        aria-label=${t.t('add-reaction', { name: comment.author.name })}
        ><span aria-hidden="true">☺+</span></button
      >`,
    );
    if (pickerOpen) {
      const missing = allowed.filter((reaction) => !shown.some((present) => present.key === reaction));
      items.push(html`<span part="reaction-picker" class="picker">${missing.map((reaction) => reactionButton(reaction, 0, false, 'reaction'))}</span>`);
    }
  }
  return html`<div part="reactions" class="reactions" role="group" aria-label=${t.t('reactions')}>${items}</div>`;
}

function actions(context: CommentContext, node: DisplayNode, mine: boolean): TemplateResult | typeof nothing {
  if (context.readonly) return nothing;
  const { localize: t, store, viewer } = context;
  const comment = node.entry.comment;
  const key = node.entry.key;
  const name = comment.author.name;
  const post = store.can('comment.post');
  const canReply = post.allowed || (viewer === null && post.reason === 'sign-in-required');
  const items: TemplateResult[] = [];
  if (canReply) items.push(button('reply', key, t.t('reply'), t.t('reply-to', { name })));
  if (store.can('comment.edit', comment).allowed) items.push(button('edit', key, t.t('edit'), mine ? t.t('edit-own') : t.t('edit')));
  if (store.can('comment.delete', comment).allowed) items.push(button('delete', key, t.t('delete'), t.t('delete-of', { name })));
  if (store.can('comment.report', comment).allowed) items.push(button('report', key, t.t('report'), t.t('report-of', { name })));
  items.push(...context.moderation(node));
  return items.length ? html`<div part="actions" class="actions">${items}</div>` : nothing;
}
