import type { Knex } from 'knex';
import type { ContentAccess, ContentStatus } from '../protocol/publishing';
import { whereAnyContains } from '../database';

/** A row of `articles` (see the migration: working copy + published version). */
export interface ArticleRow {
  id: number;
  author_id: number;
  group_id: number | null;
  status: ContentStatus;
  access: ContentAccess;
  title: string;
  summary: string;
  body: string;
  image_sha256: string | null;
  image_mime: string | null;
  /** The image's text alternative (required with an image). */
  image_alt?: string | null;
  moderation_comment: string | null;
  moderated_by: number | null;
  moderated_at: Date | number | string | null;
  submitted_at: Date | number | string | null;
  published_title: string | null;
  published_summary: string | null;
  published_body: string | null;
  published_access: ContentAccess | null;
  published_image_sha256: string | null;
  published_image_mime: string | null;
  published_image_alt?: string | null;
  published_at: Date | number | string | null;
  created_at: Date | number | string;
  updated_at: Date | number | string;
}

/** An article with its author's name and photo. */
export type ArticleWithAuthor = ArticleRow & {
  a_username: string;
  a_first_name: string;
  a_last_name: string;
  a_avatar_sha256: string | null;
};

const withAuthor = (db: Knex) =>
  db('articles as ar')
    .join('users as a', 'a.id', 'ar.author_id')
    .select(
      'ar.*',
      'a.username as a_username',
      'a.first_name as a_first_name',
      'a.last_name as a_last_name',
      'a.avatar_sha256 as a_avatar_sha256',
    );

export async function insertArticle(db: Knex, row: Omit<ArticleRow, 'id' | 'created_at' | 'updated_at'>): Promise<ArticleRow> {
  const now = new Date();
  const [r] = await db('articles')
    .insert({ ...row, created_at: now, updated_at: now })
    .returning('*');
  return r as ArticleRow;
}

export async function updateArticle(db: Knex, id: number, changes: Partial<ArticleRow>): Promise<void> {
  await db('articles')
    .where({ id })
    .update({ ...changes, updated_at: new Date() });
}

/**
 * Records a moderation decision only if the article is still submitted (two
 * moderators deciding at once: the first wins); false otherwise.
 */
export async function decideArticle(db: Knex, id: number, changes: Partial<ArticleRow>): Promise<boolean> {
  const n = await db('articles')
    .where({ id, status: 'submitted' })
    .update({ ...changes, updated_at: new Date() });
  return n === 1;
}

export async function findArticle(db: Knex, id: number): Promise<ArticleWithAuthor | undefined> {
  return withAuthor(db).where('ar.id', id).first();
}

/** What the lists filter on; `offset` pages. */
export interface ArticleFilter {
  q?: string;
  department?: string;
  sector?: number;
  offset: number;
  limit: number;
}

function filtered(q: Knex.QueryBuilder, f: ArticleFilter, textColumns: string[]): Knex.QueryBuilder {
  if (f.q) whereAnyContains(q, textColumns, f.q);
  if (f.department)
    q.whereIn('ar.id', (sub) => sub.select('article_id').from('article_categories').where('department_code', f.department!));
  if (f.sector) q.whereIn('ar.id', (sub) => sub.select('article_id').from('article_categories').where('sector_id', f.sector!));
  return q.offset(f.offset).limit(f.limit);
}

/** Published articles, newest first; `publicOnly` for visitors. */
export async function publishedArticles(db: Knex, f: ArticleFilter, publicOnly: boolean): Promise<ArticleWithAuthor[]> {
  const q = withAuthor(db)
    .whereNotNull('ar.published_at')
    .orderBy([
      { column: 'ar.published_at', order: 'desc' },
      { column: 'ar.id', order: 'desc' },
    ]);
  if (publicOnly) q.where('ar.published_access', 'public');
  return filtered(q, f, ['ar.published_title', 'ar.published_summary']);
}

/** An author's articles, whatever their status, the last changed first. */
export async function articlesOf(db: Knex, authorId: number, f: ArticleFilter & { status?: ContentStatus }): Promise<ArticleWithAuthor[]> {
  const q = withAuthor(db)
    .where('ar.author_id', authorId)
    .orderBy([
      { column: 'ar.updated_at', order: 'desc' },
      { column: 'ar.id', order: 'desc' },
    ]);
  if (f.status) q.where('ar.status', f.status);
  return filtered(q, f, ['ar.title', 'ar.summary']);
}

/** Submitted articles, the oldest submission first; `groupIds` limits them to these groups' (null: every article). */
export async function submittedArticles(db: Knex, groupIds: number[] | null): Promise<ArticleWithAuthor[]> {
  const q = withAuthor(db)
    .where('ar.status', 'submitted')
    .orderBy([
      { column: 'ar.submitted_at', order: 'asc' },
      { column: 'ar.id', order: 'asc' },
    ]);
  if (groupIds) q.whereIn('ar.group_id', groupIds);
  return q.limit(200);
}
