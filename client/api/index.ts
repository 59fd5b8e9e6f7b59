/** The whole REST client, built once in main.ts (or with a fake fetch in tests). */
import { adminUsersApi } from './admin-users.js';
import { authApi } from './auth.js';
import { bookingApi } from './booking.js';
import { workshopsApi } from './workshops.js';
import { departmentsApi } from './departments.js';
import { documentsApi } from './documents.js';
import { eventsApi } from './events.js';
import { groupsApi } from './groups.js';
import { helpApi } from './help.js';
import { Http, type FetchLike } from './http.js';
import { meApi } from './me.js';
import { personalDataApi } from './personal-data.js';
import { reportsApi } from './reports.js';
import { organisationsApi } from './organisations.js';
import { articlesApi } from './articles.js';
import { resourcesApi } from './resources.js';
import { accountTypesApi } from './account-types.js';
import { searchApi } from './search.js';
import { projectSheetsApi } from './project-sheets.js';
import { signupRulesApi } from './signup-rules.js';
import { pollsApi, suggestionsApi } from './polls.js';
import { interestsApi, newslettersApi } from './newsletters.js';
import { communitiesApi } from './communities.js';

/** Builds every resource client over one Http. */
export function createApi(options: { fetch?: FetchLike; baseUrl?: string } = {}) {
  const http = new Http(options);
  return {
    http,
    auth: authApi(http),
    me: meApi(http),
    personalData: personalDataApi(http),
    departments: departmentsApi(http),
    adminUsers: adminUsersApi(http),
    groups: groupsApi(http),
    documents: documentsApi(http),
    events: eventsApi(http),
    reports: reportsApi(http),
    booking: bookingApi(http),
    workshops: workshopsApi(http),
    organisations: organisationsApi(http),
    articles: articlesApi(http),
    accountTypes: accountTypesApi(http),
    search: searchApi(http),
    help: helpApi(http),
    projectSheets: projectSheetsApi(http),
    resources: resourcesApi(http),
    signupRules: signupRulesApi(http),
    polls: pollsApi(http),
    suggestions: suggestionsApi(http),
    interests: interestsApi(http),
    newsletters: newslettersApi(http),
    communities: communitiesApi(http),
  };
}

export type Api = ReturnType<typeof createApi>;
