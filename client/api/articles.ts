/** Typed calls for editorial publishing: articles, "Mes contenus", moderation, sectors, recommendations. */
import type { Http } from './http.js';
import type {
  ArticleBody,
  ArticleDraft,
  ArticleSummary,
  ContentStatus,
  ModerationBody,
  ModerationItem,
  PublishedArticle,
  Sector,
} from '../../server/protocol/index.js';

/** Filters of the lists. */
export interface ArticleFilters {
  q?: string;
  department?: string;
  sector?: string | number;
  status?: ContentStatus | '';
  cursor?: string | number | null;
}

type PageOf<T> = { items: T[]; nextCursor: number | null };
const query = (f: ArticleFilters) => ({ q: f.q, department: f.department, sector: f.sector, status: f.status, cursor: f.cursor });

export function articlesApi(http: Http) {
  return {
    /** Published articles: members see public and pro ones, visitors (`signedIn` false) public ones. */
    list: (f: ArticleFilters, signedIn: boolean) =>
      http.get<PageOf<ArticleSummary>>(signedIn ? '/api/articles' : '/api/public/articles', { query: query(f) }),
    read: (id: number, signedIn: boolean) => http.get<PublishedArticle>(signedIn ? `/api/articles/${id}` : `/api/public/articles/${id}`),
    draft: (id: number) => http.get<ArticleDraft>(`/api/articles/${id}/draft`),
    create: (body: ArticleBody) => http.post<ArticleDraft>('/api/articles', body),
    save: (id: number, body: ArticleBody) => http.put<ArticleDraft>(`/api/articles/${id}`, body),
    /** PUT /api/articles/:id/image (multipart, fields `alt` then `file`): the working copy's image and its text alternative. */
    setImage: (id: number, file: File, alt: string) => {
      const form = new FormData();
      form.append('alt', alt);
      form.append('file', file);
      return http.put<ArticleDraft>(`/api/articles/${id}/image`, form);
    },
    removeImage: (id: number) => http.delete<ArticleDraft>(`/api/articles/${id}/image`),
    mine: (f: ArticleFilters) => http.get<PageOf<ArticleDraft>>('/api/me/contents', { query: query(f) }),
    recommend: (id: number, email: string, message: string) =>
      http.post<{ status: 'sent' }>(`/api/articles/${id}/recommend`, { email, message }),
    /** The moderators' queue, filtered by département and sector. */
    queue: (f: Pick<ArticleFilters, 'department' | 'sector'> = {}) =>
      http.get<{ items: ModerationItem[] }>('/api/moderation', { query: { department: f.department, sector: f.sector } }),
    decide: (kind: string, id: number, body: ModerationBody) => http.post<{ status: ContentStatus }>(`/api/moderation/${kind}/${id}`, body),
    sectors: () => http.get<{ items: Sector[] }>('/api/sectors'),
    addSector: (name: string) => http.post<Sector>('/api/admin/sectors', { name }),
    renameSector: (id: number, name: string) => http.patch<Sector>(`/api/admin/sectors/${id}`, { name }),
  };
}

export type ArticlesApi = ReturnType<typeof articlesApi>;
