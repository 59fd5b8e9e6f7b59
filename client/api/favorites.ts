/** « Mes favoris »: GET /api/favorites, PUT and DELETE /api/favorites/:kind/:id. */
import type { FavoriteAnswer, FavoriteKind, FavoriteList } from '../../server/protocol/index.js';
import type { Http } from './http.js';

export type { Favorite, FavoriteKind } from '../../server/protocol/index.js';

export function favoritesApi(http: Http) {
  return {
    list: () => http.get<FavoriteList>('/api/favorites'),
    keep: (kind: FavoriteKind, id: number) => http.put<FavoriteAnswer>(`/api/favorites/${kind}/${id}`),
    drop: (kind: FavoriteKind, id: number) => http.delete<FavoriteAnswer>(`/api/favorites/${kind}/${id}`),
  };
}
