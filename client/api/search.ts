/** The one search: GET /api/search (first hits of each type) and GET /api/search/:type (one type, page by page). */
import type { SearchOverview, SearchPage, SearchSort, SearchType } from '../../server/protocol/index.js';
import type { Http } from './http.js';

export type { SearchHit, SearchOverview, SearchPage, SearchSegment, SearchSort, SearchType } from '../../server/protocol/index.js';

export function searchApi(http: Http) {
  return {
    overview: (q: string, sort: SearchSort) => http.get<SearchOverview>('/api/search', { query: { q, sort } }),
    page: (type: SearchType, q: string, sort: SearchSort, cursor: string | null, limit = 20) =>
      http.get<SearchPage>(`/api/search/${type}`, { query: { q, sort, cursor, limit } }),
  };
}
