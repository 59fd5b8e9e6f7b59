import type { Knex } from 'knex';
import { myGroupIdsQuery } from './groups';
import { whereVisibleTo } from './posts';

export interface FavoriteRow {
  kind: 'post' | 'document' | 'resource';
  target_id: number;
  title: string;
  group_id: number | null;
  g_name: string | null;
  created_at: Date | number;
}

/** Keeps a favourite (twice is once). */
export async function addFavorite(db: Knex, userId: number, kind: string, targetId: number): Promise<void> {
  await db('favorites')
    .insert({ user_id: userId, kind, target_id: targetId, created_at: new Date() })
    .onConflict(['user_id', 'kind', 'target_id'])
    .ignore();
}

export async function removeFavorite(db: Knex, userId: number, kind: string, targetId: number): Promise<void> {
  await db('favorites').where({ user_id: userId, kind, target_id: targetId }).del();
}

/**
 * A member's favourites they may still see, newest kept first: posts still
 * addressed to one of their groups or to them, documents of their groups' banks,
 * resources still published (members read public and pro ones).
 */
export async function listFavorites(db: Knex, userId: number, limit: number): Promise<FavoriteRow[]> {
  const posts = db('favorites as f')
    .join('posts as p', 'p.id', 'f.target_id')
    .join('groups as g', 'g.id', 'p.group_id')
    .where({ 'f.user_id': userId, 'f.kind': 'post' })
    .select(db.raw("'post' as kind"), 'p.id as target_id', 'p.title', 'p.group_id', 'g.name as g_name', 'f.created_at');
  whereVisibleTo(db, posts, userId);
  const documents = db('favorites as f')
    .join('documents as d', 'd.id', 'f.target_id')
    .join('groups as g', 'g.id', 'd.group_id')
    .where({ 'f.user_id': userId, 'f.kind': 'document' })
    .whereIn('d.group_id', myGroupIdsQuery(db, userId))
    .select(db.raw("'document' as kind"), 'd.id as target_id', 'd.title', 'd.group_id', 'g.name as g_name', 'f.created_at');
  const resources = db('favorites as f')
    .join('resources as r', 'r.id', 'f.target_id')
    .where({ 'f.user_id': userId, 'f.kind': 'resource' })
    .whereNotNull('r.published_at')
    .select(
      db.raw("'resource' as kind"),
      'r.id as target_id',
      'r.published_title as title',
      db.raw('null as group_id'),
      db.raw('null as g_name'),
      'f.created_at',
    );
  const rows = [
    ...((await posts.limit(limit)) as FavoriteRow[]),
    ...((await documents.limit(limit)) as FavoriteRow[]),
    ...((await resources.limit(limit)) as FavoriteRow[]),
  ];
  const at = (r: FavoriteRow) => new Date(r.created_at).getTime();
  return rows.sort((a, b) => at(b) - at(a) || b.target_id - a.target_id).slice(0, limit);
}
