/** Typed calls for the help centre's FAQ (/api/help). */
import type { Http } from './http.js';
import type { FaqChangeBody, FaqEntry, FaqEntryBody, FaqList } from '../../server/protocol/help.js';

export type { FaqChangeBody, FaqEntry, FaqEntryBody } from '../../server/protocol/help.js';

export function helpApi(http: Http) {
  return {
    /** The whole FAQ, by category. */
    faq: () => http.get<FaqList>('/api/help/faq'),
    /** The entries sharing words with `q`, the best first (the hotline's suggestions). */
    suggest: (q: string, limit = 3, signal?: AbortSignal) => http.get<FaqList>('/api/help/faq', { query: { q, limit }, signal }),
    create: (body: FaqEntryBody) => http.post<FaqEntry>('/api/help/faq', body),
    change: (id: number, body: FaqChangeBody) => http.patch<FaqEntry>(`/api/help/faq/${id}`, body),
    remove: (id: number) => http.delete<void>(`/api/help/faq/${id}`),
  };
}

export type HelpApi = ReturnType<typeof helpApi>;
