import type { ResourceWithAuthor } from '../db/resources';
import type { PersonWithAvatar } from '../protocol/common';
import type { ModerationItem, Sector } from '../protocol/publishing';
import type { ResourceDraft, ResourceFile, ResourceSummary, ResourceTheme } from '../protocol/resources';
import { RESOURCE_FORMATS, RESOURCE_TYPES } from '../protocol/resources';
import { avatarUrl } from './users';
import { iso } from './time';

/** A resource's categories. */
export type ResourceCategories = { themes: ResourceTheme[]; departmentCodes: string[]; sectors: Sector[] };
export const NO_CATEGORIES: ResourceCategories = { themes: [], departmentCodes: [], sectors: [] };

const author = (r: ResourceWithAuthor): PersonWithAvatar => ({
  id: r.author_id,
  username: r.a_username,
  displayName: `${r.a_first_name} ${r.a_last_name}`,
  avatarUrl: avatarUrl({ id: r.author_id, avatar_sha256: r.a_avatar_sha256 }),
});

const fileOf = (name: string | null, mime: string | null, size: number | string | null): ResourceFile | null =>
  name && mime ? { name, mimeType: mime, size: Number(size ?? 0) } : null;

/** Where the published version is opened (counted): the public route for a public resource, visitors use it too. */
export const resourceOpenUrl = (r: Pick<ResourceWithAuthor, 'id' | 'published_access'>): string =>
  `/api/${r.published_access === 'public' ? 'public/' : ''}resources/${r.id}/open`;

/** The published version's line; `member` says whether the reader is a member (the source document is theirs to follow). */
export function presentResourceSummary(r: ResourceWithAuthor, c: ResourceCategories, member: boolean): ResourceSummary {
  return {
    id: r.id,
    kind: 'resource',
    title: r.published_title ?? r.title,
    description: r.published_description ?? r.description,
    type: r.published_type ?? r.resource_type,
    format: r.published_format ?? r.format,
    url: r.published_url,
    file: fileOf(r.published_file_name, r.published_file_mime, r.published_file_size),
    openUrl: resourceOpenUrl(r),
    access: r.published_access ?? r.access,
    application: r.published_application_id && r.app_name ? { id: r.published_application_id, name: r.app_name } : null,
    themes: c.themes,
    departmentCodes: c.departmentCodes,
    sectors: c.sectors,
    author: author(r),
    publishedAt: iso(r.published_at ?? r.updated_at),
    opens: Number(r.opens_count),
    favorites: Number(r.favorites_count ?? 0),
    sourceDocument: member && r.source_document_id && r.d_group_id ? { id: r.source_document_id, groupId: r.d_group_id } : null,
  };
}

export function presentResourceDraft(r: ResourceWithAuthor, c: ResourceCategories, canModerate: boolean): ResourceDraft {
  return {
    id: r.id,
    kind: 'resource',
    status: r.status,
    title: r.title,
    description: r.description,
    type: r.resource_type,
    format: r.format,
    url: r.url,
    file: fileOf(r.file_name, r.file_mime, r.file_size),
    draftFileUrl: r.file_sha256 ? `/api/resources/${r.id}/draft/file` : null,
    access: r.access,
    applicationId: r.application_id,
    themes: c.themes,
    departmentCodes: c.departmentCodes,
    sectors: c.sectors,
    groupId: r.group_id,
    author: author(r),
    moderationComment: r.moderation_comment,
    submittedAt: iso(r.submitted_at),
    updatedAt: iso(r.updated_at),
    published: r.published_at
      ? { title: r.published_title ?? '', publishedAt: iso(r.published_at), access: r.published_access ?? 'pro' }
      : null,
    canModerate: canModerate && r.status === 'submitted',
  };
}

const label = (list: readonly { key: string; label: string }[], key: string) => list.find((x) => x.key === key)?.label ?? key;

/** A submitted resource in the moderators' queue, shown as it will look (its link or file named in the body). */
export function presentResourceForModeration(r: ResourceWithAuthor): ModerationItem {
  const what = r.format === 'file' ? `Fichier : ${r.file_name ?? ''}` : `${label(RESOURCE_FORMATS, r.format)} : ${r.url ?? ''}`;
  return {
    kind: 'resource',
    kindLabel: `Ressource · ${label(RESOURCE_TYPES, r.resource_type)}`,
    id: r.id,
    title: r.title,
    summary: what,
    body: r.description,
    access: r.access,
    author: author(r),
    submittedAt: iso(r.submitted_at),
    republication: !!r.published_at,
    imageUrl: null,
    imageAlt: null,
  };
}
