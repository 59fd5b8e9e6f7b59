/** « Mes favoris »: keep, drop and list the posts and documents a member keeps at hand. */
import type { Knex } from 'knex';
import type { UserRow } from '../../db/users';
import { addFavorite, listFavorites, removeFavorite } from '../../db/favorites';
import { accessFavoriteTarget } from '../../access/favorites';
import { presentFavorite } from '../../presenters/favorites';
import type { FavoriteAnswer, FavoriteKind, FavoriteList } from '../../protocol/favorites';

/** Keeps a post or document the member may see (404 for one they may not). */
export async function keepFavorite(db: Knex, actor: UserRow, kind: FavoriteKind, id: number): Promise<FavoriteAnswer> {
  await accessFavoriteTarget(db, actor, kind, id);
  await addFavorite(db, actor.id, kind, id);
  return { kind, id, favorite: true };
}

/** Drops a favourite (whether or not the target is still visible: it is the member's own row). */
export async function dropFavorite(db: Knex, actor: UserRow, kind: FavoriteKind, id: number): Promise<FavoriteAnswer> {
  await removeFavorite(db, actor.id, kind, id);
  return { kind, id, favorite: false };
}

/** GET /api/favorites. */
export async function myFavorites(db: Knex, actor: UserRow): Promise<FavoriteList> {
  return { items: (await listFavorites(db, actor.id, 500)).map(presentFavorite) };
}
