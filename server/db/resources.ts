import type { Knex } from 'knex';
import type { ContentAccess, ContentStatus } from '../protocol/publishing';
import type { ResourceFormat, ResourceSort, ResourceTheme, ResourceType } from '../protocol/resources';
import { whereAnyContains } from '../database';

/** A row of `resources` (see the migration: working copy + published version). */
export interface ResourceRow {
  id: number;
  author_id: number;
  group_id: number | null;
  source_document_id: number | null;
  status: ContentStatus;
  access: ContentAccess;
  title: string;
  description: string;
  resource_type: ResourceType;
  format: ResourceFormat;
  url: string | null;
  file_sha256: string | null;
  file_name: string | null;
  file_mime: string | null;
  file_size: number | string | null;
  application_id: number | null;
  moderation_comment: string | null;
  moderated_by: number | null;
  moderated_at: Date | number | string | null;
  submitted_at: Date | number | string | null;
  published_title: string | null;
  published_description: string | null;
  published_access: ContentAccess | null;
  published_type: ResourceType | null;
  published_format: ResourceFormat | null;
  published_url: string | null;
  published_file_sha256: string | null;
  published_file_name: string | null;
  published_file_mime: string | null;
  published_file_size: number | string | null;
  published_application_id: number | null;
  published_at: Date | number | string | null;
  opens_count: number;
  created_at: Date | number | string;
  updated_at: Date | number | string;
}

/** A resource with its author's name and photo, its published application's name and its favourites count. */
export type ResourceWithAuthor = ResourceRow & {
  a_username: string;
  a_first_name: string;
  a_last_name: string;
  a_avatar_sha256: string | null;
  app_name: string | null;
  favorites_count: number | string;
  d_group_id: number | null;
};

/** A row of `resource_categories`: one of theme, department_code, sector_id is set. */
export interface ResourceCategoryRow {
  resource_id: number;
  theme: ResourceTheme | null;
  department_code: string | null;
  sector_id: number | null;
}

/** The columns of the version on line, copied from the working copy when it is published. */
export const publishedColumns = (r: ResourceRow): Partial<ResourceRow> => ({
  published_title: r.title,
  published_description: r.description,
  published_access: r.access,
  published_type: r.resource_type,
  published_format: r.format,
  published_url: r.url,
  published_file_sha256: r.file_sha256,
  published_file_name: r.file_name,
  published_file_mime: r.file_mime,
  published_file_size: r.file_size,
  published_application_id: r.application_id,
});

const favoritesCount = (db: Knex) =>
  db('favorites as f').where('f.kind', 'resource').whereRaw('f.target_id = r.id').count('*').as('favorites_count');

const withAuthor = (db: Knex) =>
  db('resources as r')
    .join('users as a', 'a.id', 'r.author_id')
    .leftJoin('resource_applications as app', 'app.id', 'r.published_application_id')
    .leftJoin('documents as d', 'd.id', 'r.source_document_id')
    .select(
      'r.*',
      'a.username as a_username',
      'a.first_name as a_first_name',
      'a.last_name as a_last_name',
      'a.avatar_sha256 as a_avatar_sha256',
      'app.name as app_name',
      'd.group_id as d_group_id',
      favoritesCount(db),
    );

export async function insertResource(
  db: Knex,
  row: Omit<ResourceRow, 'id' | 'created_at' | 'updated_at' | 'opens_count'>,
): Promise<ResourceRow> {
  const now = new Date();
  const [r] = await db('resources')
    .insert({ ...row, opens_count: 0, created_at: now, updated_at: now })
    .returning('*');
  return r as ResourceRow;
}

export async function updateResource(db: Knex, id: number, changes: Partial<ResourceRow>): Promise<void> {
  await db('resources')
    .where({ id })
    .update({ ...changes, updated_at: new Date() });
}

/** Records a moderation decision only if the resource is still submitted (the first moderator wins); false otherwise. */
export async function decideResource(db: Knex, id: number, changes: Partial<ResourceRow>): Promise<boolean> {
  const n = await db('resources')
    .where({ id, status: 'submitted' })
    .update({ ...changes, updated_at: new Date() });
  return n === 1;
}

/** Counts one download or opening (no `updated_at`: it is not an edit). */
export async function countOpen(db: Knex, id: number): Promise<void> {
  await db('resources').where({ id }).increment('opens_count', 1);
}

export async function findResource(db: Knex, id: number): Promise<ResourceWithAuthor | undefined> {
  return withAuthor(db).where('r.id', id).first();
}

