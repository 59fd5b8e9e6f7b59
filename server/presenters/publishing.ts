import type { ArticleWithAuthor } from '../db/articles';
import type { PersonWithAvatar } from '../protocol/common';
import type { ArticleDraft, ArticleSummary, ModerationItem, PublishedArticle, Sector } from '../protocol/publishing';
import { avatarUrl } from './users';
import { iso } from './time';

const v = (sha: string) => sha.slice(0, 12);
/** The published image's URL: the public route for a public article (visitors read it too), else the members' one. */
export const publishedImageUrl = (a: ArticleWithAuthor): string | null =>
  a.published_image_sha256
    ? `/api/${a.published_access === 'public' ? 'public/' : ''}articles/${a.id}/image?v=${v(a.published_image_sha256)}`
    : null;
const draftImageUrl = (a: ArticleWithAuthor): string | null =>
  a.image_sha256 ? `/api/articles/${a.id}/draft/image?v=${v(a.image_sha256)}` : null;

export type Categories = { departmentCodes: string[]; sectors: Sector[] };
const NONE: Categories = { departmentCodes: [], sectors: [] };

export const articleAuthor = (a: ArticleWithAuthor): PersonWithAvatar => ({
  id: a.author_id,
  username: a.a_username,
  displayName: `${a.a_first_name} ${a.a_last_name}`,
  avatarUrl: avatarUrl({ id: a.author_id, avatar_sha256: a.a_avatar_sha256 }),
});

/** The published version's line (only for an article that has one). */
export function presentArticleSummary(a: ArticleWithAuthor, c: Categories = NONE): ArticleSummary {
  return {
    id: a.id,
    kind: 'article',
    title: a.published_title ?? a.title,
    summary: a.published_summary ?? a.summary,
    access: a.published_access ?? a.access,
    author: articleAuthor(a),
    departmentCodes: c.departmentCodes,
    sectors: c.sectors,
    publishedAt: iso(a.published_at ?? a.updated_at),
    imageUrl: publishedImageUrl(a),
    imageAlt: a.published_image_sha256 ? (a.published_image_alt ?? '') : null,
  };
}

export const presentPublishedArticle = (a: ArticleWithAuthor, c: Categories = NONE): PublishedArticle => ({
  ...presentArticleSummary(a, c),
  body: a.published_body ?? '',
});

export function presentArticleDraft(a: ArticleWithAuthor, c: Categories, canModerate: boolean): ArticleDraft {
  return {
    id: a.id,
    kind: 'article',
    status: a.status,
    title: a.title,
    summary: a.summary,
    body: a.body,
    access: a.access,
    author: articleAuthor(a),
    groupId: a.group_id,
    departmentCodes: c.departmentCodes,
    sectors: c.sectors,
    moderationComment: a.moderation_comment,
    submittedAt: iso(a.submitted_at),
    updatedAt: iso(a.updated_at),
    imageUrl: draftImageUrl(a),
    imageAlt: a.image_sha256 ? (a.image_alt ?? '') : null,
    published: a.published_at
      ? {
          title: a.published_title ?? '',
          summary: a.published_summary ?? '',
          body: a.published_body ?? '',
          access: a.published_access ?? 'pro',
          publishedAt: iso(a.published_at),
          imageUrl: publishedImageUrl(a),
          imageAlt: a.published_image_sha256 ? (a.published_image_alt ?? '') : null,
        }
      : null,
    canModerate: canModerate && a.status === 'submitted',
  };
}

export const presentArticleForModeration = (a: ArticleWithAuthor, c: Categories = NONE): ModerationItem => ({
  kind: 'article',
  kindLabel: 'Article',
  id: a.id,
  title: a.title,
  summary: a.summary,
  body: a.body,
  access: a.access,
  author: articleAuthor(a),
  submittedAt: iso(a.submitted_at),
  republication: !!a.published_at,
  imageUrl: draftImageUrl(a),
  imageAlt: a.image_sha256 ? (a.image_alt ?? '') : null,
  departmentCodes: c.departmentCodes,
  sectors: c.sectors,
});
