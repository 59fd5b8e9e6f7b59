/** Typed call for GET /api/departments. */
import type { Http } from './http.js';
import type { Department } from '../../server/protocol/index.js';

/** The French départements. */
export function departmentsApi(http: Http) {
  return {
    list: () => http.get<Department[]>('/api/departments'),
  };
}

export type DepartmentsApi = ReturnType<typeof departmentsApi>;