/** The library's filters; `offset` pages. */
export interface ResourceFilter {
  q?: string;
  type?: ResourceType;
  format?: ResourceFormat;
  theme?: ResourceTheme;
  application?: number;
  department?: string;
  sector?: number;
  access?: ContentAccess;
  sort: ResourceSort;
  offset: number;
  limit: number;
}

const inCategory = (q: Knex.QueryBuilder, column: string, value: string | number) =>
  q.whereIn('r.id', (sub) => sub.select('resource_id').from('resource_categories').where(column, value));

/** Popularity: downloads and openings, plus five per member keeping it in their favourites. */
export const POPULARITY_FAVORITE_WEIGHT = 5;

/** Published resources (their version on line); `publicOnly` for visitors. */
export async function publishedResources(db: Knex, f: ResourceFilter, publicOnly: boolean): Promise<ResourceWithAuthor[]> {
  const q = withAuthor(db).whereNotNull('r.published_at');
  if (publicOnly) q.where('r.published_access', 'public');
  else if (f.access) q.where('r.published_access', f.access);
  if (f.q) whereAnyContains(q, ['r.published_title', 'r.published_description'], f.q);
  if (f.type) q.where('r.published_type', f.type);
  if (f.format) q.where('r.published_format', f.format);
  if (f.application) q.where('r.published_application_id', f.application);
  if (f.theme) inCategory(q, 'theme', f.theme);
  if (f.department) inCategory(q, 'department_code', f.department);
  if (f.sector) inCategory(q, 'sector_id', f.sector);
  if (f.sort === 'title') q.orderByRaw('lower(r.published_title) asc');
  else if (f.sort === 'application')
    q.orderByRaw('case when app.name is null then 1 else 0 end, lower(app.name) asc, lower(r.published_title) asc');
  else if (f.sort === 'popularity')
    q.orderByRaw(
      `r.opens_count + ${POPULARITY_FAVORITE_WEIGHT} * (select count(*) from favorites f2 where f2.kind = 'resource' and f2.target_id = r.id) desc`,
    );
  q.orderBy([
    { column: 'r.published_at', order: 'desc' },
    { column: 'r.id', order: 'desc' },
  ]);
  return q.offset(f.offset).limit(f.limit);
}

/** An author's resources, whatever their status, the last changed first. */
export async function resourcesOf(
  db: Knex,
  authorId: number,
  f: { status?: ContentStatus; offset: number; limit: number },
): Promise<ResourceWithAuthor[]> {
  const q = withAuthor(db)
    .where('r.author_id', authorId)
    .orderBy([
      { column: 'r.updated_at', order: 'desc' },
      { column: 'r.id', order: 'desc' },
    ]);
  if (f.status) q.where('r.status', f.status);
  return q.offset(f.offset).limit(f.limit);
}

/** Submitted resources, the oldest submission first; `groupIds` limits them to these groups' (null: every one). */
export async function submittedResources(db: Knex, groupIds: number[] | null): Promise<ResourceWithAuthor[]> {
  const q = withAuthor(db)
    .where('r.status', 'submitted')
    .orderBy([
      { column: 'r.submitted_at', order: 'asc' },
      { column: 'r.id', order: 'asc' },
    ]);
  if (groupIds) q.whereIn('r.group_id', groupIds);
  return q.limit(200);
}

/** The resources promoted from a document (the bank shows it is in the library). */
export async function resourcesFromDocument(db: Knex, documentId: number): Promise<ResourceRow[]> {
  return db('resources').where({ source_document_id: documentId }).select('*');
}

/** The categories of some resources, by resource id. */
export async function resourceCategories(db: Knex, ids: number[]): Promise<ResourceCategoryRow[]> {
  if (!ids.length) return [];
  return db('resource_categories').whereIn('resource_id', ids).select('resource_id', 'theme', 'department_code', 'sector_id');
}

/** Replaces a resource's categories. */
export async function setResourceCategories(
  db: Knex,
  id: number,
  c: { themes: string[]; departmentCodes: string[]; sectorIds: number[] },
): Promise<void> {
  await db('resource_categories').where({ resource_id: id }).delete();
  const none = { theme: null, department_code: null, sector_id: null };
  const rows = [
    ...[...new Set(c.themes)].map((theme) => ({ ...none, resource_id: id, theme })),
    ...[...new Set(c.departmentCodes)].map((code) => ({ ...none, resource_id: id, department_code: code })),
    ...[...new Set(c.sectorIds)].map((s) => ({ ...none, resource_id: id, sector_id: s })),
  ];
  if (rows.length) await db('resource_categories').insert(rows);
}
