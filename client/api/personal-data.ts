/** Typed calls for "Mes données": the export's address and the deletion of one's own account. */
import type { Http } from './http.js';
import type { DeletionScheduled } from '../../server/protocol/personal-data.js';

/** Where the browser downloads the zip of everything about the signed-in person (cookie session). */
export const PERSONAL_DATA_EXPORT_URL = '/api/me/export';

/** Routes of the personal-data domain. */
export function personalDataApi(http: Http) {
  return {
    requestDeletion: (password: string) => http.post<DeletionScheduled>('/api/me/deletion', { password }),
  };
}

export type PersonalDataApi = ReturnType<typeof personalDataApi>;
