/** Typed calls for the resource library: lists, pages, proposals (a link as JSON, a file as multipart), applications, promotion. */
import type { Http } from './http.js';
import type {
  ContentStatus,
  PromoteBody,
  ResourceApplication,
  ResourceBody,
  ResourceDraft,
  ResourceSummary,
} from '../../server/protocol/index.js';

/** The library's filters and order (every value a string, as the form holds them). */
export interface ResourceFilters {
  q?: string;
  type?: string;
  format?: string;
  theme?: string;
  application?: string;
  department?: string;
  sector?: string;
  access?: string;
  sort?: string;
  status?: ContentStatus | '';
  cursor?: string | number | null;
}

type PageOf<T> = { items: T[]; nextCursor: number | null };

/** A save: JSON for a link, multipart (`data` + `file`) when a file goes with it. */
const saveBody = (body: ResourceBody, file: File | null): ResourceBody | FormData => {
  if (!file) return body;
  const form = new FormData();
  form.append('data', JSON.stringify(body));
  form.append('file', file);
  return form;
};

export function resourcesApi(http: Http) {
  return {
    /** Published resources: members see public and pro ones, visitors (`signedIn` false) public ones. */
    list: (f: ResourceFilters, signedIn: boolean) =>
      http.get<PageOf<ResourceSummary>>(signedIn ? '/api/resources' : '/api/public/resources', { query: { ...f } }),
    read: (id: number, signedIn: boolean) => http.get<ResourceSummary>(signedIn ? `/api/resources/${id}` : `/api/public/resources/${id}`),
    draft: (id: number) => http.get<ResourceDraft>(`/api/resources/${id}/draft`),
    create: (body: ResourceBody, file: File | null) => http.post<ResourceDraft>('/api/resources', saveBody(body, file)),
    save: (id: number, body: ResourceBody, file: File | null) => http.put<ResourceDraft>(`/api/resources/${id}`, saveBody(body, file)),
    mine: (f: ResourceFilters) => http.get<PageOf<ResourceDraft>>('/api/me/resources', { query: { status: f.status, cursor: f.cursor } }),
    recommend: (id: number, email: string, message: string) =>
      http.post<{ status: 'sent' }>(`/api/resources/${id}/recommend`, { email, message }),
    promote: (documentId: number, body: PromoteBody) => http.post<ResourceDraft>(`/api/documents/${documentId}/promote`, body),
    applications: () => http.get<{ items: ResourceApplication[] }>('/api/resource-applications'),
    addApplication: (name: string) => http.post<ResourceApplication>('/api/admin/resource-applications', { name }),
    renameApplication: (id: number, name: string) => http.patch<ResourceApplication>(`/api/admin/resource-applications/${id}`, { name }),
  };
}

export type ResourcesApi = ReturnType<typeof resourcesApi>;
