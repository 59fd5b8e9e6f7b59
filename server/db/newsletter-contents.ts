import type { Knex } from 'knex';
import { whereAnyContains } from '../database';

/** What a newsletter shows of an article. */
export interface ArticleCardRow {
  id: number;
  title: string;
  summary: string;
  access: string;
  published_at: Date | number | string;
}

/** What a newsletter shows of an event (events of groups that are not private). */
export interface EventCardRow {
  id: number;
  title: string;
  description: string | null;
  starts_at: Date | number | string;
  location: string | null;
  group_id: number;
  group_name: string;
}

const articles = (db: Knex) =>
  db('articles as ar')
    .whereNotNull('ar.published_at')
    .select('ar.id', 'ar.published_title as title', 'ar.published_summary as summary', 'ar.published_access as access', 'ar.published_at');

/** Published articles (public or pro), newest first, optionally matching `text`. */
export async function publishedArticleCards(db: Knex, text: string | undefined, limit: number): Promise<ArticleCardRow[]> {
  const q = articles(db)
    .orderBy([
      { column: 'ar.published_at', order: 'desc' },
      { column: 'ar.id', order: 'desc' },
    ])
    .limit(limit);
  if (text) whereAnyContains(q, ['ar.published_title', 'ar.published_summary'], text);
  return q;
}

export async function articleCardsByIds(db: Knex, ids: number[]): Promise<ArticleCardRow[]> {
  return ids.length ? articles(db).whereIn('ar.id', ids) : [];
}

/** Events of non-private groups, not cancelled; a newsletter may only show what every member may find. */
const events = (db: Knex) =>
  db('events as e')
    .join('groups as g', 'g.id', 'e.group_id')
    .whereNot('g.visibility', 'private')
    .whereNull('e.cancelled_at')
    // Only what moderation let through: a draft or a submitted event is no one's news yet.
    .whereNotNull('e.published_at')
    .select('e.id', 'e.title', 'e.description', 'e.starts_at', 'e.location', 'e.group_id', 'g.name as group_name');

/** Coming events (not ended at `now`), soonest first, optionally matching `text`. */
export async function comingEventCards(db: Knex, text: string | undefined, now: Date, limit: number): Promise<EventCardRow[]> {
  const q = events(db)
    .where('e.ends_at', '>', now)
    .orderBy([{ column: 'e.starts_at' }, { column: 'e.id' }])
    .limit(limit);
  if (text) whereAnyContains(q, ['e.title', "coalesce(e.description, '')"], text);
  return q;
}

export async function eventCardsByIds(db: Knex, ids: number[]): Promise<EventCardRow[]> {
  return ids.length ? events(db).whereIn('e.id', ids) : [];
}

/** What a newsletter shows of a resource of the library (its published version). */
export interface ResourceCardRow {
  id: number;
  title: string;
  description: string;
  access: string;
  published_at: Date | number | string;
}

const resources = (db: Knex) =>
  db('resources as r')
    .whereNotNull('r.published_at')
    .select(
      'r.id',
      'r.published_title as title',
      'r.published_description as description',
      'r.published_access as access',
      'r.published_at',
    );

/** Published resources (public or pro), newest first, optionally matching `text`. */
export async function publishedResourceCards(db: Knex, text: string | undefined, limit: number): Promise<ResourceCardRow[]> {
  const q = resources(db)
    .orderBy([
      { column: 'r.published_at', order: 'desc' },
      { column: 'r.id', order: 'desc' },
    ])
    .limit(limit);
  if (text) whereAnyContains(q, ['r.published_title', 'r.published_description'], text);
  return q;
}

export async function resourceCardsByIds(db: Knex, ids: number[]): Promise<ResourceCardRow[]> {
  return ids.length ? resources(db).whereIn('r.id', ids) : [];
}
