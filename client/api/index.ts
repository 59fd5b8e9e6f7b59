/** The whole REST client, built once in main.ts (or with a fake fetch in tests). */
import { adminUsersApi } from './admin-users.js';
import { authApi } from './auth.js';
import { departmentsApi } from './departments.js';
import { documentsApi } from './documents.js';
import { eventsApi } from './events.js';
import { groupsApi } from './groups.js';
import { Http, type FetchLike } from './http.js';
import { meApi } from './me.js';
import { reportsApi } from './reports.js';

/** Builds every resource client over one Http. */
export function createApi(options: { fetch?: FetchLike; baseUrl?: string } = {}) {
  const http = new Http(options);
  return {
    http,
    auth: authApi(http),
    me: meApi(http),
    departments: departmentsApi(http),
    adminUsers: adminUsersApi(http),
    groups: groupsApi(http),
    documents: documentsApi(http),
    events: eventsApi(http),
    reports: reportsApi(http),
  };
}

export type Api = ReturnType<typeof createApi>;
