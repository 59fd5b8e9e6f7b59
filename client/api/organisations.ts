/** Typed calls for organisations: the public request form, the admins' queue, the directory, a sheet and its members. */
import type { Http } from './http.js';
import type {
  MyOrganisation,
  Organisation,
  OrganisationBody,
  OrganisationMember,
  OrganisationMemberBody,
  OrganisationMemberChangeBody,
  OrganisationRequest,
  OrganisationRequestBody,
  OrganisationSummary,
  OrganisationType,
  User,
} from '../../server/protocol/index.js';
import type { CommuneView } from '../../server/protocol/reports.js';

/** Filters of the directory. */
export interface OrganisationSearch {
  q?: string;
  type?: OrganisationType | '';
  cursor?: string | number | null;
}

export function organisationsApi(http: Http) {
  const base = (id: number) => `/api/organisations/${id}`;
  return {
    /** Commune search open to visitors (the request form has no session). */
    communes: (q: string, signal?: AbortSignal) => http.get<{ items: CommuneView[] }>('/api/public/communes', { query: { q }, signal }),
    request: (body: OrganisationRequestBody) => http.post<{ status: 'pending' }>('/api/organisation-requests', body),
    acceptInvitation: (token: string, password: string) => http.post<{ user: User }>('/api/auth/invitation', { token, password }),
    queue: (status: OrganisationRequest['status'] = 'pending') =>
      http.get<{ items: OrganisationRequest[] }>('/api/admin/organisation-requests', { query: { status } }),
    accept: (id: number) => http.post<OrganisationRequest>(`/api/admin/organisation-requests/${id}/accept`, {}),
    refuse: (id: number, reason: string) => http.post<OrganisationRequest>(`/api/admin/organisation-requests/${id}/refuse`, { reason }),
    mine: () => http.get<{ organisation: MyOrganisation | null }>('/api/me/organisation'),
    search: (f: OrganisationSearch = {}) =>
      http.get<{ items: OrganisationSummary[]; nextCursor: number | null }>('/api/organisations', {
        query: { q: f.q, type: f.type, cursor: f.cursor },
      }),
    get: (id: number) => http.get<Organisation>(base(id)),
    update: (id: number, body: OrganisationBody) => http.patch<Organisation>(base(id), body),
    members: (id: number) => http.get<{ items: OrganisationMember[] }>(`${base(id)}/members`),
    createMember: (id: number, body: OrganisationMemberBody) => http.post<OrganisationMember>(`${base(id)}/members`, body),
    changeMember: (id: number, userId: number, body: OrganisationMemberChangeBody) =>
      http.patch<OrganisationMember>(`${base(id)}/members/${userId}`, body),
    removeMember: (id: number, userId: number) => http.delete<void>(`${base(id)}/members/${userId}`),
    /** A pending member's invitation again (a fresh 7-day link; the previous one dies). */
    resendInvitation: (id: number, userId: number) => http.post<{ status: 'sent' }>(`${base(id)}/members/${userId}/invitation`, {}),
  };
}

export type OrganisationsApi = ReturnType<typeof organisationsApi>;
