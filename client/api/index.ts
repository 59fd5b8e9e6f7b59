/** The whole REST client, built once in main.ts (or with a fake fetch in tests). */
import { adminUsersApi } from './admin-users.js';
import { authApi } from './auth.js';
import { departmentsApi } from './departments.js';
import { Http, type FetchLike } from './http.js';
import { meApi } from './me.js';

/** Builds every resource client over one Http. */
export function createApi(options: { fetch?: FetchLike; baseUrl?: string } = {}) {
  const http = new Http(options);
  return {
    http,
    auth: authApi(http),
    me: meApi(http),
    departments: departmentsApi(http),
    adminUsers: adminUsersApi(http),
  };
}

export type Api = ReturnType<typeof createApi>;
