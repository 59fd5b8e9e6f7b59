import type { FavoriteRow } from '../db/favorites';
import type { Favorite } from '../protocol/favorites';
import { iso } from './time';

/** A favourite row → the wire shape, with the client path that opens it. */
export const presentFavorite = (r: FavoriteRow): Favorite => ({
  kind: r.kind,
  id: Number(r.target_id),
  title: r.title,
  context: r.kind === 'resource' ? 'Ressourcerie' : `Groupe ${r.g_name}`,
  href:
    r.kind === 'post'
      ? `/groupes/${r.group_id}/fil?publication=${r.target_id}`
      : r.kind === 'resource'
        ? `/ressources/${r.target_id}`
        : `/documents/${r.target_id}`,
  savedAt: iso(r.created_at),
});
