/** Typed calls for /api/admin/users (admins only). */
import type { Http } from './http.js';
import type { Page, Role, User, UserStatus } from '../../server/protocol/index.js';

/** Filters of the user search. */
export interface UserSearch {
  q?: string;
  role?: Role | '';
  status?: UserStatus | '';
  cursor?: string | number | null;
}

/** Body of POST /api/admin/users (shared with the server, type-only). */
export type { AdminCreateUserBody as AdminCreateUserInput } from '../../server/protocol/accounts.js';
import type { AdminChangeUserBody, AdminCreateUserBody as AdminCreateUserInput } from '../../server/protocol/accounts.js';

/** User management. */
export function adminUsersApi(http: Http) {
  return {
    search: (f: UserSearch = {}) =>
      http.get<Page<User>>('/api/admin/users', {
        query: { q: f.q, role: f.role, status: f.status, cursor: f.cursor },
      }),
    /** The contract does not fix the answer's shape: accept `{ user }` or the bare user. */
    create: async (input: AdminCreateUserInput): Promise<User> => {
      const res = await http.post<{ user?: User } & Partial<User>>('/api/admin/users', input);
      return (res.user ?? res) as User;
    },
    update: async (id: number, patch: AdminChangeUserBody): Promise<User> => {
      const res = await http.patch<{ user?: User } & Partial<User>>(`/api/admin/users/${id}`, patch);
      return (res.user ?? res) as User;
    },
    /** DELETE /api/admin/users/:id: erases the account's personal data at once. */
    remove: (id: number) => http.delete<void>(`/api/admin/users/${id}`),
    /** A pending account's welcome mail again (a fresh 7-day link; the previous one dies). */
    resendWelcome: (id: number) => http.post<{ status: 'sent' }>(`/api/admin/users/${id}/welcome`, {}),
  };
}

export type AdminUsersApi = ReturnType<typeof adminUsersApi>;
