/** Typed calls for account types: the sign-up list, and the admins' list and validation queue. */
import type { Http } from './http.js';
import type { AccountType, AccountTypeRequest, User } from '../../server/protocol/index.js';

export function accountTypesApi(http: Http) {
  return {
    list: () => http.get<{ items: AccountType[] }>('/api/account-types'),
    add: (t: AccountType) => http.post<AccountType>('/api/admin/account-types', t),
    change: (key: string, c: { label?: string; needsValidation?: boolean }) =>
      http.patch<AccountType>(`/api/admin/account-types/${encodeURIComponent(key)}`, c),
    /** POST /api/me/account-type: `pending` while an admin validates it, `changed` when in force at once. */
    requestMine: (accountType: string) => http.post<{ status: 'pending' | 'changed'; user: User }>('/api/me/account-type', { accountType }),
    withdrawMine: () => http.delete<{ user: User }>('/api/me/account-type-request'),
    requests: () => http.get<{ items: AccountTypeRequest[] }>('/api/admin/account-type-requests'),
    accept: (userId: number) => http.post<{ status: 'accepted' }>(`/api/admin/account-type-requests/${userId}/accept`, {}),
    refuse: (userId: number, reason: string) =>
      http.post<{ status: 'refused' }>(`/api/admin/account-type-requests/${userId}/refuse`, { reason }),
  };
}

export type AccountTypesApi = ReturnType<typeof accountTypesApi>;
