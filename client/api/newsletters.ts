/** Typed calls for centres of interest and newsletters (server/protocol/newsletters.ts). */
import type { Http } from './http.js';
import type {
  InterestTheme,
  InterestThemeList,
  MyInterests,
  MyInterestsInput,
  NewsletterContentList,
  NewsletterInput,
  NewsletterIssue,
  NewsletterList,
  NewsletterPreview,
  NewsletterUnsubscribed,
  NewsletterUnsubscribeInfo,
} from '../../server/protocol/index.js';

export type { InterestTheme, NewsletterIssue, NewsletterItem, NewsletterSummary, NewsletterPreview } from '../../server/protocol/index.js';

export function interestsApi(http: Http) {
  return {
    themes: () => http.get<InterestThemeList>('/api/interest-themes'),
    addTheme: (label: string) => http.post<InterestTheme>('/api/admin/interest-themes', { label }),
    renameTheme: (id: number, label: string) => http.patch<InterestTheme>(`/api/admin/interest-themes/${id}`, { label }),
    deleteTheme: (id: number) => http.delete<void>(`/api/admin/interest-themes/${id}`),
    mine: () => http.get<MyInterests>('/api/me/interests'),
    save: (input: MyInterestsInput) => http.put<MyInterests>('/api/me/interests', input),
  };
}

export function newslettersApi(http: Http) {
  return {
    list: () => http.get<NewsletterList>('/api/newsletters'),
    get: (id: number) => http.get<NewsletterIssue>(`/api/newsletters/${id}`),
    create: (input: NewsletterInput) => http.post<NewsletterIssue>('/api/newsletters', input),
    update: (id: number, input: NewsletterInput) => http.put<NewsletterIssue>(`/api/newsletters/${id}`, input),
    remove: (id: number) => http.delete<void>(`/api/newsletters/${id}`),
    contents: (q: string) => http.get<NewsletterContentList>(`/api/newsletter-contents?q=${encodeURIComponent(q)}`),
    preview: (id: number) => http.get<NewsletterPreview>(`/api/newsletters/${id}/preview`),
    test: (id: number) => http.post<{ to: string }>(`/api/newsletters/${id}/test`, {}),
    send: (id: number) => http.post<NewsletterIssue>(`/api/newsletters/${id}/send`, {}),
    /** A second round for the failed deliveries of a sent issue. */
    retry: (id: number) => http.post<NewsletterIssue>(`/api/newsletters/${id}/retry`, {}),
    unsubscribeInfo: (token: string) => http.get<NewsletterUnsubscribeInfo>(`/api/newsletter-unsubscribe/${encodeURIComponent(token)}`),
    unsubscribe: (token: string) => http.post<NewsletterUnsubscribed>(`/api/newsletter-unsubscribe/${encodeURIComponent(token)}`, {}),
  };
}
